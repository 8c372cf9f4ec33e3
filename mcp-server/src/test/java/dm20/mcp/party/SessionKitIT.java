package dm20.mcp.party;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scripted DM (no model) runs a whole evening through the DM kit's prompts over MCP stdio against the
 * packaged server, following each prompt's words literally: it only calls a tool the prompt it is following
 * names. Phones and the TV are real WebSockets on the real relay. Session start (with last time's recap) →
 * party → three actions with private parts → a combat round → recap → a late joiner → session end; then a
 * phone reconnects and the recap is still its first card.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class SessionKitIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Set<String> CARDS = Set.of("narrative", "resolution", "whisper", "roll");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Path root;
    private DmClient dm;
    private final Map<String, Phone> phones = new LinkedHashMap<>();

    @BeforeAll
    void lastWeek() throws Exception {
        root = Files.createTempDirectory("session-kit-it");
        dm = new DmClient(root);
        // last week's session, so tonight has something to recap
        dm.ok("create_campaign", Map.of("name", "Sunless Citadel"));
        dm.ok("session_start", Map.of());
        dm.ok("add_session_note", Map.of("text", "Thorin swore to find the missing Garbugs"));
        dm.ok("add_session_note", Map.of("text", "DMSECRET the dragon is Calcryx", "dm_only", true));
        dm.ok("session_end", Map.of("summary", "Thorin and Elara climbed down into the citadel.", "next", "DMPLAN goblins"));
        dm.close();
        dm = new DmClient(root);
    }

    @AfterAll
    void goHome() {
        phones.values().forEach(Phone::close);
        if (dm != null) {
            dm.call("party_stop", Map.of());
            dm.close();
        }
        DmClient.relayProcess(root.resolve("sunless-citadel")).ifPresent(ProcessHandle::destroyForcibly);
    }

    @Test
    void aWholeEvening_followingThePrompts() throws Exception {
        assertThat(dm.prompts()).contains("session-start", "party-mode", "party-next", "combat", "recap", "session-end");
        sessionStart();
        Map<String, String> links = partyMode();
        Phone ann = join("Ann", links.get("Ann (Thorin)"));
        Phone ben = join("Ben", links.get("Ben (Elara)"));
        Phone tv = join("TV", links.get("Table TV"));
        for (Phone p : List.of(ann, ben, tv)) {
            JsonNode first = firstCard(p);
            assertThat(first.path("type").asString()).as(p.name).isEqualTo("narrative");
            assertThat(first.path("id").asString()).as(p.name).startsWith("recap-2-");
            assertThat(first.path("text").asString()).as(p.name).contains("Thorin and Elara climbed down")
                    .contains("Garbugs").doesNotContain("DMSECRET").doesNotContain("DMPLAN");
        }

        partyNext(ann, "I search the altar", "Thorin", "Thorin runs his hands over the cold altar.", "Ann",
                "You feel a hidden catch: PRIVATE-ONE");
        partyNext(ben, "I read the runes", "Elara", "Elara traces the runes with a finger.", "Elara",
                "You understand one word: PRIVATE-TWO");
        partyNext(ann, "I listen at the door", "Thorin", "Thorin presses an ear to the door.", "Thorin",
                "You hear goblins arguing: PRIVATE-THREE");
        assertPrivacy(ann, ben, tv, "PRIVATE-ONE", "PRIVATE-THREE");
        assertPrivacy(ben, ann, tv, "PRIVATE-TWO");

        combatRound(ann, ben, tv);
        recap(ann, ben, tv);
        lateJoiner(links);
        sessionEnd();

        for (Phone p : List.of(ann, ben, tv)) {
            assertThat(p.everything()).as(p.name).doesNotContain("DMNOTE").doesNotContain("DMSECRET")
                    .doesNotContain("DMPLAN").doesNotContain("HIDDEN-GOBLIN-ROLL");
        }
        // a phone that reconnects (no cursor: a reload) gets the evening again, the recap first
        ben.close();
        Phone again = join("Ben again", links.get("Ben (Elara)"));
        again.await(f -> Phone.type(f).equals("resolution") && f.path("narrative").asString().contains("runes"), WAIT);
        assertThat(firstCard(again).path("id").asString()).startsWith("recap-2-");
        assertThat(again.everything()).contains("PRIVATE-TWO").doesNotContain("PRIVATE-ONE");
    }

    private void sessionStart() {
        String steps = dm.prompt("session-start", Map.of("campaign", "Sunless Citadel"));
        assertThat(steps).contains("\"Sunless Citadel\"");
        assertThat(follow(steps, "list_campaigns", Map.of()).toString()).contains("Sunless Citadel");
        follow(steps, "load_campaign", Map.of("campaign", "Sunless Citadel"));
        follow(steps, "list_players", Map.of());
        follow(steps, "list_characters", Map.of());
        follow(steps, "create_character", Map.of("name", "Thorin", "class", "Fighter", "level", 3));
        follow(steps, "create_character", Map.of("name", "Elara", "class", "Wizard", "level", 3));
        follow(steps, "assign_player", Map.of("player", "Ann", "character", "Thorin"));
        follow(steps, "assign_player", Map.of("player", "Ben", "character", "Elara"));
        JsonNode material = follow(steps, "session_recap", Map.of());
        assertThat(material.path("session").path("summary").asString()).contains("climbed down");
        // the DM writes "previously on…" from the public parts: here, the built recap as it is
        JsonNode started = follow(steps, "session_start", Map.of("recap", material.path("recap").asString()));
        assertThat(started.path("session").asInt()).isEqualTo(2);
        follow(steps, "add_session_note", Map.of("text", "House rule: a potion is a bonus action", "dm_only", false));
    }

    private Map<String, String> partyMode() {
        String steps = dm.prompt("party-mode", Map.of());
        follow(steps, "list_players", Map.of());
        assertThat(steps).contains("`party_start`");
        var result = dm.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
        assertThat(result.isError()).as(DmClient.text(result)).isFalse();
        JsonNode started = JSON.valueToTree(result.structuredContent());
        assertThat(DmClient.text(result)).startsWith("Host screen: " + started.path("hostScreen").asString());
        assertThat(steps).contains("hostScreen");
        Map<String, String> links = new LinkedHashMap<>();
        started.path("seats").forEach(s -> links.put(s.path("name").asString(), s.path("url").asString()));
        links.put("host", started.path("hostScreen").asString());
        return links;
    }

    /** /dm:party-next, step by step, for one action. */
    private void partyNext(Phone phone, String action, String character, String narrative, String privateTo,
                           String privateText) throws Exception {
        String id = phone.actionId(phone.act(action));
        String steps = dm.prompt("party-next", Map.of());
        JsonNode taken = follow(steps, "party_next", Map.of());
        assertThat(taken.path("actionId").asString()).isEqualTo(id);
        assertThat(taken.path("character").path("name").asString()).isEqualTo(character);
        follow(steps, "party_thinking", Map.of("thinking", true, "label", character + " acts"));
        follow(steps, "roll_dice", Map.of("expression", "1d20+3", "label", "Investigation", "character", character));
        // third person naming the character in public, second person in the private part
        assertThat(steps).contains("third person naming");
        follow(steps, "party_resolve", Map.of("action_id", id, "narrative", narrative,
                "private", Map.of(privateTo, privateText), "dm_notes", "DMNOTE DC 15"));
        follow(steps, "party_thinking", Map.of("thinking", false));
        JsonNode card = phone.await(f -> Phone.type(f).equals("resolution") && f.path("actionId").asString().equals(id), WAIT);
        assertThat(card.path("actor").asString()).isEqualTo(character);
        assertThat(card.path("narrative").asString()).startsWith(character).doesNotStartWith("You");
        assertThat(card.path("private").asString()).isEqualTo(privateText);
        JsonNode roll = phone.await(f -> Phone.type(f).equals("roll") && f.path("actor").asString().equals(character)
                && f.path("seq").asLong() < card.path("seq").asLong(), WAIT);
        assertThat(roll.path("label").asString()).isEqualTo("Investigation");
    }

    private void combatRound(Phone ann, Phone ben, Phone tv) throws Exception {
        String steps = dm.prompt("combat", Map.of("encounter", "two goblins at the door"));
        assertThat(steps).contains("two goblins at the door");
        for (String engineTool : List.of("attack", "cast_spell", "saving_throw", "apply_condition", "build_encounter",
                "search_rules")) {
            assertThat(steps).contains("`" + engineTool + "`");
        }
        follow(steps, "start_combat", Map.of("participants", List.of(Map.of("name", "Thorin", "initiative", 18),
                Map.of("name", "Goblin", "initiative", 12, "hp", 7))));
        follow(steps, "share_info", Map.of("text", "Goblins burst through the door! Thorin acts first."));
        JsonNode turn = ann.await(f -> Phone.type(f).equals("combat") && f.path("yourTurn").asBoolean(), WAIT);
        assertThat(turn.path("combat").path("round").asInt()).isEqualTo(1);
        assertThat(ann.everything()).doesNotContain("\"hp\":7");
        String id = ann.actionId(ann.act("I attack the goblin"));
        JsonNode taken = follow(steps, "party_wait", Map.of("timeout_seconds", 10));
        assertThat(taken.path("actionId").asString()).isEqualTo(id);
        follow(steps, "roll_dice", Map.of("expression", "1d20+5", "label", "Attack", "character", "Thorin"));
        follow(steps, "damage", Map.of("target", "Goblin", "amount", 4));
        follow(steps, "party_resolve", Map.of("action_id", id, "narrative", "Thorin's axe bites into the goblin.",
                "dm_notes", "DMNOTE goblin at 3 HP"));
        follow(steps, "next_turn", Map.of());
        // the goblin's turn: a hidden roll, narrated publicly
        follow(steps, "roll_dice", Map.of("expression", "1d20+4", "label", "HIDDEN-GOBLIN-ROLL", "actor", "Goblin",
                "visibility", "dm-only"));
        follow(steps, "share_info", Map.of("text", "The goblin slashes at Thorin and misses."));
        follow(steps, "next_turn", Map.of());
        follow(steps, "end_combat", Map.of());
        follow(steps, "add_session_note", Map.of("text", "The party beat the goblins at the door"));
        for (Phone p : List.of(ann, ben, tv)) {
            p.await(f -> Phone.type(f).equals("narrative") && f.path("text").asString().contains("misses"), WAIT);
            assertThat(p.everything()).as(p.name).contains("Thorin's axe bites");
        }
    }

    private void recap(Phone ann, Phone ben, Phone tv) throws Exception {
        String steps = dm.prompt("recap", Map.of());
        JsonNode material = follow(steps, "session_recap", Map.of("session", 2));
        assertThat(material.path("session").path("notes").toString()).contains("beat the goblins");
        JsonNode posted = follow(steps, "post_recap", Map.of("text", "So far tonight: Thorin and Elara beat the goblins."));
        for (Phone p : List.of(ann, ben, tv)) {
            JsonNode card = p.await(f -> Phone.type(f).equals("narrative") && f.path("id").asString()
                    .equals(posted.path("posted").asString()), WAIT);
            assertThat(card.path("id").asString()).startsWith("recap-");
        }
    }

    /** A character given to a player while the party runs gets a seat at once: status and host screen. */
    private void lateJoiner(Map<String, String> links) throws Exception {
        dm.ok("create_character", Map.of("name", "Pip", "class", "Rogue", "level", 3));
        dm.ok("assign_player", Map.of("player", "Cat", "character", "Pip"));
        JsonNode status = dm.ok("party_status", Map.of());
        assertThat(status.path("seats").findValuesAsString("name")).contains("Cat (Pip)");
        String host = links.get("host");
        URI link = URI.create(host);
        String base = link.getScheme() + "://" + link.getAuthority();
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode seat = null;
        while (seat == null && System.nanoTime() < deadline) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/host"))
                    .header("Authorization", "Bearer " + link.getFragment()).build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode s : JSON.readTree(r.body()).path("seats")) {
                if (s.path("displayName").asString().equals("Cat (Pip)") && s.has("qrPng")) {
                    seat = s;
                }
            }
            if (seat == null) {
                Thread.sleep(100);
            }
        }
        assertThat(seat).as("Cat's seat with a QR code on the host screen").isNotNull();
        Phone cat = join("Cat", seat.path("url").asString());
        assertThat(cat.ofType("welcome").getFirst().path("seat").path("characterId").asString()).isEqualTo("pc-pip");
        cat.close();
    }

    private void sessionEnd() {
        String steps = dm.prompt("session-end", Map.of("xp", "300"));
        assertThat(steps).contains("\"300\"");
        follow(steps, "party_status", Map.of());
        JsonNode ended = follow(steps, "session_end", Map.of("summary", "Thorin and Elara beat the goblins at the door.",
                "xp", 300, "next", "DMPLAN Calcryx wakes"));
        assertThat(ended.path("session").asInt()).isEqualTo(2);
        assertThat(ended.path("xpTotals").path("Thorin").asInt()).isEqualTo(300);
    }

    /** The scripted DM calls a tool only if the prompt it follows names it. */
    private JsonNode follow(String steps, String tool, Map<String, Object> args) {
        assertThat(steps).as("the prompt names `" + tool + "`").contains("`" + tool + "`");
        return dm.ok(tool, args);
    }

    private Phone join(String name, String url) throws Exception {
        Phone p = Phone.join(name, url, Optional.empty());
        phones.put(name, p);
        return p;
    }

    private static JsonNode firstCard(Phone p) throws InterruptedException {
        p.await(f -> CARDS.contains(Phone.type(f)), WAIT);
        List<JsonNode> cards = new ArrayList<>(p.frames.stream().filter(f -> CARDS.contains(Phone.type(f))).toList());
        cards.sort(java.util.Comparator.comparingLong(f -> f.path("seq").asLong()));
        return cards.getFirst();
    }

    private static void assertPrivacy(Phone owner, Phone other, Phone tv, String... secrets) {
        for (String secret : secrets) {
            assertThat(owner.everything()).contains(secret);
            assertThat(other.everything()).as(other.name + " must not see " + secret).doesNotContain(secret);
            assertThat(tv.everything()).as("the TV must not see " + secret).doesNotContain(secret);
        }
    }
}
