package dm20.relay;

import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.HostCommand;
import dm20.protocol.message.InboxMessage.HostRequested;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.OutboxMessage.SeatIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static dm20.relay.Fixtures.T0;
import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host controls and the players' roll and end-turn requests against the packaged relay, over real HTTP and
 * WebSockets. The test plays the mcp-server's part on the bus: it reads each request from the inbox and posts
 * what the server would (room_lock_changed, a rotated seat_issued, seat_revoked).
 */
class HostControlsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Optional<String> HOST = Optional.of(token("dm"));

    private RelayHarness relay;

    @BeforeEach
    void start(@TempDir Path tmp) throws Exception {
        relay = new RelayHarness(tmp);
        relay.openSession("epoch-1");
        relay.start();
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private HttpResponse<String> post(String path, Optional<String> token, String body) {
        return relay.postJson(path, token, body);
    }

    private static JsonNode json(HttpResponse<String> res) {
        return JSON.readTree(res.body());
    }

    private HostRequested awaitHost(Predicate<HostRequested> wanted) {
        return (HostRequested) relay.awaitInbox(m -> m instanceof HostRequested h && wanted.test(h), WAIT);
    }

    /** Polls the host view (the relay folds the outbox on its own thread) until {@code wanted} holds. */
    private JsonNode awaitHostView(Predicate<JsonNode> wanted) {
        long end = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = json(relay.get("/api/host", HOST));
            if (wanted.test(last)) {
                return last;
            }
            RelayHarness.sleep(20);
        }
        throw new AssertionError("host view never matched; last: " + last);
    }

    private WsClient joined(String seat) {
        WsClient ws = relay.connect().hello(token(seat));
        ws.awaitType("welcome");
        return ws;
    }

    @Test
    void hostScreen_polling_reportsTheHostSeatOnline_refusedPollsDoNot() {
        assertThat(relay.get("/api/host", Optional.of(token("p1"))).statusCode()).isEqualTo(403);
        assertThat(relay.get("/api/host", HOST).statusCode()).isEqualTo(200);

        InboxMessage.PresenceChanged first = (InboxMessage.PresenceChanged) relay.awaitInbox(
                m -> m instanceof InboxMessage.PresenceChanged, WAIT);
        assertThat(first.seatId()).as("the player's refused poll reported nothing").isEqualTo("dm");
        assertThat(first.connections()).isEqualTo(1);
    }

    @Test
    void hostControls_playerObserverOrNoToken_refusedAndNothingQueued() {
        for (String path : List.of("/api/host/lock", "/api/host/observer/rotate", "/api/host/kick")) {
            String body = path.endsWith("lock") ? "{\"locked\":true}" : path.endsWith("kick") ? "{\"seatId\":\"p2\"}" : "{}";
            HttpResponse<String> player = post(path, Optional.of(token("p1")), body);
            HttpResponse<String> tv = post(path, Optional.of(token("tv")), body);
            HttpResponse<String> none = post(path, Optional.empty(), body);

            assertThat(player.statusCode()).as(path).isEqualTo(403);
            assertThat(json(player).path("error").asString()).isEqualTo("wrong_role");
            assertThat(tv.statusCode()).as(path).isEqualTo(403);
            assertThat(none.statusCode()).as(path).isEqualTo(401);
            assertThat(json(none).path("error").asString()).isEqualTo("unauthorized");
        }
        HttpResponse<String> marker = post("/api/host/lock", HOST, "{\"locked\":false}");
        assertThat(marker.statusCode()).isEqualTo(202);
        // the first host request on the inbox is the marker: none of the refused ones was queued
        HostRequested first = awaitHost(h -> true);
        assertThat(first.requestId()).isEqualTo(json(marker).path("requestId").asString());
        assertThat(first.command()).isEqualTo(HostCommand.UNLOCK);
    }

    @Test
    void hostControls_badInput_refusedWithCatalogueCodes() {
        assertThat(json(post("/api/host/lock", HOST, "{\"locked\":\"yes\"}")).path("error").asString()).isEqualTo("bad_request");
        assertThat(post("/api/host/lock", HOST, "[true]").statusCode()).isEqualTo(400);
        assertThat(json(post("/api/host/lock", HOST, "not json")).path("error").asString()).isEqualTo("malformed_json");
        HttpResponse<String> nobody = post("/api/host/kick", HOST, "{\"seatId\":\"p9\"}");
        assertThat(nobody.statusCode()).isEqualTo(404);
        assertThat(json(nobody).path("message").asString()).contains("no seat");
        HttpResponse<String> self = post("/api/host/kick", HOST, "{\"seatId\":\"dm\"}");
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(json(self).path("message").asString()).contains("host's own seat");
        assertThat(json(post("/api/host/kick", HOST, "{}")).path("error").asString()).isEqualTo("bad_request");
        assertThat(post("/api/host/lock", HOST, "{\"locked\":true,\"pad\":\"" + "x".repeat(70_000) + "\"}").statusCode())
                .isEqualTo(413);
        HttpResponse<String> marker = post("/api/host/observer/rotate", HOST, "");
        assertThat(marker.statusCode()).isEqualTo(202);
        assertThat(awaitHost(h -> true).command()).isEqualTo(HostCommand.ROTATE_OBSERVER);
    }

    @Test
    void lock_newSeatRefusedWith4403_seatedPlayerReconnects_unlockLetsEveryoneIn() {
        WsClient p1 = joined("p1");
        WsClient tv = joined("tv");

        assertThat(post("/api/host/lock", HOST, "{\"locked\":true}").statusCode()).isEqualTo(202);
        HostRequested lock = awaitHost(h -> h.command() == HostCommand.LOCK);
        assertThat(lock.seated()).containsExactlyInAnyOrder("p1", "tv");
        relay.post(new OutboxMessage.RoomLockChanged(true, lock.seated(), T0));
        JsonNode view = awaitHostView(v -> v.path("locked").asBoolean());
        assertThat(seat(view, "p2").path("lockedOut").asBoolean()).isTrue();
        assertThat(seat(view, "p1").path("lockedOut").asBoolean()).isFalse();

        WsClient p2 = relay.connect().hello(token("p2"));
        assertThat(p2.awaitClose(WAIT)).isEqualTo(4403);
        assertThat(p2.seen()).noneMatch(f -> f.path("type").asString().equals("welcome"));
        HttpResponse<String> action = post("/action", Optional.of(token("p2")), "{\"text\":\"I sneak in\"}");
        assertThat(action.statusCode()).isEqualTo(403);
        assertThat(json(action).path("error").asString()).isEqualTo("room_locked");
        assertThat(json(action).path("message").asString()).contains("The DM has locked the room");
        p1.close();
        WsClient back = joined("p1");
        assertThat(post("/action", Optional.of(token("p1")), "{\"text\":\"I stay\"}").statusCode()).isEqualTo(202);

        assertThat(post("/api/host/lock", HOST, "{\"locked\":false}").statusCode()).isEqualTo(202);
        assertThat(awaitHost(h -> h.command() == HostCommand.UNLOCK).seated()).isEmpty();
        relay.post(new OutboxMessage.RoomLockChanged(false, List.of(), T0));
        awaitHostView(v -> !v.path("locked").asBoolean());
        joined("p2").close();
        back.close();
        tv.close();
    }

    @Test
    void lock_afterARelayKilledAndRestarted_keepsTheSeatsThatHadJoined_evenWithTheirPhonesAway() throws Exception {
        WsClient p1 = joined("p1");
        awaitPresence("p1", 1);
        p1.close();   // the phone sleeps through what follows
        awaitPresence("p1", 0);
        relay.process().destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        relay.start();
        WsClient tv = joined("tv");   // back after the restart

        assertThat(post("/api/host/lock", HOST, "{\"locked\":true}").statusCode()).isEqualTo(202);
        HostRequested lock = awaitHost(h -> h.command() == HostCommand.LOCK);
        assertThat(lock.seated()).containsExactlyInAnyOrder("p1", "tv");
        relay.post(new OutboxMessage.RoomLockChanged(true, lock.seated(), T0));
        awaitHostView(v -> v.path("locked").asBoolean());

        WsClient back = joined("p1");   // the phone wakes up: still at the table
        assertThat(back.seen()).anyMatch(f -> f.path("type").asString().equals("welcome"));
        WsClient p2 = relay.connect().hello(token("p2"));   // never joined: stays out
        assertThat(p2.awaitClose(WAIT)).isEqualTo(4403);
        back.close();
        tv.close();
    }

    private void awaitPresence(String seat, int connections) {
        relay.awaitInbox(m -> m instanceof InboxMessage.PresenceChanged p && p.seatId().equals(seat)
                && p.connections() == connections, WAIT);
    }

    @Test
    void rotateObserver_oldTvSocketClosedAndOldLinkDead_newLinkWorks() {
        WsClient tv = joined("tv");
        assertThat(post("/api/host/observer/rotate", HOST, "{}").statusCode()).isEqualTo(202);
        awaitHost(h -> h.command() == HostCommand.ROTATE_OBSERVER);
        relay.post(new SeatIssued("tv", Role.OBSERVER, "TV", Optional.empty(), Optional.empty(),
                Tokens.hash("token-tv-2"), T0));

        assertThat(tv.awaitClose(WAIT)).isEqualTo(4401);
        WsClient old = relay.connect().hello(token("tv"));
        assertThat(old.awaitClose(WAIT)).isEqualTo(4401);
        WsClient fresh = relay.connect().hello("token-tv-2");
        assertThat(fresh.awaitType("welcome").path("seat").path("seatId").asString()).isEqualTo("tv");
        fresh.close();
    }

    @Test
    void kick_queuesTheSeat_andTheServersRevokeClosesItsSocket() {
        WsClient p3 = joined("p3");
        assertThat(post("/api/host/kick", HOST, "{\"seatId\":\"p3\"}").statusCode()).isEqualTo(202);
        HostRequested kick = awaitHost(h -> h.command() == HostCommand.KICK);
        assertThat(kick.target()).contains("p3");
        relay.post(new OutboxMessage.SeatRevoked("p3", "removed by the host", T0));

        assertThat(p3.awaitClose(WAIT)).isEqualTo(4401);
    }

    @Test
    void roll_ownCharacterQueued_observerAndBadKindRefused() {
        HttpResponse<String> ok = post("/api/roll", Optional.of(token("p1")),
                "{\"kind\":\"skill\",\"name\":\"Stealth\",\"edge\":\"advantage\"}");
        assertThat(ok.statusCode()).isEqualTo(202);
        InboxMessage.RollRequested r = (InboxMessage.RollRequested) relay.awaitInbox(
                m -> m instanceof InboxMessage.RollRequested, WAIT);
        assertThat(r.characterId()).isEqualTo("c1");
        assertThat(r.playerId()).isEqualTo("p1");
        assertThat(r.kind()).isEqualTo(InboxMessage.RollKind.SKILL);
        assertThat(r.edge()).isEqualTo(InboxMessage.RollEdge.ADVANTAGE);

        assertThat(json(post("/api/roll", Optional.of(token("tv")), "{\"kind\":\"skill\",\"name\":\"Stealth\"}"))
                .path("error").asString()).isEqualTo("wrong_role");
        assertThat(json(post("/api/roll", Optional.of(token("dm")), "{\"kind\":\"skill\",\"name\":\"Stealth\"}"))
                .path("error").asString()).isEqualTo("wrong_role");
        assertThat(json(post("/api/roll", Optional.of(token("p1")), "{\"kind\":\"dance\",\"name\":\"Stealth\"}"))
                .path("error").asString()).isEqualTo("bad_roll");
        assertThat(json(post("/api/roll", Optional.of(token("p1")), "{\"kind\":\"save\",\"name\":\"\"}"))
                .path("error").asString()).isEqualTo("bad_roll");
        assertThat(json(post("/api/roll", Optional.of(token("p1")), "{\"kind\":\"save\",\"name\":\"DEX\",\"edge\":\"lucky\"}"))
                .path("error").asString()).isEqualTo("bad_roll");
    }

    @Test
    void endTurn_onlyTheCurrentPlayer_othersRefusedWithNotYourTurn() {
        HttpResponse<String> noCombat = post("/api/turn/end", Optional.of(token("p2")), "{}");
        assertThat(noCombat.statusCode()).isEqualTo(409);
        assertThat(json(noCombat).path("message").asString()).contains("no combat");
        WsClient p2 = joined("p2");
        relay.post(new OutboxMessage.CombatUpdated(Fixtures.roundRobin("c2"), T0));
        p2.awaitType("combat");

        HttpResponse<String> other = post("/api/turn/end", Optional.of(token("p1")), "{}");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json(other).path("error").asString()).isEqualTo("not_your_turn");
        assertThat(post("/api/turn/end", Optional.of(token("tv")), "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> mine = post("/api/turn/end", Optional.of(token("p2")), "{}");
        assertThat(mine.statusCode()).isEqualTo(202);
        InboxMessage.TurnEndRequested t = (InboxMessage.TurnEndRequested) relay.awaitInbox(
                m -> m instanceof InboxMessage.TurnEndRequested, WAIT);
        assertThat(t.playerId()).isEqualTo("p2");
        assertThat(t.requestId()).isEqualTo(json(mine).path("requestId").asString());
        p2.close();
    }

    private static JsonNode seat(JsonNode view, String seatId) {
        for (JsonNode s : view.path("seats")) {
            if (s.path("seatId").asString().equals(seatId)) {
                return s;
            }
        }
        throw new AssertionError("no seat " + seatId + " in " + view);
    }
}
