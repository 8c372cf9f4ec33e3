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

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;

/**
 * {@code GET /api/host} for the DM seat (docs/protocol.md §2.3): the player and TV seats with live presence,
 * join links and QR codes (players first; the host's own seat never among them), the host's own link apart
 * under {@code host}, and the pending action queue. Never DM notes. Thread-safe.
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
        List<Seat> all = List.copyOf(table.read(s -> s.seats().all()));
        Set<String> dmSeats = all.stream().filter(s -> s.role() == Role.DM).map(Seat::seatId)
                .collect(Collectors.toSet());
        SeatLinks.Links found = links.read(dmSeats);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaign", table.read(TableState::campaign));
        body.put("epoch", table.read(s -> s.epoch().orElse("")));
        body.put("urls", urls);
        // Players first, then the TV; the host's own seat is never in this list (it is "host" below).
        body.put("seats", all.stream().filter(s -> s.role() != Role.DM)
                .sorted(Comparator.comparing(s -> s.role() == Role.PLAYER ? 0 : 1))
                .map(s -> seat(s, base, found.players())).toList());
        Map<String, Object> host = new LinkedHashMap<>();
        all.stream().filter(s -> s.role() == Role.DM).findFirst().ifPresent(s -> host.put("displayName", s.displayName()));
        found.host().filter(h -> !base.isEmpty()).ifPresent(h -> host.put("url", base + h.path()));
        body.put("host", host);
        Map<String, String> names = new LinkedHashMap<>();
        all.forEach(s -> names.put(s.seatId(), s.displayName()));
        body.put("pending", table.read(s -> s.actions().pending()).stream().map(a -> pending(a, names)).toList());
        return body;
    }

    private Map<String, Object> seat(Seat seat, String base, Map<String, SeatLinks.PlayerLink> players) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seatId", seat.seatId());
        m.put("role", seat.role().name());
        m.put("displayName", seat.displayName());
        int connections = table.connections(seat.seatId());
        m.put("connected", connections > 0);
        m.put("connections", connections);
        table.lastSeen(seat.seatId()).ifPresent(t -> m.put("lastSeen", t.toString()));
        SeatLinks.PlayerLink link = players.get(seat.seatId());
        if (link != null && !base.isEmpty()) {
            m.put("url", base + link.path());
            m.put("qrPng", qr.pngDataUrl(base + link.path()));
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
