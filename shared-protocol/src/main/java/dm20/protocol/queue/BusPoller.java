package dm20.protocol.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * A daemon thread that polls one {@link BusReader} and hands each message to a handler. A handler that
 * throws is logged and the message is skipped, so one bad message never stops the loop.
 *
 * <p>Idle strategy: spin briefly after a message (messages come in bursts), then sleep on the queue's
 * {@link Doorbell}: the writing process rings it after each commit, so the thread wakes within tens of
 * microseconds of a message and uses no CPU in between (a timeout of {@link #BELL_TIMEOUT} stays as a safety
 * net). A message that arrives without a ring (a writer in another network namespace, e.g. a relay in a
 * container, or of an older version; two in a row, as one could have raced its ring) turns the bell off for this reader and brings back the polling schedule:
 * park 50 µs while the table has been active in the last 200 ms, 1 ms after that, 2 ms after several seconds of
 * silence; a ring heard later turns the bell on again. The polling schedule costs ~10 % of a core per warm
 * poller on this machine (6,200 wake-ups/s), which is what the bell saves (docs/performance.md).
 */
public final class BusPoller<M> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BusPoller.class);
    private static final int SPINS = 200;
    private static final long WARM_PARK_NANOS = Duration.ofNanos(50_000).toNanos();
    private static final long COOL_PARK_NANOS = Duration.ofMillis(1).toNanos();
    private static final long COLD_PARK_NANOS = Duration.ofMillis(2).toNanos();
    private static final long WARM_FOR_NANOS = Duration.ofMillis(200).toNanos();
    private static final long COLD_AFTER_NANOS = Duration.ofSeconds(5).toNanos();
    /** Messages in a row found after a sleep with no ring that turn the bell off (one could be a race). */
    private static final int UNANNOUNCED_LIMIT = 2;
    /**
     * The longest a reader sleeps on a bell that works before it looks anyway: how late a message whose ring was
     * missed can be (a reader the writer has not listed yet; one that was rung while registering). Every wake-up
     * costs the idle table CPU: at 10 ms, 100 a second in each process were 1.1-1.3 % of a core each with a party
     * open and nothing happening, 0.2-0.7 % at 100 ms (docs/performance.md, tenth pass).
     */
    static final Duration BELL_TIMEOUT = Duration.ofMillis(100);

    private final BusReader<M> reader;
    private final BusReader.Handler<M> handler;
    /** {@link #handleSafely(Envelope)}, made once: a method reference per poll was an allocation per spin. */
    private final BusReader.Handler<M> safeHandler = this::handleSafely;
    private final Thread thread;
    private final Object caughtUp = new Object();
    private volatile boolean running = true;
    private volatile Doorbell bell;
    /** Whether the bell is trusted: every message lately came with a ring. Polling thread only. */
    private volatile boolean bellWorks;
    /** Messages in a row found after a sleep that no ring ended. Polling thread only. */
    private int unannounced;
    /** Polls that found nothing to read, counted by the polling thread (its only writer). */
    private volatile long emptyPolls;
    /** Whether the polling thread is asleep (on the bell or parked) now. For tests. */
    private volatile boolean asleep;
    /** Threads in {@link #awaitCaughtUp}, which the polling thread notifies after each empty poll. */
    private volatile int waiting;

    /** Starts polling at once on a new daemon thread called {@code name}. */
    public BusPoller(String name, BusReader<M> reader, BusReader.Handler<M> handler) {
        this.reader = reader;
        this.handler = handler;
        this.thread = Thread.ofPlatform().name(name).daemon(true).start(this::run);
    }

    private void run() {
        Optional<Doorbell> listening = reader instanceof ChronicleReader<M> c ? c.listen() : Optional.empty();
        bell = listening.orElse(null);
        bellWorks = bell != null;
        long lastMessage = System.nanoTime();
        int idle = 0;
        boolean rang = false;
        try {
            while (running) {
                if (pollOnce()) {
                    if (idle >= SPINS && bellWorks) {   // found after a sleep: was it announced?
                        if (rang || bell.drain()) {     // (the ring may trail the commit by microseconds)
                            unannounced = 0;
                        } else if (++unannounced >= UNANNOUNCED_LIMIT) {
                            bellWorks = false;          // the writer does not ring us
                            LOG.info("{}: messages came without a doorbell ring; polling on a schedule",
                                    thread.getName());
                        }
                    }
                    lastMessage = System.nanoTime();
                    idle = 0;
                    rang = false;
                    continue;
                }
                emptyPolls++;   // one writer: this thread
                if (waiting > 0) {
                    synchronized (caughtUp) {
                        caughtUp.notifyAll();
                    }
                }
                idle++;
                if (idle < SPINS || waiting > 0) {
                    Thread.onSpinWait();   // and no sleep while a caller waits for the next empty poll
                    continue;
                }
                asleep = true;
                rang = sleep(System.nanoTime() - lastMessage);
                asleep = false;
                if (Hop.ON) {
                    Hop.stamp(rang ? "bus.woke-rang" : "bus.woke");
                }
            }
        } finally {
            if (bell != null) {
                bell.close();
            }
            reader.close();
        }
    }

    /** Sleeps until a ring or the schedule's timeout; returns whether a ring ended it. */
    private boolean sleep(long quiet) {
        Doorbell b = bell;
        if (b != null && bellWorks) {
            return b.await(BELL_TIMEOUT.toMillis());
        }
        LockSupport.parkNanos(quiet < WARM_FOR_NANOS ? WARM_PARK_NANOS
                : quiet < COLD_AFTER_NANOS ? COOL_PARK_NANOS : COLD_PARK_NANOS);
        if (b != null && b.drain()) {
            bellWorks = true;   // the writer rings (again): sleep on the bell from now on
            return true;
        }
        return false;
    }

    private boolean pollOnce() {
        try {
            return reader.poll(safeHandler);
        } catch (Exception e) {
            LOG.error("bus reader {} failed; continuing", thread.getName(), e);
            return false;
        }
    }

    private void handleSafely(Envelope<M> envelope) {
        if (Hop.ON) {
            Hop.stamp("bus.read");
        }
        try {
            handler.handle(envelope);
            if (Hop.ON) {
                Hop.stamp("bus.handled");
            }
        } catch (Exception e) {
            LOG.error("handler failed on message {} ({}); skipped", Long.toHexString(envelope.sequence()),
                    envelope.message().getClass().getSimpleName(), e);
        }
    }

    /** Wakes the polling thread, whether it parks or sleeps on the bell. */
    private void wake() {
        LockSupport.unpark(thread);
        Doorbell b = bell;
        if (b != null) {
            b.wakeup();
        }
    }

    /**
     * Waits until a poll that began after this call has found nothing more to read, so every message appended
     * before the call has been handled; wakes the polling thread if it sleeps. Much cheaper than asking the
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
                wake();
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

    /** Polls that found nothing so far. For tests: asleep, it polls once per {@link #BELL_TIMEOUT}. */
    long emptyPolls() {
        return emptyPolls;
    }

    /** Whether the polling thread is asleep now, having found nothing to read. For tests. */
    boolean asleep() {
        return asleep;
    }

    /** Whether this poller sleeps on its queue's doorbell now (false: it polls on a schedule). For tests. */
    boolean sleepsOnBell() {
        return bell != null && bellWorks;
    }

    /** How many times the doorbell woke this poller (0 without one). For tests. */
    long bellRings() {
        Doorbell b = bell;
        return b == null ? 0 : b.rings();
    }

    /** Stops the thread (waiting up to a second) and closes the reader. */
    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
