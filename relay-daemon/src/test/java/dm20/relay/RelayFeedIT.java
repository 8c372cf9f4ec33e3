package dm20.relay;

import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.OutboxMessage.ActionResolved;
import dm20.protocol.message.OutboxMessage.PrivatePart;
import dm20.protocol.CombatState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static dm20.relay.Fixtures.T0;
import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged relay as a child process, driven through the real bus, HTTP and WebSockets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern SECRET = Pattern.compile("SECRET\\[([^\\]]*)\\]");

    private Path dir;
    private RelayHarness relay;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        relay = new RelayHarness(dir);
        relay.openSession("epoch-1");
        relay.start();
    }

    @AfterAll
    void stop() {
        relay.close();
    }

    private static Predicate<JsonNode> narrative(String text) {
        return f -> f.path("type").asString().equals("narrative") && f.path("text").asString().equals(text);
    }

    @Test
    void feed_fourPlayersAndObserver_eachGetsOnlyWhatTheyMaySee() {
        Map<String, WsClient> sockets = new HashMap<>();
        for (String seat : List.of("p1", "p2", "p3", "p4", "tv")) {
            WsClient ws = relay.connect().hello(token(seat));
            assertThat(ws.awaitType("welcome").path("seat").path("seatId").asString()).isEqualTo(seat);
            sockets.put(seat, ws);
        }
        for (int i = 0; i < 40; i++) {
            String p = Fixtures.PLAYERS.get(i % 4);
            String q = Fixtures.PLAYERS.get((i + 1) % 4);
            relay.post(Fixtures.narrative("pub" + i, "PUBLIC " + i, Visibility.everyone()));
            relay.post(Fixtures.narrative("party" + i, "PARTY " + i, Visibility.party()));
            relay.post(Fixtures.narrative("sec" + i, "SECRET[" + p + "] " + i, Visibility.player(p)));
            relay.post(Fixtures.narrative("dm" + i, "DMONLY " + i, Visibility.dmOnly()));
            relay.post(new OutboxMessage.PrivateMessageSent("w" + i, List.of(q), "SECRET[" + q + "] whisper " + i, T0));
            relay.post(new ActionResolved("act" + i, p, "PUBLIC outcome " + i,
                    List.of(new PrivatePart(q, "SECRET[" + q + "] part " + i)), Optional.of("DMONLY note"), T0));
        }
        relay.post(Fixtures.narrative("end", "END", Visibility.everyone()));
        for (var entry : sockets.entrySet()) {
            WsClient ws = entry.getValue();
            ws.await(narrative("END"), WAIT);
            List<String> texts = ws.seen().stream().map(JsonNode::toString).toList();
            assertThat(texts).noneMatch(t -> t.contains("DMONLY"));
            assertThat(texts.stream().filter(t -> t.contains("PUBLIC outcome"))).hasSize(40);
            List<String> secrets = texts.stream().flatMap(t -> SECRET.matcher(t).results()).map(r -> r.group(1)).toList();
            if (entry.getKey().equals("tv")) {
                assertThat(secrets).isEmpty();
                assertThat(texts).noneMatch(t -> t.contains("PARTY"));
            } else {
                assertThat(secrets).hasSize(30).containsOnly(entry.getKey());
                assertThat(texts.stream().filter(t -> t.contains("PARTY"))).hasSize(40);
            }
            ws.close();
        }
    }

    @Test
    void action_post_is202OnlyOnceTheInboxHasIt() {
        WsClient ws = relay.connect().hello(token("p1"));
        ws.awaitType("welcome");
        var res = relay.postJson("/action", Optional.of(token("p1")), "{\"text\":\"I search the chest\",\"private\":true}");
        assertThat(res.statusCode()).isEqualTo(202);
        String actionId = RelayHarnessJson.field(res.body(), "actionId");
        assertThat(relay.drainInbox()).filteredOn(m -> m instanceof InboxMessage.ActionSubmitted)
                .extracting(m -> ((InboxMessage.ActionSubmitted) m).actionId()).contains(actionId);
        assertThat(ws.await(f -> f.path("type").asString().equals("action_status"), WAIT).path("status").asString())
                .isEqualTo("queued");
        assertThat(relay.get("/action/" + actionId, Optional.of(token("p1"))).body()).contains("\"status\":\"queued\"");
        assertThat(relay.get("/action/" + actionId, Optional.of(token("p2"))).statusCode()).isEqualTo(404);
        relay.post(new OutboxMessage.ActionClaimed(actionId, "p1", T0));
        assertThat(ws.await(f -> f.path("status").asString().equals("processing"), WAIT).path("seq").isNumber()).isTrue();
        ws.close();
    }

    @Test
    void action_notYourTurn_is409AndQueuesNothing() {
        WsClient ws = relay.connect().hello(token("p3"));
        ws.awaitType("welcome");
        relay.post(new OutboxMessage.CombatUpdated(Fixtures.roundRobin("c2"), T0));
        JsonNode combat = ws.await(f -> f.path("type").asString().equals("combat")
                && f.path("combat").path("currentId").asString("").equals("c2"), WAIT);
        assertThat(combat.path("canAct").asBoolean()).isFalse();
        assertThat(combat.toString()).doesNotContain("Assassin");
        relay.drainInbox();
        var res = relay.postJson("/action", Optional.of(token("p3")), "{\"text\":\"attack\"}");
        assertThat(res.statusCode()).isEqualTo(409);
        assertThat(res.body()).contains("not_your_turn").contains("waiting for Hero2");
        assertThat(relay.drainInbox()).noneMatch(m -> m instanceof InboxMessage.ActionSubmitted);
        relay.post(new OutboxMessage.CombatUpdated(CombatState.none(), T0));
        ws.await(f -> f.path("type").asString().equals("combat") && !f.path("combat").path("active").asBoolean(), WAIT);
        ws.close();
    }

    @Test
    void revoke_closesTheOpenSocketAndTheTokenStopsWorking() {
        relay.post(Fixtures.issue("p9", dm20.protocol.Role.PLAYER, "Temp"));
        WsClient ws = relay.connect();
        long end = System.nanoTime() + WAIT.toNanos();
        while (relay.get("/api/me", Optional.of(token("p9"))).statusCode() != 200 && System.nanoTime() < end) {
            RelayHarness.sleep(20);
        }
        ws.hello(token("p9")).awaitType("welcome");
        relay.post(new OutboxMessage.SeatRevoked("p9", "kicked by the host", T0));
        assertThat(ws.awaitType("closing").path("reason").asString()).isEqualTo("kicked by the host");
        assertThat(ws.awaitClose(WAIT)).isEqualTo(4401);
        assertThat(relay.get("/api/me", Optional.of(token("p9"))).statusCode()).isEqualTo(401);
        WsClient again = relay.connect().hello(token("p9"));
        assertThat(again.awaitClose(WAIT)).isEqualTo(4401);
    }

    @Test
    void reconnect_withSinceAndEpoch_getsExactlyTheMissedFrames() {
        WsClient first = relay.connect().hello(token("p2"));
        first.awaitType("welcome");
        relay.post(Fixtures.narrative("mark", "MARK", Visibility.everyone()));
        long since = first.await(narrative("MARK"), WAIT).path("seq").asLong();
        first.close();
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(relay.post(Fixtures.narrative("missed" + i, "MISSED " + i, Visibility.everyone())));
            relay.post(Fixtures.narrative("other" + i, "SECRET[p1] " + i, Visibility.player("p1")));
        }
        WsClient second = relay.connect().hello(token("p2"), since, "epoch-1");
        second.awaitType("welcome");
        List<JsonNode> replay = second.drain(Duration.ofMillis(500));
        assertThat(replay.subList(1, replay.size())).extracting(f -> f.path("seq").asLong()).containsExactlyElementsOf(posted);
        second.close();
        WsClient stale = relay.connect().hello(token("p2"), since, "epoch-0");
        assertThat(stale.awaitType("reload").path("reason").asString()).isNotBlank();
        stale.close();
    }

    @Test
    void ping_getsPong() {
        WsClient ws = relay.connect().hello(token("p4"));
        ws.awaitType("welcome");
        ws.send("{\"type\":\"ping\"}");
        ws.awaitType("pong");
        ws.send("{\"type\":\"dance\"}");
        assertThat(ws.awaitType("error").path("error").asString()).isEqualTo("unknown_frame");
        ws.close();
    }

    /** Minimal JSON field access for response bodies. */
    static final class RelayHarnessJson {
        static String field(String json, String name) {
            return new dm20.protocol.message.MessageCodec().json().readTree(json).path(name).asString();
        }
    }
}
