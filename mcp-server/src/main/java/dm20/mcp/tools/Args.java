package dm20.mcp.tools;

import dm20.mcp.game.GameException;
import dm20.mcp.game.Names;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tool call's arguments, checked against the tool's {@link Param}s. Lists and objects are accepted as
 * JSON values or as JSON-encoded strings; integers and booleans also as strings. Every problem is a
 * {@link GameException} naming the parameter. Immutable.
 */
public final class Args {

    private final String tool;
    private final Map<String, Object> values;
    private final JsonMapper json;

    /**
     * @throws GameException for an unknown parameter (with "did you mean") or a missing required one
     */
    public Args(String tool, Map<String, Object> raw, List<Param> params, JsonMapper json) {
        this.tool = tool;
        this.json = json;
        this.values = new LinkedHashMap<>();
        List<String> known = params.stream().map(Param::name).toList();
        raw.forEach((name, value) -> {
            if (!known.contains(name)) {
                throw new GameException(Names.notFound("parameter", name, known).replace("no parameter named",
                        tool + " has no parameter"));
            }
            if (value != null) {
                values.put(name, value);
            }
        });
        params.stream().filter(p -> p.required() && blank(values.get(p.name()))).findFirst().ifPresent(p -> {
            throw new GameException(tool + " needs '" + p.name() + "': " + p.description());
        });
    }

    /** Whether the parameter was given. */
    public boolean has(String name) {
        return !blank(values.get(name));
    }

    /** A required text parameter. */
    public String text(String name) {
        return optText(name).orElseThrow(() -> new GameException(tool + " needs '" + name + "'"));
    }

    /**
     * An optional text parameter; blank counts as absent. A number or boolean counts as its text; a JSON array or
     * object is refused, naming the parameter.
     */
    public Optional<String> optText(String name) {
        Object v = values.get(name);
        return blank(v) ? Optional.empty() : Optional.of(scalar(name, v).strip());
    }

    /** An optional integer, given as a number or a numeric string. */
    public Optional<Integer> optInt(String name) {
        Object v = values.get(name);
        if (blank(v)) {
            return Optional.empty();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            if (n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
                throw new GameException("'" + name + "' is out of range, got " + v);
            }
            return Optional.of(n.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(v.toString().strip()));
        } catch (NumberFormatException e) {
            throw new GameException("'" + name + "' must be a whole number, got '" + v + "'");
        }
    }

    /** A required integer. */
    public int integer(String name) {
        return optInt(name).orElseThrow(() -> new GameException(tool + " needs '" + name + "'"));
    }

    /** A boolean (true/false, or the strings "true"/"false"/"yes"/"no"), or {@code fallback}. */
    public boolean bool(String name, boolean fallback) {
        Object v = values.get(name);
        if (blank(v)) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return switch (v.toString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new GameException("'" + name + "' must be true or false, got '" + v + "'");
        };
    }

    /**
     * A list, given as a JSON array or a JSON-encoded string; a plain string that is not JSON is a list of
     * one. Absent is empty.
     *
     * @throws GameException for a {@code null} item or an object where a list belongs, naming the parameter
     */
    public List<Object> list(String name) {
        Object v = values.get(name);
        if (blank(v)) {
            return List.of();
        }
        if (v instanceof Map<?, ?>) {
            throw new GameException("'" + name + "' must be a JSON array (or a string holding one), got an object");
        }
        List<?> items = v instanceof List<?> l ? l : listFromText(name, scalar(name, v).strip());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null) {
                throw new GameException("'" + name + "' item " + (i + 1) + " is null; give a value or leave it out");
            }
        }
        return List.copyOf(items);
    }

    private List<?> listFromText(String name, String s) {
        if (!s.startsWith("[")) {
            return List.of(s);
        }
        List<?> parsed = parse(name, s, List.class);
        return parsed == null ? List.of() : parsed;
    }

    /**
     * A list of texts (each number or boolean as its text).
     *
     * @throws GameException if an item is a nested list, an object or {@code null}, naming the parameter and item
     */
    public List<String> texts(String name) {
        List<Object> items = list(name);
        List<String> out = new java.util.ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String s = scalar(name + "' item '" + (i + 1), items.get(i)).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    /**
     * An object, given as a JSON object or a JSON-encoded string. Absent is empty. Its values may be any JSON
     * value, {@code null} included: the caller checks them.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String name) {
        Object v = values.get(name);
        if (blank(v)) {
            return Map.of();
        }
        if (v instanceof Map<?, ?> m) {
            return java.util.Collections.unmodifiableMap((Map<String, Object>) m);
        }
        if (v instanceof List<?>) {
            throw new GameException("'" + name + "' must be a JSON object (or a string holding one), got an array");
        }
        Map<String, Object> parsed = parse(name, v.toString().strip(), Map.class);
        if (parsed == null) {
            throw new GameException("'" + name + "' must be a JSON object (or a string holding one), got null");
        }
        return java.util.Collections.unmodifiableMap(parsed);
    }

    /** A text, number or boolean as text; a list or object is a {@link GameException} naming {@code name}. */
    private static String scalar(String name, Object v) {
        return switch (v) {
            case String s -> s;
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case List<?> l -> throw new GameException("'" + name + "' must be text, got a JSON array");
            case Map<?, ?> m -> throw new GameException("'" + name + "' must be text, got a JSON object");
            case null -> throw new GameException("'" + name + "' must be text, got null");
            default -> throw new GameException("'" + name + "' must be text, got " + v);
        };
    }

    /** Converts a parsed value (map, list) to a record with the shared JSON rules. */
    public <T> T convert(String name, Object value, Class<T> type) {
        try {
            return json.convertValue(value, type);
        } catch (IllegalArgumentException | JacksonException e) {
            throw new GameException("'" + name + "' is not a valid " + type.getSimpleName() + ": "
                    + rootMessage(e));
        }
    }

    private <T> T parse(String name, String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JacksonException e) {
            throw new GameException("'" + name + "' must be a JSON " + (type == List.class ? "array" : "object")
                    + " (or a string holding one): " + e.getOriginalMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static boolean blank(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }
}
