package dm20.relay.ws;

import dm20.relay.feed.FrameCodec;
import dm20.relay.live.CloseCodes;
import dm20.relay.live.Refusal;
import dm20.relay.live.LiveTable;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes one {@link WsEndpoint} per connection and keeps every open socket for heartbeats: each
 * {@link #sweep()} pings live sockets and drops those not heard from within the timeout (a phone that
 * vanished without closing). A socket dropped while its sender is still writing (a phone that stopped reading:
 * the write blocks once its buffers are full, and its close queues behind it) is given the same timeout to end,
 * then aborted, so it holds no thread or connection for ever. Thread-safe.
 */
public final class Sockets implements java.util.function.Supplier<WsListener> {

    /**
     * Limits and timings.
     *
     * @param maxFrameBytes  largest client frame accepted
     * @param queueCapacity  frames queued per socket before it is closed as too slow
     * @param helloTimeout   time allowed for the hello frame
     * @param silenceTimeout a socket not heard from for this long is dropped
     */
    public record Limits(int maxFrameBytes, int queueCapacity, Duration helloTimeout, Duration silenceTimeout) { }

    private final LiveTable table;
    private final EncodedFrames codec;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Limits limits;
    private final Set<PlayerSocket> open = ConcurrentHashMap.newKeySet();
    /** Sockets dropped while their sender had not ended, and since when. */
    private final Map<PlayerSocket, Instant> lingering = new ConcurrentHashMap<>();

    public Sockets(LiveTable table, FrameCodec codec, Clock clock, ScheduledExecutorService timer, Limits limits) {
        this.table = table;
        this.codec = new EncodedFrames(codec);
        this.clock = clock;
        this.timer = timer;
        this.limits = limits;
    }

    @Override
    public WsListener get() {
        return new WsEndpoint(this, table, limits.maxFrameBytes());
    }

    PlayerSocket opened(WsSession session) {
        PlayerSocket socket = new PlayerSocket(session, codec, limits.queueCapacity(), clock.instant(), this::gone);
        open.add(socket);
        timer.schedule(() -> {
            if (!socket.isAuthenticated()) {
                socket.close(Refusal.UNAUTHORIZED.close(), "no hello within " + limits.helloTimeout().toSeconds() + " s");
            }
        }, limits.helloTimeout().toMillis(), TimeUnit.MILLISECONDS);
        return socket;
    }

    void gone(PlayerSocket socket) {
        if (open.remove(socket)) {
            if (socket.isAuthenticated()) {
                table.detach(socket);
            }
            if (!socket.ended()) {
                lingering.put(socket, clock.instant());
            }
        }
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Pings every open socket and drops the silent ones; aborts the dropped ones whose sender has not ended within the
     * same timeout; host screens that stopped polling count as closed.
     */
    public void sweep() {
        Instant horizon = clock.instant().minus(limits.silenceTimeout());
        lingering.entrySet().removeIf(e -> {
            if (e.getKey().ended()) {
                return true;
            }
            if (e.getValue().isBefore(horizon)) {
                e.getKey().abort();
                return true;
            }
            return false;
        });
        table.closeQuietHostScreens(horizon);
        for (PlayerSocket socket : open) {
            if (socket.lastHeard().isBefore(horizon)) {
                socket.close(CloseCodes.GOING_AWAY, "no heartbeat");
                gone(socket);
            } else {
                socket.ping();
            }
        }
    }

    /** Open sockets, authenticated or not. */
    public int openCount() {
        return open.size();
    }
}
