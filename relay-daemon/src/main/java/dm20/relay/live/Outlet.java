package dm20.relay.live;

import dm20.relay.feed.Frame;
import dm20.relay.state.Seat;

/**
 * A connected socket as the table sees it. Implementations never block the caller: frames are queued and
 * a socket whose queue overflows closes itself (one slow phone never delays the others).
 */
public interface Outlet {

    /** The seat the socket authenticated as. */
    Seat seat();

    /** Queues a frame; ignored once the outlet is closing. */
    void send(Frame frame);

    /** Queues a close after the frames already queued; idempotent. */
    void close(int code, String reason);
}
