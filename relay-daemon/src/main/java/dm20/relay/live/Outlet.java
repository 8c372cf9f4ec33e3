package dm20.relay.live;

import dm20.relay.feed.Frame;
import dm20.relay.state.Seat;

import java.util.List;

/**
 * A connected socket as the table sees it. Implementations never block the caller: frames are queued and
 * a socket whose queue overflows closes itself (one slow phone never delays the others).
 */
public interface Outlet {

    /** The seat the socket authenticated as. */
    Seat seat();

    /** Queues a frame; ignored once the outlet is closing. */
    void send(Frame frame);

    /**
     * Queues frames that go out together, in order (a socket's history, or the frames of one message): one entry in
     * the outlet's queue however many frames, so a long catch-up is never mistaken for a socket too slow for its live
     * frames. Callers may pass the same list instance to many outlets; it is not modified. Ignored once the outlet is
     * closing.
     */
    void sendAll(List<Frame> frames);

    /** Queues a close after the frames already queued; idempotent. */
    void close(int code, String reason);
}
