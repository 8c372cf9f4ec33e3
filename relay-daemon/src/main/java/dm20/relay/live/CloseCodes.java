package dm20.relay.live;

/**
 * WebSocket close codes that are not refusals (docs/protocol.md §2.2); the close codes of refusals are in
 * {@link Refusal}.
 */
public final class CloseCodes {

    /** Normal closure (after a {@code reload}). */
    public static final int NORMAL = 1000;
    /** The relay is stopping (SIGTERM), or the socket was silent for three heartbeats. */
    public static final int GOING_AWAY = 1001;
    /** Party mode ended ({@code session_closed}); every seat is void until the next session. */
    public static final int SESSION_CLOSED = 4000;

    private CloseCodes() {
    }
}
