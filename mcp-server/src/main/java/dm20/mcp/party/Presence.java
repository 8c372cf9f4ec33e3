package dm20.mcp.party;

import java.time.Instant;

/**
 * A seat's connection state as last reported by the relay.
 *
 * @param connections open sockets
 * @param lastSeen    when the count last changed
 */
public record Presence(int connections, Instant lastSeen) {

    public boolean connected() {
        return connections > 0;
    }
}
