package dm20.relay.http;

import dm20.protocol.Role;
import dm20.relay.live.ActionService;
import dm20.relay.live.LiveTable;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;
import dm20.relay.live.Refusal;
import dm20.relay.live.TableView;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import dm20.relay.live.FlatJson;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The player API: {@code /api/me}, {@code POST /action}, {@code GET /action/{id}}, {@code /character} and
 * the anonymous {@code /status}. Each answer is built from the live table; a refused request changes
 * nothing. Thread-safe.
 */
public final class PlayerApi implements HttpService {

    private final LiveTable table;
    private final ActionService actions;
    private final BearerAuth auth;
    private final Responses out;
    private final Clock clock;
    private final Instant started;
    private final JsonBody body;

    public PlayerApi(LiveTable table, ActionService actions, BearerAuth auth, Responses out, Clock clock,
                     int maxBodyBytes) {
        this.table = table;
        this.actions = actions;
        this.auth = auth;
        this.out = out;
        this.clock = clock;
        this.started = clock.instant();
        this.body = new JsonBody(out, maxBodyBytes);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/status", this::status)
                .get("/api/me", authed(this::me))
                .post("/action", authed(this::submit))
                .get("/action/{id}", authed(this::action))
                .get("/character", authed(this::character));
    }

    private io.helidon.webserver.http.Handler authed(SeatHandler handler) {
        return (req, res) -> auth.seat(req).ifPresentOrElse(seat -> handler.handle(seat, req, res),
                () -> out.refuse(res, Refusal.UNAUTHORIZED, "missing, unknown or revoked token; ask the host for your link"));
    }

    @FunctionalInterface
    private interface SeatHandler {
        void handle(Seat seat, ServerRequest req, ServerResponse res);
    }

    private void status(ServerRequest req, ServerResponse res) {
        TableView.Status s = table.status();
        out.send(res, 200, new Answer.Status("up", s.session(), s.seats(), s.connected(),
                Duration.between(started, clock.instant()).toSeconds()));
    }

    private void me(Seat seat, ServerRequest req, ServerResponse res) {
        TableView.Session session = table.session();
        out.send(res, 200, new Answer.Me(seat.seatId(), seat.role().name(), seat.displayName(), seat.playerId(),
                seat.characterId(), session.campaign(), session.epoch()));
    }

    private void submit(Seat seat, ServerRequest req, ServerResponse res) {
        body.object(req, res).ifPresent(body -> {
            FlatJson.Value priv = body.get("private");
            if (!(body.get("text") instanceof FlatJson.Value.Text text)
                    || !(priv == null || priv instanceof FlatJson.Value.Bool)) {
                out.refuse(res, Refusal.BAD_REQUEST, "send {\"text\": \"...\", \"private\": false}");
                return;
            }
            switch (actions.submit(seat, text.value(), priv instanceof FlatJson.Value.Bool(boolean b) && b)) {
                case ActionService.Result.Queued q -> out.send(res, 202,
                        new Answer.Queued(q.action().actionId(), q.action().status().wire()));
                case ActionService.Result.Refused r -> out.refuse(res, r.refusal(), r.message());
            }
        });
    }

    private void action(Seat seat, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        table.action(seat, id).ifPresentOrElse(a -> out.send(res, 200, view(a)),
                () -> out.refuse(res, Refusal.NOT_FOUND, "no action of yours has that id"));
    }

    private static Answer.Action view(ActionRecord a) {
        return new Answer.Action(a.actionId(), a.status().wire(), a.text(), a.privateToDm(), a.submittedAt(),
                a.reason());
    }

    private void character(Seat seat, ServerRequest req, ServerResponse res) {
        if (seat.role() != Role.PLAYER) {
            out.refuse(res, Refusal.WRONG_ROLE, "only players have a character sheet");
            return;
        }
        table.ownSheet(seat).ifPresentOrElse(sheet -> out.send(res, 200, new Answer.Sheet(sheet)),
                () -> out.refuse(res, Refusal.NO_SHEET, "your character sheet has not been shared yet"));
    }
}
