package dm20.mcp.game;

import java.util.Objects;

/** A non-player character the DM keeps notes on. {@code id} is stable; names may change. */
public record Npc(String id, String name, String description, String location, String attitude, String notes) {
    public Npc {
        Objects.requireNonNull(id, "id");
        CharacterDraft.requireText(name, "name");
        description = Objects.requireNonNullElse(description, "");
        location = Objects.requireNonNullElse(location, "");
        attitude = Objects.requireNonNullElse(attitude, "");
        notes = Objects.requireNonNullElse(notes, "");
    }
}
