package dm20.mcp.game;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the server, not a page, enforce combat deadlines: {@link #tick} passes an expired turn; {@link #start}
 * calls it periodically on a daemon thread. Tests advance their clock and call {@link #tick} directly.
 */
public final class DeadlineScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineScheduler.class);

    private final GameLock lock;
    private final Combat combat;
    private final ScheduledExecutorService executor;

    public DeadlineScheduler(GameLock lock, Combat combat) {
        this.lock = lock;
        this.combat = combat;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deadlines");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks the deadline every {@code period}. */
    public void start(Duration period) {
        executor.scheduleWithFixedDelay(this::safeTick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Enforces the deadline once. @return whether a turn or prompt was passed */
    public boolean tick() {
        return lock.call(combat::tick);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // A failing tick (e.g. a full disk) must not stop later deadlines from being enforced.
            LOG.error("deadline check failed", e);
        }
    }
}
