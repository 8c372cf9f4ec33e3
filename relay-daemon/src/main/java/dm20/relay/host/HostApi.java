package dm20.relay.host;

import dm20.protocol.qr.QrCodes;

import dm20.protocol.Role;
import dm20.relay.http.BearerAuth;
import dm20.relay.http.Responses;
import dm20.relay.live.LiveTable;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;
import dm20.relay.state.TableState;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /api/host} for the DM seat (docs/protocol.md §2.3): seats with live presence, join links
 * and QR codes, and the pending action queue. Never DM notes. Thread-safe.
 */
public final class HostApi implements HttpService {

    private final LiveTable table;
    private final BearerAuth auth;
    private final Responses out;
    private final SeatLinks links;
    private final QrCodes qr;
    private final Supplier<List<String>> baseUrls;

    public HostApi(LiveTable table, BearerAuth auth, Responses out, SeatLinks links, QrCodes qr,
                   Supplier<List<String>> baseUrls) {
        this.table = table;
        this.auth = auth;
        this.out = out;
        this.links = links;
        this.qr = qr;
        this.baseUrls = baseUrls;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/host", this::host);
    }

    private void host(ServerRequest req, ServerResponse res) {
        var seat = auth.seat(req);
        if (seat.isEmpty()) {
            out.error(res, 401, "unauthorized", "missing, unknown or revoked token");
        } else if (seat.get().role() != Role.DM) {
            out.error(res, 403, "wrong_role", "only the host (DM) seat can open the host screen");
        } else {
            out.json(res, 200, view());
        }
    }

    private Map<String, Object> view() {
        List<String> urls = baseUrls.get();
        String base = urls.isEmpty() ? "" : urls.getFirst();
        Map<String, String> paths = links.paths();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", table.read(TableState::campaign));
        body.put("epoch", table.read(s -> s.epoch().orElse("")));
        body.put("urls", urls);
        body.put("seats", table.read(s -> s.seats().all()).stream().map(s -> seat(s, base, paths)).toList());
        Map<String, String> names = new LinkedHashMap<>();
        table.read(s -> s.seats().all()).forEach(s -> names.put(s.seatId(), s.displayName()));
        body.put("pending", table.read(s -> s.actions().pending()).stream().map(a -> pending(a, names)).toList());
        return body;
    }

    private Map<String, Object> seat(Seat seat, String base, Map<String, String> paths) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seatId", seat.seatId());
        m.put("role", seat.role().name());
        m.put("displayName", seat.displayName());
        int connections = table.connections(seat.seatId());
        m.put("connected", connections > 0);
        m.put("connections", connections);
        table.lastSeen(seat.seatId()).ifPresent(t -> m.put("lastSeen", t.toString()));
        String path = paths.get(seat.seatId());
        if (path != null && !base.isEmpty()) {
            m.put("url", base + path);
            m.put("qrPng", qr.pngDataUrl(base + path));
        }
        return m;
    }

    private static Map<String, Object> pending(ActionRecord a, Map<String, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actionId", a.actionId());
        m.put("displayName", names.getOrDefault(a.seatId(), "?"));
        m.put("text", a.privateToDm() ? "(private to the DM)" : a.text());
        m.put("status", a.status().wire());
        m.put("submittedAt", a.submittedAt().toString());
        return m;
    }
}
