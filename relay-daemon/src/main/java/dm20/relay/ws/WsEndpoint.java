package dm20.relay.ws;

import dm20.relay.feed.Frame;
import dm20.relay.live.CloseCodes;
import dm20.relay.live.LiveTable;
import dm20.relay.live.Refusal;
import dm20.relay.state.Seat;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import dm20.relay.live.FlatJson;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One WebSocket connection's protocol (docs/protocol.md §2.2): the upgrade must come from a page this
 * relay served (Origin matches Host); the first frame must be a {@code hello} with a current token; then
 * only {@code ping} is accepted. Oversized frames close with 1009, non-JSON with 1003. Helidon calls a
 * listener from the connection's own thread, one callback at a time.
 */
final class WsEndpoint implements WsListener {

    private final Sockets sockets;
    private final LiveTable table;
    private final int maxFrameBytes;
    private final StringBuilder partial = new StringBuilder();
    private PlayerSocket socket;

    WsEndpoint(Sockets sockets, LiveTable table, int maxFrameBytes) {
        this.sockets = sockets;
        this.table = table;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
        Optional<String> origin = headers.first(HeaderNames.ORIGIN);
        Optional<String> host = headers.first(HeaderNames.HOST);
        if (origin.isEmpty() || host.isEmpty() || !sameHost(origin.get(), host.get())) {
            throw new WsUpgradeException("origin not allowed");
        }
        return Optional.empty();
    }

    /** True if the Origin's authority (host[:port]) is the Host header. */
    static boolean sameHost(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void onOpen(WsSession session) {
        socket = sockets.opened(session);
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        if (partial.length() + text.length() > maxFrameBytes
                || partial.length() + utf8Length(text) > maxFrameBytes) {
            socket.close(Refusal.TOO_LARGE.close(), "frame larger than " + maxFrameBytes + " bytes");
            return;
        }
        partial.append(text);
        if (!last) {
            return;
        }
        String frame = partial.toString();
        partial.setLength(0);
        socket.heard(sockets.now());
        FlatJson.object(frame).ifPresentOrElse(this::handle,
                () -> socket.close(Refusal.MALFORMED_JSON.close(), "frames must be JSON objects"));
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
        socket.close(Refusal.MALFORMED_JSON.close(), "binary frames are not accepted");
    }

    @Override
    public void onPong(WsSession session, BufferData buffer) {
        socket.heard(sockets.now());
    }

    @Override
    public void onPing(WsSession session, BufferData buffer) {
        socket.heard(sockets.now());
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        socket.stopped();
        sockets.gone(socket);
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        socket.stopped();
        sockets.gone(socket);
    }

    private void handle(Map<String, FlatJson.Value> json) {
        ClientFrame frame = ClientFrame.decode(json);
        if (!socket.isAuthenticated()) {
            if (frame instanceof ClientFrame.Hello hello) {
                hello(hello);
            } else {
                socket.close(Refusal.UNAUTHORIZED.close(), "the first frame must be a hello with a token");
            }
            return;
        }
        switch (frame) {
            case ClientFrame.Ping p -> socket.send(new Frame.Pong());
            case ClientFrame.Hello h -> unknown("hello");
            case ClientFrame.Unknown u -> unknown(u.type());
        }
    }

    private void unknown(String type) {
        socket.send(new Frame.Error(Refusal.UNKNOWN_FRAME.code(), "only 'ping' is accepted after 'hello'; got '"
                + truncate(type) + "'"));
    }

    private void hello(ClientFrame.Hello hello) {
        Optional<Seat> seat = table.authenticate(hello.token());
        if (seat.isEmpty()) {
            socket.close(Refusal.UNAUTHORIZED.close(), "unknown or revoked token; ask the host for a new link");
            return;
        }
        socket.authenticated(seat.get());
        switch (table.attach(socket, hello.since(), hello.epoch())) {
            case LiveTable.Attach.Attached a -> { }
            case LiveTable.Attach.Reload r -> {
                socket.send(new Frame.Reload(r.reason()));
                socket.close(CloseCodes.NORMAL, "reload");
            }
            case LiveTable.Attach.Refused r -> socket.close(r.refusal().close(), r.reason());
        }
    }

    private static int utf8Length(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }
}
