package dm20.relay.ws;

import dm20.protocol.queue.Hop;
import dm20.relay.feed.Frame;
import dm20.relay.live.CloseCodes;
import dm20.relay.live.Refusal;
import dm20.relay.live.Outlet;
import dm20.relay.state.Seat;
import io.helidon.common.buffers.BufferData;
import io.helidon.websocket.WsSession;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket: a bounded queue of outgoing items ({@link Mailbox}, lock-free) drained by its own virtual thread,
 * so sends on a session are serialized and a slow phone only ever blocks its own thread. Frames are queued already encoded
 * ({@link EncodedFrames}: the same JSON string for every socket that gets an equal frame). A socket whose queue overflows is closed
 * ({@link Refusal.TOO_SLOW.close()}); the page reconnects with its cursor. Thread-safe.
 */
final class PlayerSocket implements Outlet {

    private static final Logger LOG = Logger.getLogger(PlayerSocket.class.getName());

    private sealed interface Item {
        record Text(String json) implements Item { }
        record Ping() implements Item { }
        record Close(int code, String reason) implements Item { }
        record Stop() implements Item { }
    }

    private final WsSession session;
    private final EncodedFrames codec;
    private final Mailbox<Item> queue;
    private final Consumer<PlayerSocket> onGone;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Optional<Seat> seat = Optional.empty();
    private volatile Instant lastHeard;

    PlayerSocket(WsSession session, EncodedFrames codec, int capacity, Instant now, Consumer<PlayerSocket> onGone) {
        this.session = session;
        this.codec = codec;
        // Linked, not an array: an idle socket holds no capacity-sized array (1,024 slots × 1,000 sockets).
        this.queue = new Mailbox<>(capacity);
        this.onGone = onGone;
        this.lastHeard = now;
        Thread.ofVirtual().name("ws-sender").start(this::drain);
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
                queue.clear();
                queue.force(new Item.Close(code, reason));
            }
        }
    }

    /** The peer closed the connection: stop the sender without sending anything more. */
    void stopped() {
        closing.set(true);
        queue.clear();
        queue.force(new Item.Stop());
    }

    private void overflow() {
        if (closing.compareAndSet(false, true)) {
            queue.clear();
            queue.force(new Item.Close(Refusal.TOO_SLOW.close(), "too slow: reconnect to catch up"));
            onGone.accept(this);
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

    private void drain() {
        try {
            while (true) {
                Item item = queue.take();
                if (Hop.ON) {
                    Hop.stamp("ws.taken");
                }
                switch (item) {
                    case Item.Text t -> {
                        session.send(t.json(), true);
                        if (Hop.ON) {
                            Hop.stamp("ws.written");
                        }
                    }
                    case Item.Ping p -> session.ping(BufferData.empty());
                    case Item.Close c -> {
                        session.close(c.code(), c.reason());
                        return;
                    }
                    case Item.Stop s -> {
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "socket send failed; dropping it", e);
            closing.set(true);
            queue.clear();
            terminate();
        } finally {
            onGone.accept(this);
        }
    }
}
