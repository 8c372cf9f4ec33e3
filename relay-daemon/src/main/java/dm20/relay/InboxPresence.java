package dm20.relay;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.PresenceChanged;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusWriter;
import dm20.relay.live.PresenceSink;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Presence changes go to the inbox as {@code presence_changed}, written by one background thread so that a
 * connecting socket never waits for the inbox append: with 1,000 sockets connecting at once the
 * appends were serialized on the connections' own threads, and under disk load sockets missed their hello
 * timeout. Changes of one seat not yet written collapse into the latest count (its time is the latest
 * change's), so the inbox says where each seat ended up; the order between seats is kept. A failed append is
 * logged, not fatal. {@link #flush()} waits for what is pending (before {@code relay_stopped}). Thread-safe.
 */
final class InboxPresence implements PresenceSink {

    private static final Logger LOG = Logger.getLogger(InboxPresence.class.getName());

    private record Pending(int connections, Instant at) { }

    private final BusWriter<InboxMessage> inbox;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private boolean writing;

    InboxPresence(BusWriter<InboxMessage> inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
        Thread.ofVirtual().name("relay-presence").start(this::run);
    }

    @Override
    public void changed(String seatId, int connections) {
        synchronized (this) {
            pending.remove(seatId);
            pending.put(seatId, new Pending(connections, clock.instant()));
            notifyAll();
        }
    }

    /**
     * Waits (up to 5 s) until every change reported so far is written: the one writer thread keeps a seat's
     * changes in order, so this thread does not write itself.
     */
    void flush() {
        long end = System.nanoTime() + 5_000_000_000L;
        synchronized (this) {
            while ((writing || !pending.isEmpty()) && System.nanoTime() < end) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Map.Entry<String, Pending>> batch = take();
            try {
                write(batch);
            } finally {
                synchronized (this) {
                    writing = false;
                    notifyAll();
                }
            }
        }
    }

    /** Waits for pending changes, removes them and marks a write in flight. */
    private synchronized List<Map.Entry<String, Pending>> take() {
        while (pending.isEmpty()) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
        List<Map.Entry<String, Pending>> batch = new ArrayList<>(pending.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList());
        pending.clear();
        writing = true;
        return batch;
    }

    private void write(List<Map.Entry<String, Pending>> batch) {
        for (Map.Entry<String, Pending> e : batch) {
            try {
                inbox.append(new PresenceChanged(e.getKey(), e.getValue().connections(), e.getValue().at()));
            } catch (BusException | IllegalStateException ex) {
                LOG.warning("cannot record presence: " + ex.getMessage());
            }
        }
    }
}
