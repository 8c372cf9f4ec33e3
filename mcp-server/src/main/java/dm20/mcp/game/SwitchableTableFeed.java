package dm20.mcp.game;

import dm20.protocol.message.OutboxMessage;

import java.util.Objects;

/**
 * The feed the game is built with: it forwards to a target that party mode switches at run time
 * ({@link #switchTo} on {@code party_start}, {@link #reset} on {@code party_stop}). Until switched it drops
 * messages. Thread-safe: the target is a volatile reference.
 */
public final class SwitchableTableFeed implements TableFeed {

    private volatile TableFeed target = TableFeed.DROP;

    /** Sends every later message to {@code newTarget}. */
    public void switchTo(TableFeed newTarget) {
        target = Objects.requireNonNull(newTarget, "newTarget");
    }

    /** Drops every later message again. */
    public void reset() {
        target = TableFeed.DROP;
    }

    @Override
    public void publish(OutboxMessage message) {
        target.publish(message);
    }
}
