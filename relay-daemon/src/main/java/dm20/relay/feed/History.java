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
     * @param feed      the session's feed messages in outbox order
     * @param pinned    messages always included (latest sheets and combat), a subset of {@code feed}
     */
    public static List<Frame> frames(List<Envelope<OutboxMessage>> feed, Collection<Envelope<OutboxMessage>> pinned,
                                     Seat seat, String epoch, Optional<Long> since) {
        if (since.isPresent()) {
            return project(feed.stream().filter(e -> e.sequence() > since.get()).toList(), seat, epoch);
        }
        List<Sequenced> all = new ArrayList<>();
        for (Envelope<OutboxMessage> e : feed) {
            FeedProjector.project(e, seat, epoch).forEach(f -> all.add(new Sequenced(e.sequence(), f)));
        }
        List<Sequenced> window = all.subList(Math.max(0, all.size() - WINDOW), all.size());
        long firstInWindow = window.isEmpty() ? Long.MAX_VALUE : window.getFirst().seq();
        List<Frame> out = new ArrayList<>();
        pinned.stream().filter(e -> e.sequence() < firstInWindow)
                .sorted(java.util.Comparator.comparingLong(Envelope::sequence))
                .forEach(e -> out.addAll(FeedProjector.project(e, seat, epoch)));
        window.forEach(s -> out.add(s.frame()));
        return out;
    }

    private static List<Frame> project(List<Envelope<OutboxMessage>> envelopes, Seat seat, String epoch) {
        List<Frame> out = new ArrayList<>();
        envelopes.forEach(e -> out.addAll(FeedProjector.project(e, seat, epoch)));
        return out;
    }

    private record Sequenced(long seq, Frame frame) { }
}
