package dm20.relay.http;

import dm20.protocol.Role;
import dm20.relay.live.ActionService;
import dm20.relay.live.LiveTable;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;
import dm20.relay.state.TableState;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final JsonMapper json;
    private final Clock clock;
    private final Instant started;
    private final int maxBodyBytes;

    public PlayerApi(LiveTable table, ActionService actions, BearerAuth auth, Responses out, JsonMapper json,
                     Clock clock, int maxBodyBytes) {
        this.table = table;
        this.actions = actions;
        this.auth = auth;
        this.out = out;
        this.json = json;
        this.clock = clock;
        this.started = clock.instant();
        this.maxBodyBytes = maxBodyBytes;
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
                () -> out.error(res, 401, "unauthorized", "missing, unknown or revoked token; ask the host for your link"));
    }

    @FunctionalInterface
    private interface SeatHandler {
        void handle(Seat seat, ServerRequest req, ServerResponse res);
    }

    private void status(ServerRequest req, ServerResponse res) {
        Map<String, Object> body = table.read(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", "up");
            m.put("session", s.open());
            m.put("seats", s.seats().size());
            return m;
        });
        body.put("connected", table.read(TableState::seats).all().stream()
                .filter(seat -> table.connections(seat.seatId()) > 0).count());
        body.put("uptimeSeconds", java.time.Duration.between(started, clock.instant()).toSeconds());
        out.json(res, 200, body);
    }

    private void me(Seat seat, ServerRequest req, ServerResponse res) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("seatId", seat.seatId());
        body.put("role", seat.role().name());
        body.put("displayName", seat.displayName());
        seat.playerId().ifPresent(p -> body.put("playerId", p));
        seat.characterId().ifPresent(c -> body.put("characterId", c));
        body.put("campaign", table.read(TableState::campaign));
        body.put("epoch", table.read(s -> s.epoch().orElse("")));
        out.json(res, 200, body);
    }

    private void submit(Seat seat, ServerRequest req, ServerResponse res) {
        readJson(req, res).ifPresent(body -> {
            JsonNode text = body.path("text");
            JsonNode priv = body.path("private");
            if (!text.isString() || !(priv.isMissingNode() || priv.isBoolean())) {
                out.error(res, 400, "bad_request", "send {\"text\": \"...\", \"private\": false}");
                return;
            }
            switch (actions.submit(seat, text.asString(), priv.asBoolean(false))) {
                case ActionService.Result.Queued q -> out.json(res, 202,
                        Map.of("actionId", q.action().actionId(), "status", q.action().status().wire()));
                case ActionService.Result.Refused r -> out.error(res, r.status(), r.error(), r.message());
            }
        });
    }

    private Optional<JsonNode> readJson(ServerRequest req, ServerResponse res) {
        long declared = req.headers().first(HeaderNames.CONTENT_LENGTH).map(PlayerApi::length).orElse(0L);
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = declared > maxBodyBytes ? new byte[maxBodyBytes + 1] : in.readNBytes(maxBodyBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBodyBytes) {
            out.error(res, 413, "too_large", "the body must be at most " + maxBodyBytes + " bytes");
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node != null && node.isObject()) {
                return Optional.of(node);
            }
        } catch (JacksonException e) {
            // answered below
        }
        out.error(res, 400, "malformed_json", "the body must be a JSON object");
        return Optional.empty();
    }

    private static long length(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void action(Seat seat, ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        Optional<ActionRecord> action = table.read(s -> s.actions().byId(id)).filter(a -> a.seatId().equals(seat.seatId()));
        action.ifPresentOrElse(a -> out.json(res, 200, view(a)),
                () -> out.error(res, 404, "not_found", "no action of yours has that id"));
    }

    private static Map<String, Object> view(ActionRecord a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actionId", a.actionId());
        m.put("status", a.status().wire());
        m.put("text", a.text());
        m.put("private", a.privateToDm());
        m.put("submittedAt", a.submittedAt().toString());
        a.reason().ifPresent(r -> m.put("reason", r));
        return m;
    }

    private void character(Seat seat, ServerRequest req, ServerResponse res) {
        if (seat.role() != Role.PLAYER) {
            out.error(res, 403, "wrong_role", "only players have a character sheet");
            return;
        }
        table.read(s -> s.sheet(seat.characterId().orElseThrow())).ifPresentOrElse(
                c -> out.json(res, 200, c.sheet()),
                () -> out.error(res, 404, "no_sheet", "your character sheet has not been shared yet"));
    }

}
