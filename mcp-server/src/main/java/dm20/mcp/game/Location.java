package dm20.mcp.game;

import java.util.List;
import java.util.Objects;

/** A place; {@code connections} names places reachable from here. */
public record Location(String id, String name, String description, List<String> connections, String notes) {
    public Location {
        Objects.requireNonNull(id, "id");
        CharacterDraft.requireText(name, "name");
        description = Objects.requireNonNullElse(description, "");
        connections = connections == null ? List.of() : List.copyOf(connections);
        notes = Objects.requireNonNullElse(notes, "");
    }
}
