package dm20.mcp.game;

import java.time.Instant;
import java.util.Objects;

/** One line of the campaign's event log (e.g. kind "combat", "story", "loot"). */
public record GameEvent(String id, Instant at, String kind, String text) {
    public GameEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        kind = Objects.requireNonNullElse(kind, "story");
        CharacterDraft.requireText(text, "text");
    }
}
