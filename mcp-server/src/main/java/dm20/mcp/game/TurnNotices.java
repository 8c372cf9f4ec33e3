package dm20.mcp.game;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * What happened at the table on its own that the DM has not been told yet: today, turns passed because their
 * deadline expired. {@link Combat#tick} posts each notice; whoever runs the DM side (the party tools for an MCP
 * DM, the console for a human) drains them and shows them. Holds at most {@link #CAPACITY} notices (the oldest
 * are dropped: a DM who never looks needs the latest ones). Thread-safe.
 */
public final class TurnNotices {

    /** The most notices kept undelivered. */
    public static final int CAPACITY = 20;

    /**
     * One notice.
     *
     * @param kind what happened, e.g. {@code turn_timeout}
     * @param text the line the table read, e.g. "Time ran out for Thorin — Goblin is up."
     */
    public record Notice(String kind, String text, Instant at) {
        public Notice {
            Objects.requireNonNull(kind, "kind");
            CharacterDraft.requireText(text, "text");
            Objects.requireNonNull(at, "at");
        }
    }

    private final Deque<Notice> pending = new ArrayDeque<>();

    /** Keeps {@code notice} for the DM and wakes anyone waiting in {@link #await}. */
    public synchronized void post(Notice notice) {
        if (pending.size() == CAPACITY) {
            pending.removeFirst();
        }
        pending.addLast(Objects.requireNonNull(notice, "notice"));
        notifyAll();
    }

    /** The undelivered notices, oldest first; they are delivered now (a second call returns none of them). */
    public synchronized List<Notice> drain() {
        List<Notice> all = List.copyOf(pending);
        pending.clear();
        return all;
    }

    /**
     * Waits up to {@code timeout} until a notice is undelivered.
     *
     * @return whether one is
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized boolean await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
