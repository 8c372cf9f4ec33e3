package dm20.relay.live;

/** WebSocket close codes used by the relay (docs/protocol.md §2.2). */
public final class CloseCodes {

    /** Normal closure (after a {@code reload}). */
    public static final int NORMAL = 1000;
    /** The relay is going away (SIGTERM). */
    public static final int GOING_AWAY = 1001;
    /** Not text, or malformed JSON. */
    public static final int UNSUPPORTED = 1003;
    /** The socket could not keep up with its frames. */
    public static final int POLICY = 1008;
    /** A frame over the size limit. */
    public static final int TOO_BIG = 1009;
    /** Session closed or relay stopping. */
    public static final int SESSION_CLOSED = 4000;
    /** Bad, missing or revoked token, or no hello in time. */
    public static final int UNAUTHORIZED = 4401;
    /** Wrong role. */
    public static final int FORBIDDEN = 4403;
    /** Too many sockets for this seat. */
    public static final int TOO_MANY = 4409;

    private CloseCodes() {
    }
}
