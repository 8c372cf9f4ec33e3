package dm20.mcp.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tool parameter. Types are deliberately permissive in the JSON schema because LLM callers send lists
 * and objects as JSON-encoded strings and numbers as strings; {@link Args} does the real checking.
 *
 * @param name        snake_case name, from the shared vocabulary ({@code campaign}, {@code character}, …)
 * @param type        what {@link Args} accepts
 * @param required    whether the call fails without it
 * @param description what the model should pass
 */
public record Param(String name, Type type, boolean required, String description) {

    /** The accepted kinds of value. */
    public enum Type { TEXT, INTEGER, BOOLEAN, LIST, OBJECT }

    /** The optional acting player: when present, the call obeys that player's permissions and view. */
    public static final Param AS_PLAYER = optional("as_player", Type.TEXT,
            "act as this player (player id, player name or their character's name): the player's permissions"
                    + " and view apply; omit to act as the DM");

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("parameter names are snake_case, got '" + name + "'");
        }
    }

    public static Param required(String name, Type type, String description) {
        return new Param(name, type, true, description);
    }

    public static Param optional(String name, Type type, String description) {
        return new Param(name, type, false, description);
    }

    /** The JSON schema of a parameter list. */
    static Map<String, Object> schema(List<Param> params) {
        Map<String, Object> properties = new LinkedHashMap<>();
        params.forEach(p -> properties.put(p.name(), Map.of("type", p.jsonTypes(), "description", p.description())));
        return Map.of("type", "object", "properties", properties,
                "required", params.stream().filter(Param::required).map(Param::name).toList());
    }

    private List<String> jsonTypes() {
        return switch (type) {
            case TEXT -> List.of("string");
            case INTEGER -> List.of("integer", "string");
            case BOOLEAN -> List.of("boolean", "string");
            case LIST -> List.of("array", "string");
            case OBJECT -> List.of("object", "string");
        };
    }
}
