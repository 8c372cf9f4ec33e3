package dm20.relay.host;

import dm20.protocol.qr.QrCodes;

import dm20.protocol.Role;
import dm20.relay.http.Answer;
import dm20.relay.http.BearerAuth;
import dm20.relay.http.Responses;
import dm20.relay.live.LiveTable;
import dm20.relay.live.Refusal;
import dm20.relay.live.TableView;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
            out.refuse(res, Refusal.UNAUTHORIZED, "missing, unknown or revoked token");
        } else if (seat.get().role() != Role.DM) {
            out.refuse(res, Refusal.WRONG_ROLE, "only the host (DM) seat can open the host screen");
        } else {
            table.hostScreenPolled(seat.get());
            out.send(res, 200, view(table.host()));
        }
    }

    private Answer.Host view(TableView.Host host) {
        List<String> urls = baseUrls.get();
        String base = urls.isEmpty() ? "" : urls.getFirst();
        Set<String> dmSeats = host.seats().stream().map(TableView.SeatPresence::seat).filter(s -> s.role() == Role.DM)
                .map(Seat::seatId).collect(Collectors.toSet());
        SeatLinks.Links found = links.read(dmSeats);
        Optional<String> hostName = host.seats().stream().map(TableView.SeatPresence::seat)
                .filter(s -> s.role() == Role.DM).map(Seat::displayName).findFirst();
        // Players first, then the TV; the host's own seat is never in this list (it is "host", apart).
        return new Answer.Host(host.session().campaign(), host.session().epoch(), urls,
                host.seats().stream().filter(p -> p.seat().role() != Role.DM)
                        .sorted(Comparator.comparing(p -> p.seat().role() == Role.PLAYER ? 0 : 1))
                        .map(s -> seat(s, base, found.players(), host)).toList(),
                host.pending().stream().map(HostApi::pending).toList(),
                Optional.of(new Answer.HostOwn(hostName, found.host().filter(h -> !base.isEmpty())
                        .map(h -> base + h.path()))), host.locked());
    }

    private Answer.HostSeat seat(TableView.SeatPresence presence, String base, Map<String, SeatLinks.PlayerLink> players,
                                 TableView.Host host) {
        Seat seat = presence.seat();
        Optional<String> url = Optional.ofNullable(players.get(seat.seatId())).filter(p -> !base.isEmpty())
                .map(p -> base + p.path());
        Optional<Boolean> lockedOut = host.locked() ? Optional.of(!host.admitted().contains(seat.seatId()))
                : Optional.empty();
        return new Answer.HostSeat(seat.seatId(), seat.role().name(), seat.displayName(), presence.connections() > 0,
                presence.connections(), presence.lastSeen(), url, url.map(qr::pngDataUrl), lockedOut);
    }

    private static Answer.HostPending pending(TableView.Pending p) {
        ActionRecord a = p.action();
        return new Answer.HostPending(a.actionId(), p.displayName(), a.privateToDm() ? "(private to the DM)" : a.text(),
                a.status().wire(), a.submittedAt());
    }
}
