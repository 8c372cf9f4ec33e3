package dm20.mcp.session;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One game session (an evening at the table), as saved in {@code sessions.json}. Immutable; fields are
 * only added at the end.
 *
 * @param number  1, 2, … in the campaign
 * @param recap   the "previously on…" shown at its start (public)
 * @param notes   what the DM recorded during it
 * @param summary what happened, written at its end (public: it opens the next recap)
 * @param xp      XP awarded at its end, by character name
 * @param next    the DM's plan for next time (DM only)
 */
public record GameSession(int number, Optional<String> title, Instant startedAt, Optional<Instant> endedAt,
                          Optional<String> recap, List<Note> notes, Optional<String> summary, Map<String, Integer> xp,
                          Optional<String> next) {

    /** A note; {@code dmOnly} notes never reach a player. */
    public record Note(Instant at, String text, boolean dmOnly) {
        public Note {
            Objects.requireNonNull(at, "at");
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a session note needs text");
            }
        }
    }

    public GameSession {
        if (number < 1) {
            throw new IllegalArgumentException("session number must be 1 or more, got " + number);
        }
        title = title == null ? Optional.empty() : title;
        Objects.requireNonNull(startedAt, "startedAt");
        endedAt = endedAt == null ? Optional.empty() : endedAt;
        recap = recap == null ? Optional.empty() : recap;
        notes = notes == null ? List.of() : List.copyOf(notes);
        summary = summary == null ? Optional.empty() : summary;
        xp = xp == null ? Map.of() : Map.copyOf(xp);
        next = next == null ? Optional.empty() : next;
    }

    /** Still running (not ended). */
    public boolean open() {
        return endedAt.isEmpty();
    }

    GameSession withNote(Note note) {
        List<Note> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new GameSession(number, title, startedAt, endedAt, recap, all, summary, xp, next);
    }

    GameSession withRecap(String text) {
        return new GameSession(number, title, startedAt, endedAt, Optional.of(text), notes, summary, xp, next);
    }

    GameSession ended(Instant at, String summaryText, Map<String, Integer> awarded, Optional<String> plan) {
        return new GameSession(number, title, startedAt, Optional.of(at), recap, notes, Optional.of(summaryText),
                awarded, plan);
    }
}
