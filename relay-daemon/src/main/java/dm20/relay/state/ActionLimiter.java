package dm20.relay.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} actions per seat in any sliding {@code window}. Thread-safe.
 */
public final class ActionLimiter {

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    public ActionLimiter(int limit, Duration window) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
        this.window = window;
    }

    /** True if the seat may submit at {@code now}; the caller then calls {@link #record}. */
    public synchronized boolean allows(String seatId, Instant now) {
        Deque<Instant> times = recent.computeIfAbsent(seatId, k -> new ArrayDeque<>());
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
        return times.size() < limit;
    }

    /** Counts a submission that was accepted. */
    public synchronized void record(String seatId, Instant now) {
        recent.computeIfAbsent(seatId, k -> new ArrayDeque<>()).addLast(now);
    }
}
