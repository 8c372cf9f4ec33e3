package dm20.relay.feed;

import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.relay.state.Seat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which frames a (re)connecting socket gets before live frames. Pure and thread-safe.
 *
 * <ul>
 *   <li>with a cursor: exactly the seat's frames with {@code seq > since}, in order;</li>
 *   <li>without: the seat's last {@link #WINDOW} frames, preceded by the latest sheet and combat state
 *       when they are older than that window (so the page always has them).</li>
 * </ul>
 */
public final class History {

    /** Frames sent on a first load. */
    public static final int WINDOW = 200;

    private History() {
    }

    /**
     * Costs the frames it returns, not the session's length: a first load projects the feed backwards
     * until it has {@link #WINDOW} frames, a reconnect finds its cursor by binary search.
     *
     * @param feed      the session's feed messages in outbox order (increasing sequence)
     * @param pinned    messages always included (latest sheets and combat), a subset of {@code feed}
     */
    public static List<Frame> frames(List<Envelope<OutboxMessage>> feed, Collection<Envelope<OutboxMessage>> pinned,
                                     Seat seat, String epoch, Optional<Long> since) {
        if (since.isPresent()) {
            return project(feed.subList(after(feed, since.get()), feed.size()), seat, epoch);
        }
        List<List<Frame>> newestFirst = new ArrayList<>();
        int frames = 0;
        long firstInWindow = Long.MAX_VALUE;
        for (int i = feed.size() - 1; i >= 0 && frames < WINDOW; i--) {
            List<Frame> projected = FeedProjector.project(feed.get(i), seat, epoch);
            if (!projected.isEmpty()) {
                newestFirst.add(projected);
                frames += projected.size();
                firstInWindow = feed.get(i).sequence();
            }
        }
        List<Frame> out = new ArrayList<>(Math.min(frames, WINDOW) + pinned.size());
        long first = firstInWindow;
        pinned.stream().filter(e -> e.sequence() < first)
                .sorted(java.util.Comparator.comparingLong(Envelope::sequence))
                .forEach(e -> out.addAll(FeedProjector.project(e, seat, epoch)));
        int skip = Math.max(0, frames - WINDOW);
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            for (Frame f : newestFirst.get(i)) {
                if (skip > 0) {
                    skip--;
                } else {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The index of the first envelope with a sequence greater than {@code since}. */
    private static int after(List<Envelope<OutboxMessage>> feed, long since) {
        int lo = 0;
        int hi = feed.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (feed.get(mid).sequence() > since) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static List<Frame> project(List<Envelope<OutboxMessage>> envelopes, Seat seat, String epoch) {
        List<Frame> out = new ArrayList<>();
        envelopes.forEach(e -> out.addAll(FeedProjector.project(e, seat, epoch)));
        return out;
    }
}
