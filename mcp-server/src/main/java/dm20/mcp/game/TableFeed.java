package dm20.mcp.game;

import dm20.protocol.message.OutboxMessage;

/**
 * Where the game announces every state change a phone must see: {@code CharacterUpdated} after any
 * character change, {@code CombatUpdated} after any combat change (deadline auto-passes included),
 * {@code NarrativePosted}, {@code PrivateMessageSent} and {@code DiceRolled}. Game logic talks only to
 * this interface, never to a queue. Implementations must be thread-safe; {@link #publish} is called with
 * the game lock held, so it must not block for long.
 */
@FunctionalInterface
public interface TableFeed {

    /** A feed that drops every message: what the game uses while party mode is off. */
    TableFeed DROP = message -> { };

    /** Announces {@code message}. */
    void publish(OutboxMessage message);
}
