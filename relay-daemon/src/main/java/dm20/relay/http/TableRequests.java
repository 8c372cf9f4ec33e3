package dm20.relay.http;

import dm20.protocol.Role;
import dm20.protocol.VisibilityRules;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.RollEdge;
import dm20.protocol.message.InboxMessage.RollKind;
import dm20.protocol.message.InboxMessage.RollRequested;
import dm20.protocol.message.InboxMessage.TurnEndRequested;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusWriter;
import dm20.relay.live.ActionService;
import dm20.relay.live.LiveTable;
import dm20.relay.live.Refusal;
import dm20.relay.state.ActionLimiter;
import dm20.relay.state.Seat;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import dm20.relay.live.FlatJson;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A player's requests beside actions (docs/protocol.md §2.1): {@code POST /api/roll}
 * {@code {"kind": "skill", "name": "Stealth", "edge": "advantage"}} asks the mcp-server to roll for the seat's
 * own character, {@code POST /api/turn/end} to pass the player's own round-robin turn. Checked here (player
 * seat with a character, room lock, {@link VisibilityRules#canRollFor}, {@code TurnRules.mayEndTurn}, rate),
 * then appended to the inbox and answered 202; the dice are rolled and the turn passed by the mcp-server only.
 * A refused request appends nothing. Requests are serialized so the rate limit cannot be raced. Thread-safe.
 */
public final class TableRequests implements HttpService {

    /** The longest skill, ability or weapon name accepted. */
    static final int MAX_NAME = 60;

    private final LiveTable table;
    private final BearerAuth auth;
    private final Responses out;
    private final JsonBody body;
    private final BusWriter<InboxMessage> inbox;
    private final ActionLimiter limiter;
    private final Clock clock;
    private final Supplier<String> ids;

    public TableRequests(LiveTable table, BearerAuth auth, Responses out, JsonBody body, BusWriter<InboxMessage> inbox,
                         ActionLimiter limiter, Clock clock, Supplier<String> ids) {
        this.table = table;
        this.auth = auth;
        this.out = out;
        this.body = body;
        this.inbox = inbox;
        this.limiter = limiter;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/roll", this::roll).post("/api/turn/end", this::endTurn);
    }

    private Optional<Seat> player(ServerRequest req, ServerResponse res, String what) {
        Optional<Seat> seat = auth.seat(req);
        if (seat.isEmpty()) {
            out.refuse(res, Refusal.UNAUTHORIZED, "missing, unknown or revoked token; ask the host for your link");
            return Optional.empty();
        }
        if (seat.get().role() != Role.PLAYER || seat.get().characterId().isEmpty()) {
            out.refuse(res, Refusal.WRONG_ROLE, "only a player with a character can " + what);
            return Optional.empty();
        }
        return seat;
    }

    private void roll(ServerRequest req, ServerResponse res) {
        player(req, res, "ask for a roll").ifPresent(seat -> body.objectOrEmpty(req, res).ifPresent(b -> {
            Optional<RollKind> kind = parse(RollKind.class, b.get("kind"));
            Optional<RollEdge> edge = b.containsKey("edge") ? parse(RollEdge.class, b.get("edge"))
                    : Optional.of(RollEdge.NORMAL);
            String name = b.get("name") instanceof FlatJson.Value.Text(String n) ? n.strip() : "";
            if (kind.isEmpty() || edge.isEmpty() || name.isEmpty() || name.length() > MAX_NAME) {
                out.refuse(res, Refusal.BAD_ROLL, "send {\"kind\": \"skill|save|check|attack\", \"name\": \"Stealth\","
                        + " \"edge\": \"normal|advantage|disadvantage\"}; the name is 1.." + MAX_NAME + " characters");
                return;
            }
            String character = seat.characterId().orElseThrow();
            if (!VisibilityRules.canRollFor(character, seat.webViewer(), seat.playerId())) {
                out.refuse(res, Refusal.WRONG_ROLE, "you can only roll for your own character");
                return;
            }
            String id = ids.get();
            send(res, seat, id, now -> new RollRequested(id, seat.seatId(), seat.playerId().orElseThrow(), character,
                    kind.get(), name, edge.get(), now), table.present(seat));
        }));
    }

    private void endTurn(ServerRequest req, ServerResponse res) {
        player(req, res, "end a turn").ifPresent(seat -> body.objectOrEmpty(req, res).ifPresent(b -> {
            String id = ids.get();
            send(res, seat, id, now -> new TurnEndRequested(id, seat.seatId(), seat.playerId().orElseThrow(), now),
                    table.mayEndTurn(seat));
        }));
    }

    private synchronized void send(ServerResponse res, Seat seat, String id, java.util.function.Function<Instant, InboxMessage> request,
                                   Optional<ActionService.Result.Refused> refused) {
        if (refused.isPresent()) {
            out.refuse(res, refused.get().refusal(), refused.get().message());
            return;
        }
        Instant now = clock.instant();
        if (!limiter.allows(seat.seatId(), now)) {
            out.refuse(res, Refusal.TOO_MANY_ACTIONS, "too many requests; wait a minute");
            return;
        }
        InboxMessage message = request.apply(now);
        try {
            inbox.append(message);
        } catch (BusException e) {
            out.refuse(res, Refusal.NOT_QUEUED, "the request could not be queued; try again");
            return;
        }
        limiter.record(seat.seatId(), now);
        out.send(res, 202, new Answer.Requested(id, "queued"));
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, FlatJson.Value value) {
        if (!(value instanceof FlatJson.Value.Text(String text))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
