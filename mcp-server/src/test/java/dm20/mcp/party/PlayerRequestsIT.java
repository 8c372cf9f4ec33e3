package dm20.mcp.party;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What players ask for beside actions, end to end with real processes (the packaged mcp-server over MCP
 * stdio, the packaged relay, phones on real HTTP and WebSockets): a roll from the sheet is rolled by the
 * server with the character's modifiers and reaches the table and the DM; the DM's visibility setting hides
 * it; "End my turn" passes only the current player's turn; the host screen's lock and kick are carried out by
 * the server and shown in {@code party_status}.
 */
@Timeout(240)
class PlayerRequestsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void rollsFromTheSheet_endMyTurn_andHostControls_throughTheServer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DmClient dm = new DmClient(root)) {
            dm.ok("create_campaign", Map.of("name", "Sheet Rolls"));
            dm.ok("create_character", Map.of("name", "Thorin", "class", "Fighter", "level", 3, "player", "Ann",
                    "abilities", Map.of("str", 16, "dex", 16, "con", 14), "skills", List.of("Stealth"), "max_hp", 30));
            dm.ok("create_character", Map.of("name", "Elara", "class", "Wizard", "level", 3, "player", "Ben",
                    "abilities", Map.of("int", 16, "dex", 14), "max_hp", 18));
            dm.ok("add_item", Map.of("character", "Thorin", "item", "Longsword"));
            dm.ok("equip_item", Map.of("character", "Thorin", "item", "Longsword", "slot", "main_hand"));
            JsonNode summary = dm.ok("party_start", Map.of("port", port, "host", "127.0.0.1"));
            Map<String, String> links = new LinkedHashMap<>();
            summary.path("seats").forEach(seat -> links.put(seat.path("name").asString(), seat.path("url").asString()));
            String host = summary.path("hostScreen").asString();
            Phone ann = Phone.join("Ann", links.get("Ann (Thorin)"), Optional.empty());
            Phone ben = Phone.join("Ben", links.get("Ben (Elara)"), Optional.empty());
            try {
                rolls(dm, ann, ben);
                endTurn(dm, ann, ben);
                hostControls(dm, host, ann, ben, links);
            } finally {
                ann.close();
                ben.close();
                dm.call("party_stop", Map.of());
                DmClient.relayProcess(root.resolve("sheet-rolls")).ifPresent(ProcessHandle::destroyForcibly);
            }
            assertThat(String.join("\n", dm.stderr)).doesNotContain(ann.token).doesNotContain(ben.token);
        }
    }

    private static HttpResponse<String> post(Phone phone, String path, String body) throws Exception {
        return post(phone.base, phone.token, path, body);
    }

    private static HttpResponse<String> post(String base, String token, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static boolean roll(JsonNode f, String label) {
        return Phone.type(f).equals("roll") && f.path("label").asString().equals(label);
    }

    private void rolls(DmClient dm, Phone ann, Phone ben) throws Exception {
        // Stealth: DEX 16 (+3) + proficiency at level 3 (+2) = +5, rolled twice for advantage
        assertThat(post(ann, "/api/roll", "{\"kind\":\"skill\",\"name\":\"Stealth\",\"edge\":\"advantage\"}").statusCode())
                .isEqualTo(202);
        for (Phone p : List.of(ann, ben)) {
            JsonNode card = p.await(f -> roll(f, "Stealth check (advantage)"), WAIT);
            assertThat(card.path("actor").asString()).isEqualTo("Thorin");
            assertThat(card.path("modifier").asInt()).isEqualTo(5);
            assertThat(card.path("notation").asString()).isEqualTo("1d20+5");
            assertThat(card.path("dice")).hasSize(2);
        }
        JsonNode waited = dm.ok("party_wait", Map.of("timeout_seconds", 20));
        JsonNode seen = waited.path("newPlayerRolls").get(0);
        assertThat(seen.path("character").asString()).isEqualTo("Thorin");
        assertThat(seen.path("label").asString()).isEqualTo("Stealth check (advantage)");
        assertThat(seen.path("modifier").asInt()).isEqualTo(5);
        assertThat(seen.path("visibility").asString()).isEqualTo("public");

        // Longsword: STR 16 (+3) + proficiency (+2)
        post(ann, "/api/roll", "{\"kind\":\"attack\",\"name\":\"Longsword\"}");
        assertThat(ben.await(f -> roll(f, "Longsword attack"), WAIT).path("modifier").asInt()).isEqualTo(5);

        assertThat(dm.ok("party_settings", Map.of("player_rolls", "dm-only")).path("playerRolls").asString())
                .isEqualTo("dm-only");
        assertThat(dm.error("party_settings", Map.of("player_rolls", "loud"))).contains("public, private or dm-only");
        post(ann, "/api/roll", "{\"kind\":\"save\",\"name\":\"DEX\",\"edge\":\"disadvantage\"}");
        JsonNode next = awaitRolls(dm, "DEX save (disadvantage)");
        assertThat(next.path("modifier").asInt()).as("a fighter is not proficient in DEX saves").isEqualTo(3);
        assertThat(next.path("visibility").asString()).isEqualTo("dm-only");
        dm.ok("share_info", Map.of("text", "marker: after the secret save"));
        for (Phone p : List.of(ann, ben)) {
            p.await(f -> f.toString().contains("marker: after the secret save"), WAIT);
            assertThat(p.everything()).doesNotContain("DEX save");
        }
        dm.ok("party_settings", Map.of("player_rolls", "public"));

        // an unknown skill changes nothing on the table and is explained to the player alone
        post(ann, "/api/roll", "{\"kind\":\"skill\",\"name\":\"Juggling\"}");
        ann.await(f -> f.toString().contains("Your roll could not be made"), WAIT);
        assertThat(ben.everything()).doesNotContain("Juggling");
    }

    /** party_next until a player roll with {@code label} turns up (the request thread posts it). */
    private static JsonNode awaitRolls(DmClient dm, String label) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode r : dm.ok("party_wait", Map.of("timeout_seconds", 5)).path("newPlayerRolls")) {
                if (r.path("label").asString().equals(label)) {
                    return r;
                }
            }
        }
        throw new AssertionError("the DM never saw " + label);
    }

    private void endTurn(DmClient dm, Phone ann, Phone ben) throws Exception {
        JsonNode started = dm.ok("start_combat", Map.of("participants", List.of("Thorin", "Elara")));
        String current = started.path("currentId").asString();
        String firstName = nameOf(started, current);
        Phone mine = firstName.equals("Thorin") ? ann : ben;
        Phone other = mine == ann ? ben : ann;
        mine.await(f -> Phone.type(f).equals("combat") && f.path("yourTurn").asBoolean(), WAIT);

        HttpResponse<String> refused = post(other, "/api/turn/end", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(refused.body()).path("message").asString()).contains("waiting for " + firstName);
        assertThat(post(mine, "/api/turn/end", "{}").statusCode()).isEqualTo(202);

        for (Phone p : List.of(ann, ben)) {
            p.await(f -> Phone.type(f).equals("combat") && f.path("combat").path("active").asBoolean()
                    && !f.path("combat").path("currentId").asString().equals(current), WAIT);
        }
        other.await(f -> Phone.type(f).equals("combat") && f.path("yourTurn").asBoolean(), WAIT);
        dm.ok("end_combat", Map.of());
    }

    private static String nameOf(JsonNode combat, String id) {
        for (JsonNode x : combat.path("order")) {
            if (x.path("id").asString().equals(id)) {
                return x.path("name").asString();
            }
        }
        throw new AssertionError("no combatant " + id + " in " + combat);
    }

    private void hostControls(DmClient dm, String hostScreen, Phone ann, Phone ben, Map<String, String> links)
            throws Exception {
        URI link = URI.create(hostScreen);
        String base = link.getScheme() + "://" + link.getAuthority();
        String hostToken = link.getFragment();
        assertThat(post(ann, "/api/host/lock", "{\"locked\":true}").statusCode()).isEqualTo(403);

        assertThat(post(base, hostToken, "/api/host/lock", "{\"locked\":true}").statusCode()).isEqualTo(202);
        long end = System.nanoTime() + WAIT.toNanos();
        while (!dm.ok("party_status", Map.of()).path("locked").asBoolean() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(dm.ok("party_status", Map.of()).path("locked").asBoolean()).isTrue();
        ann.close();
        Phone back = Phone.join("Ann again", links.get("Ann (Thorin)"), Optional.empty());
        assertThat(back.ofType("welcome")).as("a seated player reconnects while locked").hasSize(1);

        assertThat(post(base, hostToken, "/api/host/kick", "{\"seatId\":\"" + seatOf(dm, "Ben") + "\"}").statusCode())
                .isEqualTo(202);
        assertThat(ben.awaitClose(WAIT)).isEqualTo(4401);
        back.close();
    }

    private static String seatOf(DmClient dm, String name) {
        for (JsonNode s : dm.ok("party_status", Map.of()).path("seats")) {
            if (s.path("name").asString().startsWith(name)) {
                return s.path("seat").asString();
            }
        }
        throw new AssertionError("no seat for " + name);
    }
}
