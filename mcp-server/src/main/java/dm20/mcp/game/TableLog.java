package dm20.mcp.game;

import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.VisibilityRules;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The recent table talk (narration, whispers, rolls) with each entry's audience, so a tool acting for a
 * player can show exactly what that player may see. Bounded: the oldest entries are dropped. Not
 * thread-safe: callers hold the {@link GameLock}.
 */
public final class TableLog {

    /**
     * One entry.
     *
     * @param kind "narrative", "whisper" or "roll"
     * @param text what was said, or the roll's summary
     */
    public record Entry(String id, String kind, String text, Visibility visibility, Instant at) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    TableLog(int capacity) {
        this.capacity = capacity;
    }

    void add(Entry entry) {
        entries.addLast(entry);
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** The last {@code limit} entries {@code viewer} may see, oldest first (the OutputFilter). */
    public List<Entry> visibleTo(Viewer viewer, int limit) {
        List<Entry> visible = entries.stream().filter(e -> VisibilityRules.canSee(e.visibility(), viewer)).toList();
        return visible.subList(Math.max(0, visible.size() - limit), visible.size());
    }
}
