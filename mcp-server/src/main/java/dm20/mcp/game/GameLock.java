package dm20.mcp.game;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one lock around game state. MCP tool calls run concurrently and the deadline scheduler runs on its
 * own thread; every read or change of game state goes through {@link #call}. Reentrant. Never hold it
 * while waiting for something outside the game (e.g. a blocking {@code party_wait}).
 */
public final class GameLock {

    private final ReentrantLock lock = new ReentrantLock();

    /** Runs {@code action} holding the lock and returns its result. */
    public <T> T call(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} holding the lock. */
    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
