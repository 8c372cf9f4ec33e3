package dm20.relay.ws;

import dm20.protocol.queue.Hop;
import dm20.relay.feed.Frame;
import dm20.relay.live.CloseCodes;
import dm20.relay.live.Refusal;
import dm20.relay.live.Outlet;
import dm20.relay.state.Seat;
import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.websocket.WsSession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket: a bounded queue of outgoing items ({@link Mailbox}, lock-free) sent by a virtual thread that runs
 * only while items wait, so sends on a session are serialized, a slow phone only ever blocks its own thread, and an
 * idle socket holds no thread. Frames are queued already encoded ({@link EncodedFrames}: the same JSON string for
 * every socket that gets an equal frame). Frames sent together ({@link #sendAll}, a history) are one queue entry,
 * packed several to a message. A socket whose queue overflows is closed ({@link Refusal#TOO_SLOW}); the page
 * reconnects with its cursor. Thread-safe.
 */
final class PlayerSocket implements Outlet {

    private static final Logger LOG = Logger.getLogger(PlayerSocket.class.getName());
    /** A sender lives for one burst of frames; it needs none of its starter's inheritable thread-locals (a copy each). */
    private static final ThreadFactory SENDERS = Thread.ofVirtual().name("ws-sender")
            .inheritInheritableThreadLocals(false).factory();

    private sealed interface Item {
        record Text(String json) implements Item { }
        /** Frames that go out together: one queue entry, sent as one or more messages. */
        record Texts(List<String> messages) implements Item { }
        record Ping() implements Item { }
        record Close(int code, String reason) implements Item { }
        record Stop() implements Item { }
    }

    private final WsSession session;
    private final EncodedFrames codec;
    private final Mailbox<Item> queue;
    private final Consumer<PlayerSocket> onGone;
    /** No more frames are accepted: a close is queued (or the peer has gone). */
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Frames still waiting are skipped, not sent: the queue overflowed, the peer went or a send failed. */
    private volatile boolean dropping;
    /**
     * The session is closed; whatever is still queued is skipped. Used by the sending threads only, one at a time:
     * each starts after the previous one's last item (the mailbox's count orders them).
     */
    private boolean finished;
    /** {@link #finished}, for other threads: the sending side is over (nothing more will be written). */
    private volatile boolean ended;
    private volatile Optional<Seat> seat = Optional.empty();
    private volatile Instant lastHeard;

    PlayerSocket(WsSession session, EncodedFrames codec, int capacity, Instant now, Consumer<PlayerSocket> onGone) {
        this.session = session;
        this.codec = codec;
        // Linked, not an array: an idle socket holds no capacity-sized array (1,024 slots × 1,000 sockets).
        this.queue = new Mailbox<>(capacity, SENDERS, this::deliver);
        this.onGone = onGone;
        this.lastHeard = now;
    }

    void authenticated(Seat s) {
        seat = Optional.of(s);
    }

    boolean isAuthenticated() {
        return seat.isPresent();
    }

    @Override
    public Seat seat() {
        return seat.orElseThrow(() -> new IllegalStateException("socket has not said hello"));
    }

    @Override
    public void send(Frame frame) {
        if (closing.get()) {
            return;
        }
        if (!queue.offer(new Item.Text(codec.encode(frame)))) {
            overflow();
        }
    }

    @Override
    public void sendAll(List<Frame> frames) {
        if (frames.size() == 1) {
            send(frames.getFirst());
            return;
        }
        if (frames.isEmpty() || closing.get()) {
            return;
        }
        if (!queue.offer(new Item.Texts(codec.encodeAll(frames)))) {
            overflow();
        }
    }

    /** Queues a WebSocket ping. */
    void ping() {
        if (!closing.get() && !queue.offer(new Item.Ping())) {
            overflow();
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            if (!queue.offer(new Item.Close(code, reason))) {
                dropping = true;
                queue.force(new Item.Close(code, reason));
            }
        }
    }

    /** The peer closed the connection: stop the sender without sending anything more. */
    void stopped() {
        closing.set(true);
        dropping = true;
        queue.force(new Item.Stop());
    }

    private void overflow() {
        if (closing.compareAndSet(false, true)) {
            dropping = true;
            queue.force(new Item.Close(Refusal.TOO_SLOW.close(), "too slow: reconnect to catch up"));
            onGone.accept(this);
        }
    }

    /** True once the sending side is over: its close was written, the peer went or a send failed. */
    boolean ended() {
        return ended;
    }

    /**
     * Ends the connection without its sender, which may be blocked writing to a phone that stopped reading (its
     * close can then never be written): the connection's reading thread is interrupted, which closes the socket
     * (a virtual thread interrupted in socket I/O closes the socket), so the blocked write fails and the sender ends.
     */
    void abort() {
        if (session instanceof ServerConnection connection) {
            connection.close(true);
        }
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    private void terminate() {
        try {
            session.terminate();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "terminate failed", e);
        }
    }

    /** Sends one queued item; runs on the socket's sending thread, one item at a time, in order. */
    private void deliver(Item item) {
        if (finished) {
            return;
        }
        if (Hop.ON) {
            Hop.stamp("ws.taken");
        }
        try {
            switch (item) {
                case Item.Text t -> {
                    if (!dropping) {
                        session.send(t.json(), true);
                        if (Hop.ON) {
                            Hop.stamp("ws.written");
                        }
                    }
                }
                case Item.Texts t -> {
                    for (String message : t.messages()) {
                        if (dropping) {
                            break;
                        }
                        session.send(message, true);
                    }
                    if (Hop.ON) {
                        Hop.stamp("ws.written");
                    }
                }
                case Item.Ping p -> {
                    if (!dropping) {
                        session.ping(BufferData.empty());
                    }
                }
                case Item.Close c -> {
                    finished = true;
                    session.close(c.code(), c.reason());
                    ended = true;
                    onGone.accept(this);
                }
                case Item.Stop s -> {
                    finished = true;
                    ended = true;
                    onGone.accept(this);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "socket send failed; dropping it", e);
            finished = true;
            closing.set(true);
            dropping = true;
            terminate();
            ended = true;
            onGone.accept(this);
        }
    }
}
