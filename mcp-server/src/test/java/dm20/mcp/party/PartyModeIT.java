package dm20.mcp.party;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product end to end with real processes: an MCP client launches the packaged mcp-server over stdio,
 * party_start spawns the packaged relay, four players and a TV join over real WebSockets, and the DM plays
 * through the party tools. Ordered steps share one table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class PartyModeIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> HEROES = List.of("Thorin", "Elara", "Pip", "Brakka");
    private static final List<String> PLAYERS = List.of("Ann", "Ben", "Cat", "Dan");

    private Path root;
    private DmClient dm;
    private int port;
    private final Map<String, String> links = new LinkedHashMap<>();
    private final Map<String, Phone> phones = new LinkedHashMap<>();
    private Phone tv;
    /** Every seat link handed out (tokens inside), and the stderr of every server run: no link may be in it. */
    private final List<String> issued = new ArrayList<>();
    private final List<String> earlierStderr = new ArrayList<>();

    @BeforeAll
    void openTheTable() throws Exception {
        root = java.nio.file.Files.createTempDirectory("party-mode-it");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        dm = new DmClient(root);
        dm.ok("create_campaign", Map.of("name", "Sunless Citadel"));
        for (int i = 0; i < 4; i++) {
            dm.ok("create_character", Map.of("name", HEROES.get(i), "class", i % 2 == 0 ? "Fighter" : "Wizard",
                    "level", 3, "player", PLAYERS.get(i)));
        }
    }

    @AfterAll
    void closeTheTable() {
        phones.values().forEach(Phone::close);
        if (tv != null) {
            tv.close();
        }
        if (dm != null) {
            dm.call("party_stop", Map.of());
            dm.close();
        }
        DmClient.relayProcess(campaignDir()).ifPresent(ProcessHandle::destroyForcibly);
    }

    private Path campaignDir() {
        return root.resolve("sunless-citadel");
    }

    @Test
    @Order(1)
    void partyStart_issuesSeatsLedByTheHostScreenAndTheRelayServes() throws Exception {
        var result = dm.call("party_start", Map.of("port", port, "host", "127.0.0.1"));
        assertThat(result.isError()).as(DmClient.text(result)).isFalse();
        JsonNode summary = tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(result.structuredContent());

        summary.path("seats").forEach(seat -> links.put(seat.path("name").asString(), seat.path("url").asString()));
        issued.addAll(links.values());
        issued.add(summary.path("hostScreen").asString());
        assertThat(links).hasSize(6);
        assertThat(summary.path("hostScreen").asString()).startsWith("http://127.0.0.1:" + port + "/host#");
        // the host reads the host-screen link first, and how to open it here; the QR codes live on that screen
        assertThat(DmClient.text(result)).startsWith("Host screen: " + summary.path("hostScreen").asString())
                .contains("Open it in a browser on this machine");
        assertThat(result.content()).noneMatch(c -> c instanceof io.modelcontextprotocol.spec.McpSchema.ImageContent);
        for (int i = 0; i < 4; i++) {
            String seat = PLAYERS.get(i) + " (" + HEROES.get(i) + ")";
            phones.put(PLAYERS.get(i), Phone.join(PLAYERS.get(i), links.get(seat), Optional.empty()));
        }
        tv = Phone.join("TV", links.get("Table TV"), Optional.empty());
        assertThat(phones.values()).allSatisfy(p -> assertThat(p.ofType("welcome")).hasSize(1));
        assertThat(tv.ofType("welcome").getFirst().path("seat").path("role").asString()).isEqualTo("OBSERVER");
        // the owner's sheet is part of the history; nobody else's is
        JsonNode annSheet = phones.get("Ann").await(f -> Phone.type(f).equals("sheet"), WAIT);
        assertThat(annSheet.path("sheet").path("name").asString()).isEqualTo("Thorin");
        assertThat(phones.get("Ann").ofType("sheet")).allSatisfy(f -> assertThat(f.path("sheet").path("name").asString()).isEqualTo("Thorin"));
        assertThat(tv.ofType("sheet")).isEmpty();
    }

    @Test
    @Order(2)
    void actionsAndResolutions_manyMessages_privateTextReachesOnlyItsPlayer() throws Exception {
        List<String> secrets = new ArrayList<>();
        Map<String, List<String>> own = new LinkedHashMap<>();
        for (int round = 0; round < 8; round++) {
            String actor = PLAYERS.get(round % 4);
            String target = PLAYERS.get((round + 1) % 4);
            HttpResponse<String> accepted = phones.get(actor).act("I search the room, round " + round);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = phones.get(actor).actionId(accepted);
            own.computeIfAbsent(actor, k -> new ArrayList<>()).add(id);

            JsonNode next = dm.ok("party_next", Map.of());
            assertThat(next.path("actionId").asString()).isEqualTo(id);
            assertThat(next.path("player").path("name").asString()).isEqualTo(actor);
            assertThat(next.path("character").path("name").asString()).isEqualTo(HEROES.get(round % 4));
            phones.get(actor).await(f -> Phone.type(f).equals("action_status") && f.path("actionId").asString().equals(id)
                    && f.path("status").asString().equals("processing"), WAIT);

            String secret = "secret-" + round + "-for-" + target;
            String notes = "dm-note-" + round;
            secrets.add(secret);
            dm.ok("party_resolve", Map.of("action_id", id, "narrative", "Dust swirls, round " + round,
                    "private", Map.of(target, secret), "dm_notes", notes));

            for (Phone p : phones.values()) {
                JsonNode res = p.await(f -> Phone.type(f).equals("resolution") && f.path("actionId").asString().equals(id), WAIT);
                assertThat(res.path("narrative").asString()).isEqualTo("Dust swirls, round " + round);
                assertThat(res.path("private").asString("")).isEqualTo(p.name.equals(target) ? secret : "");
            }
            tv.await(f -> Phone.type(f).equals("resolution") && f.path("actionId").asString().equals(id), WAIT);
            phones.get(actor).await(f -> Phone.type(f).equals("action_status") && f.path("actionId").asString().equals(id)
                    && f.path("status").asString().equals("resolved"), WAIT);
        }
        for (Phone p : phones.values()) {
            for (String secret : secrets) {
                assertThat(p.everything().contains(secret)).as(p.name + " sees " + secret).isEqualTo(secret.endsWith(p.name));
            }
            assertThat(p.everything()).doesNotContain("dm-note-");
            assertThat(p.ofType("action_status")).extracting(f -> f.path("actionId").asString())
                    .isNotEmpty().allMatch(own.get(p.name)::contains);
        }
        assertThat(tv.everything()).doesNotContain("secret-").doesNotContain("dm-note-");
        assertThat(tv.ofType("action_status")).isEmpty();
    }

    @Test
    @Order(3)
    void resolve_unknownOrAlreadyResolvedAction_isAToolErrorAndPublishesNothing() throws Exception {
        long before = phones.get("Ben").frames.size();

        assertThat(dm.error("party_resolve", Map.of("action_id", "a-nope", "narrative", "x")))
                .contains("no action 'a-nope'").contains("answered in an earlier session");
        JsonNode marker = mark(List.of("Ben"), "marker-after-bad-resolve");
        assertThat(phones.get("Ben").frames.subList((int) before, phones.get("Ben").frames.indexOf(marker))).isEmpty();
    }

    @Test
    @Order(4)
    void updateCharacter_reachesItsOwnerOnly() throws Exception {
        dm.ok("update_character", Map.of("character", "Elara", "hp", 5));

        JsonNode sheet = phones.get("Ben").await(f -> Phone.type(f).equals("sheet")
                && f.path("sheet").path("hp").path("current").asInt() == 5, WAIT);
        assertThat(sheet.path("sheet").path("name").asString()).isEqualTo("Elara");
        mark(List.of("Ann", "Cat", "Dan"), "marker-after-elara-sheet");
        for (String other : List.of("Ann", "Cat", "Dan")) {
            assertThat(phones.get(other).ofType("sheet")).noneMatch(f -> f.path("sheet").path("name").asString().equals("Elara"));
        }
    }

    @Test
    @Order(5)
    void combat_turnsReachEveryoneWithGating_andHiddenEnemiesStayHidden() throws Exception {
        dm.ok("start_combat", Map.of("participants", List.of(
                Map.of("name", "Thorin", "initiative", 18), Map.of("name", "Elara", "initiative", 15),
                Map.of("name", "Goblin", "initiative", 12, "hp", 7),
                Map.of("name", "Lurker", "initiative", 11, "hp", 9, "hidden", true),
                Map.of("name", "Pip", "initiative", 8), Map.of("name", "Brakka", "initiative", 5))));

        for (Phone p : List.of(phones.get("Ann"), phones.get("Ben"), tv)) {
            JsonNode c = p.await(f -> Phone.type(f).equals("combat") && f.path("combat").path("active").asBoolean(), WAIT);
            assertThat(c.toString()).doesNotContain("Lurker");
            assertThat(c.path("combat").path("order").toString()).contains("Goblin");
        }
        assertThat(phones.get("Ann").ofType("combat").getLast().path("yourTurn").asBoolean()).isTrue();
        HttpResponse<String> outOfTurn = phones.get("Ben").act("I cast a spell");
        assertThat(outOfTurn.statusCode()).isEqualTo(409);
        assertThat(outOfTurn.body()).contains("Thorin");
        assertThat(phones.get("Ann").act("I swing at the goblin").statusCode()).isEqualTo(202);

        dm.ok("next_turn", Map.of());
        JsonNode benTurn = phones.get("Ben").await(f -> Phone.type(f).equals("combat") && f.path("yourTurn").asBoolean(), WAIT);
        assertThat(benTurn.path("combat").path("round").asInt()).isEqualTo(1);
        assertThat(phones.get("Ben").act("Magic missile!").statusCode()).isEqualTo(202);
        assertThat(phones.get("Ann").act("I swing again").statusCode()).isEqualTo(409);

        JsonNode status = dm.ok("party_status", Map.of());
        assertThat(status.path("queue").path("PENDING").asInt()).isEqualTo(2);
    }

    @Test
    @Order(6)
    void kickAndToken_oldLinksDieAtOnceAndNewLinksWork() throws Exception {
        var kick = dm.call("party_kick", Map.of("seat", "Dan"));
        assertThat(kick.content()).as("no QR image: the host screen shows it")
                .noneMatch(c -> c instanceof io.modelcontextprotocol.spec.McpSchema.ImageContent);
        assertThat(DmClient.allText(kick)).contains("The host screen", "new QR code");
        JsonNode kicked = tools.jackson.databind.json.JsonMapper.builder().build().readTree(DmClient.text(kick));
        issued.add(kicked.path("url").asString());
        assertThat(phones.get("Dan").awaitClose(WAIT)).isNotEqualTo(1000);
        assertThat(phones.get("Dan").act("let me back in").statusCode()).isEqualTo(401);
        Phone danAgain = Phone.join("Dan", kicked.path("url").asString(), Optional.empty());
        assertThat(danAgain.ofType("welcome")).hasSize(1);
        phones.put("Dan", danAgain);

        JsonNode rotated = dm.ok("party_token", Map.of("seat", "Cat"));
        issued.add(rotated.path("url").asString());
        assertThat(phones.get("Cat").awaitClose(WAIT)).isNotEqualTo(1000);
        assertThat(phones.get("Cat").act("hello?").statusCode()).isEqualTo(401);
        phones.put("Cat", Phone.join("Cat", rotated.path("url").asString(), Optional.empty()));
        assertThat(phones.get("Cat").ofType("welcome")).hasSize(1);
    }

    @Test
    @Order(7)
    void relayKilled9_isRestartedByTheServer_phonesResumeWithoutLossOrDuplicates() throws Exception {
        long annSeq = phones.get("Ann").lastSeq();
        String epoch = phones.get("Ann").epoch();
        ProcessHandle relay = DmClient.relayProcess(campaignDir()).orElseThrow();
        relay.destroyForcibly();
        relay.onExit().get();
        // the DM keeps playing while the relay is down: this frame must reach Ann after the restart
        dm.ok("party_whisper", Map.of("players", List.of("Ann"), "text", "While you were away: a note"));

        ProcessHandle restarted = awaitNewRelay(relay.pid());
        assertThat(restarted.pid()).isNotEqualTo(relay.pid());
        Phone ann = Phone.join("Ann", links.get("Ann (Thorin)"), Optional.of(annSeq), Optional.of(epoch));
        JsonNode note = ann.await(f -> Phone.type(f).equals("whisper"), WAIT);
        assertThat(note.path("text").asString()).isEqualTo("While you were away: a note");
        assertThat(ann.frames.stream().filter(f -> f.has("seq")).mapToLong(f -> f.path("seq").asLong())).as(ann.everything())
                .allMatch(seq -> seq > annSeq).doesNotHaveDuplicates();
        phones.put("Ann", ann);

        JsonNode again = dm.ok("party_start", Map.of("port", port, "host", "127.0.0.1"));
        assertThat(again.path("relay").asString()).contains("adopted");
        JsonNode status = dm.ok("party_status", Map.of());
        assertThat(status.path("relay").asString()).isEqualTo("up");
        assertThat(status.path("queue").path("PENDING").asInt()).isEqualTo(2);
    }

    /**
     * Whispers a sentinel to {@code players} and waits until each has it: everything published before it has
     * then been delivered (one outbox, delivered in order), so "nothing else arrived" can be asserted without
     * sleeping.
     *
     * @return the sentinel frame as the first player received it
     */
    private JsonNode mark(List<String> players, String text) throws InterruptedException {
        dm.ok("party_whisper", Map.of("players", players, "text", text));
        List<JsonNode> got = new ArrayList<>();
        for (String p : players) {
            got.add(phones.get(p).await(f -> Phone.type(f).equals("whisper") && f.path("text").asString().equals(text), WAIT));
        }
        return got.getFirst();
    }

    @Test
    @Order(9)
    void adoptedRelayKilled9_afterServerRestart_isRestartedByTheNewServer() throws Exception {
        ProcessHandle relay = DmClient.relayProcess(campaignDir()).orElseThrow();
        relay.destroyForcibly();
        relay.onExit().get();

        ProcessHandle restarted = awaitNewRelay(relay.pid());
        assertThat(restarted.pid()).isNotEqualTo(relay.pid());
        Phone ann = Phone.join("Ann", links.get("Ann (Thorin)"), Optional.empty());
        assertThat(ann.ofType("welcome")).hasSize(1);
        phones.put("Ann", ann);
        assertThat(dm.ok("party_status", Map.of()).path("relay").asString()).isEqualTo("up");
    }

    @Test
    @Order(10)
    void seatLinks_afterStartKickAndToken_neverReachStderrOrTheRelayLog() throws Exception {
        List<String> tokens = issued.stream().map(u -> java.net.URI.create(u).getFragment()).toList();
        assertThat(tokens).hasSizeGreaterThanOrEqualTo(8).allSatisfy(t -> assertThat(t).hasSizeGreaterThan(20));
        List<String> stderr = new ArrayList<>(earlierStderr);
        stderr.addAll(dm.stderr);
        assertThat(stderr).as("the mcp-server wrote to stderr").isNotEmpty();
        String relayLog = java.nio.file.Files.readString(campaignDir().resolve("party").resolve("relay.log"));
        assertThat(relayLog).as("the relay wrote to its log").isNotBlank();
        for (String line : stderr) {
            assertThat(line).doesNotContain("/play#").doesNotContain("/host#");
            tokens.forEach(t -> assertThat(line).as("mcp-server stderr").doesNotContain(t));
        }
        assertThat(relayLog).doesNotContain("/play#").doesNotContain("/host#");
        tokens.forEach(t -> assertThat(relayLog).as("relay log").doesNotContain(t));
    }

    private ProcessHandle awaitNewRelay(long oldPid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> p = DmClient.relayProcess(campaignDir()).filter(h -> h.pid() != oldPid);
            if (p.isPresent() && answers()) {
                return p.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not restart the relay");
    }

    private boolean answers() {
        try (var s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    @Order(8)
    void mcpServerKilled9_claimedActionIsOfferedAgainAndResolvedOnce() throws Exception {
        JsonNode claimed = dm.ok("party_next", Map.of());
        String id = claimed.path("actionId").asString();
        ProcessHandle server = DmClient.serverProcess();
        server.destroyForcibly();
        server.onExit().get();
        earlierStderr.addAll(dm.stderr);
        try {
            dm.close();
        } catch (RuntimeException ignored) {
            // the transport is already dead
        }

        dm = new DmClient(root);
        dm.ok("load_campaign", Map.of("campaign", "Sunless Citadel"));
        JsonNode status = dm.ok("party_status", Map.of());
        assertThat(status.path("relay").asString()).isEqualTo("up");
        assertThat(status.path("queue").path("PENDING").asInt()).isEqualTo(2);
        JsonNode again = dm.ok("party_next", Map.of());
        assertThat(again.path("actionId").asString()).isEqualTo(id);
        dm.ok("party_resolve", Map.of("action_id", id, "narrative", "The goblin falls."));
        assertThat(dm.error("party_resolve", Map.of("action_id", id, "narrative", "Twice?"))).contains("already resolved");

        Phone ann = phones.get("Ann");
        ann.await(f -> Phone.type(f).equals("resolution") && f.path("actionId").asString().equals(id), WAIT);
        mark(List.of("Ann"), "marker-after-single-resolution");
        assertThat(ann.ofType("resolution").stream().filter(f -> f.path("actionId").asString().equals(id))).hasSize(1);
    }
}
