package dm20.mcp.session;

import dm20.mcp.game.GameEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session tools' answers, written as the tool result's JSON text with the shared JSON rules (absent
 * {@code Optional}s are left out). Component names are the JSON field names: add components only at the end.
 */
public sealed interface SessionAnswer {

    /** {@code session_start}: the session's number, whether it was already open, its recap and last time's. */
    record Started(int session, boolean resumed, String recap, Recap lastTime) implements SessionAnswer {
    }

    /** {@code session_recap}: the session it recaps (none before the first ended), its events, XP and text. */
    record Recap(Optional<GameSession> session, List<GameEvent> events, Map<String, Integer> xpTotals,
                 String recap) implements SessionAnswer {
    }

    /** {@code post_recap}: the post's id and its text. */
    record Posted(String posted, String text) implements SessionAnswer {
    }

    /** {@code session_end}: the session ended, the XP it gave, everyone's XP totals since the start. */
    record Ended(int session, Map<String, Integer> xp, Map<String, Integer> xpTotals, boolean saved)
            implements SessionAnswer {
    }
}
