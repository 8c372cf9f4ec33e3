package dm20.protocol.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that polls one {@link BusReader} and hands each message to a handler. A handler that
 * throws is logged and the message is skipped, so one bad message never stops the loop.
 *
 * <p>Idle strategy: spin briefly after a message, then park for a short interval (50 µs) while the
 * table is active, backing off to 1 ms, and to 2 ms after several seconds of silence. That keeps an
 * active table's latency well under a millisecond, the first message after a pause within ~2 ms, and a
 * quiet table's CPU use at ~1.5 % of a core (measured: 10 ms parks cost 0.65 % but added up to 10 ms to
 * every first action after a pause; 1 ms parks cost 2.9 %; see docs/performance.md).
 */
public final class BusPoller<M> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);
    private static final int SPINS = 200;
    private static final long WARM_PARK_NANOS = Duration.ofNanos(50_000).toNanos();
    private static final long COOL_PARK_NANOS = Duration.ofMillis(1).toNanos();
    private static final long COLD_PARK_NANOS = Duration.ofMillis(2).toNanos();
    private static final long WARM_FOR_NANOS = Duration.ofMillis(200).toNanos();
    private static final long COLD_AFTER_NANOS = Duration.ofSeconds(5).toNanos();

    private final BusReader<M> reader;
    private final BusReader.Handler<M> handler;
    private final Thread thread;
    private final Object caughtUp = new Object();
    private volatile boolean running = true;
    /** Polls that found nothing to read, counted by the polling thread (its only writer). */
    private volatile long emptyPolls;
    /** Threads in {@link #awaitCaughtUp}, which the polling thread notifies after each empty poll. */
    private volatile int waiting;

    /** Starts polling at once on a new daemon thread called {@code name}. */
    public BusPoller(String name, BusReader<M> reader, BusReader.Handler<M> handler) {
        this.reader = reader;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    private void run() {
        long lastMessage = System.nanoTime();
        int idle = 0;
        while (running) {
            if (pollOnce()) {
                lastMessage = System.nanoTime();
                idle = 0;
                continue;
            }
            emptyPolls++;   // one writer: this thread
            if (waiting > 0) {
                synchronized (caughtUp) {
                    caughtUp.notifyAll();
                }
            }
            idle++;
            if (idle < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            long quiet = System.nanoTime() - lastMessage;
            LockSupport.parkNanos(quiet < WARM_FOR_NANOS ? WARM_PARK_NANOS
                    : quiet < COLD_AFTER_NANOS ? COOL_PARK_NANOS : COLD_PARK_NANOS);
        }
        reader.close();
    }

    private boolean pollOnce() {
        try {
            return reader.poll(this::handleSafely);
        } catch (Exception e) {
            LOG.error("bus reader {} failed; continuing", thread.getName(), e);
            return false;
        }
    }

    private void handleSafely(Envelope<M> envelope) {
        try {
            handler.handle(envelope);
        } catch (Exception e) {
            LOG.error("handler failed on message {} ({}); skipped", Long.toHexString(envelope.sequence()),
                    envelope.message().getClass().getSimpleName(), e);
        }
    }

    /**
     * Waits until a poll that began after this call has found nothing more to read, so every message appended
     * before the call has been handled; wakes the polling thread if it is parked. Much cheaper than asking the
     * queue for its last index (which costs a fraction of a millisecond of CPU per call): one wake-up each way.
     *
     * @return whether that happened within {@code timeout} (false also once the poller is closed)
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        if (Thread.currentThread() == thread) {
            return true;   // a handler asking: everything before its own message is handled
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (caughtUp) {
            waiting++;
            try {
                // the poll under way may have begun before this call; the one after it began after it
                long target = emptyPolls + 2;
                LockSupport.unpark(thread);
                while (emptyPolls < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !running) {
                        return false;
                    }
                    caughtUp.wait(Math.max(1, Math.min(left / 1_000_000, 5)));
                }
                return true;
            } finally {
                waiting--;
            }
        }
    }

    /** Stops the thread (waiting up to a second) and closes the reader. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
