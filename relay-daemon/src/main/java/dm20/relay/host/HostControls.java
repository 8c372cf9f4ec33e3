package dm20.relay.host;

import dm20.protocol.Role;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.HostCommand;
import dm20.protocol.message.InboxMessage.HostRequested;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusWriter;
import dm20.relay.http.Answer;
import dm20.relay.http.BearerAuth;
import dm20.relay.http.JsonBody;
import dm20.relay.live.FlatJson;
import dm20.relay.http.Responses;
import dm20.relay.live.LiveTable;
import dm20.relay.live.Refusal;
import dm20.relay.state.Seat;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host screen's controls (docs/protocol.md §2.3), for the host (DM) seat only:
 * {@code POST /api/host/lock} {@code {"locked": true}}, {@code POST /api/host/observer/rotate} and
 * {@code POST /api/host/kick} {@code {"seatId": "…"}}. The relay checks the token, the role and the target,
 * then appends a {@link HostRequested} to the inbox and answers 202; the mcp-server, which owns the seat
 * files, carries it out (a rotation or kick is a new {@code seat_issued}, a lock a {@code room_lock_changed})
 * and the host screen sees the result on its next refresh. A refused request appends nothing. Thread-safe.
 */
public final class HostControls implements HttpService {

    private final LiveTable table;
    private final BearerAuth auth;
    private final Responses out;
    private final JsonBody body;
    private final BusWriter<InboxMessage> inbox;
    private final Clock clock;
    private final Supplier<String> ids;

    public HostControls(LiveTable table, BearerAuth auth, Responses out, JsonBody body, BusWriter<InboxMessage> inbox,
                        Clock clock, Supplier<String> ids) {
        this.table = table;
        this.auth = auth;
        this.out = out;
        this.body = body;
        this.inbox = inbox;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/host/lock", host(this::lock))
                .post("/api/host/observer/rotate", host(this::rotateObserver))
                .post("/api/host/kick", host(this::kick));
    }

    @FunctionalInterface
    private interface HostHandler {
        void handle(Seat host, Map<String, FlatJson.Value> body, ServerResponse res);
    }

    private io.helidon.webserver.http.Handler host(HostHandler handler) {
        return (req, res) -> {
            Optional<Seat> seat = auth.seat(req);
            if (seat.isEmpty()) {
                out.refuse(res, Refusal.UNAUTHORIZED, "missing, unknown or revoked token");
            } else if (seat.get().role() != Role.DM) {
                out.refuse(res, Refusal.WRONG_ROLE, "only the host (DM) seat can use the host controls");
            } else {
                body.objectOrEmpty(req, res).ifPresent(b -> handler.handle(seat.get(), b, res));
            }
        };
    }

    private void lock(Seat host, Map<String, FlatJson.Value> b, ServerResponse res) {
        if (!(b.get("locked") instanceof FlatJson.Value.Bool(boolean lock))) {
            out.refuse(res, Refusal.BAD_REQUEST, "send {\"locked\": true} to lock the room or {\"locked\": false} to open it");
            return;
        }
        append(res, host, lock ? HostCommand.LOCK : HostCommand.UNLOCK, Optional.empty(),
                lock ? table.joinedSeats() : List.of());
    }

    private void rotateObserver(Seat host, Map<String, FlatJson.Value> b, ServerResponse res) {
        if (table.host().seats().stream().noneMatch(p -> p.seat().role() == Role.OBSERVER)) {
            out.refuse(res, Refusal.NOT_FOUND, "this table has no TV (observer) seat to give a new link");
            return;
        }
        append(res, host, HostCommand.ROTATE_OBSERVER, Optional.empty(), List.of());
    }

    private void kick(Seat host, Map<String, FlatJson.Value> b, ServerResponse res) {
        if (!(b.get("seatId") instanceof FlatJson.Value.Text(String seatId)) || seatId.isBlank()) {
            out.refuse(res, Refusal.BAD_REQUEST, "send {\"seatId\": \"…\"} naming the seat to remove");
            return;
        }
        Optional<Seat> target = table.seat(seatId);
        if (target.isEmpty()) {
            out.refuse(res, Refusal.NOT_FOUND, "no seat has that id; refresh the host screen");
        } else if (target.get().role() == Role.DM) {
            out.refuse(res, Refusal.BAD_REQUEST, "the host's own seat cannot be kicked");
        } else {
            append(res, host, HostCommand.KICK, Optional.of(target.get().seatId()), List.of());
        }
    }

    private void append(ServerResponse res, Seat host, HostCommand command, Optional<String> target, List<String> seated) {
        HostRequested request = new HostRequested(ids.get(), host.seatId(), command, target, seated, clock.instant());
        try {
            inbox.append(request);
        } catch (BusException e) {
            out.refuse(res, Refusal.NOT_QUEUED, "the request could not be queued; try again");
            return;
        }
        out.send(res, 202, new Answer.Requested(request.requestId(), "queued"));
    }
}
