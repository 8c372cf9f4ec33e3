package dm20.mcp.tools;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignFilesScenarioTest {

    @TempDir
    Path root;

    @Test
    void loadCampaign_handEditedBadFile_isErrorNamingItAndNothingIsOverwritten() throws IOException {
        Table t = new Table(root).withParty("Thorin");
        String id = t.ok("get_campaign_info").get("campaign").get("id").asString();
        Path characters = root.resolve(id).resolve("characters.json");
        Files.writeString(characters, "[ { \"id\": \"pc-thorin\", oops ]");

        Table fresh = new Table(root);
        String error = fresh.error("load_campaign", "campaign", id);
        assertThat(error).contains(characters.toString()).contains("nothing was changed");
        assertThat(fresh.error("get_campaign_info")).contains("no campaign is loaded");
        assertThat(Files.readString(characters)).isEqualTo("[ { \"id\": \"pc-thorin\", oops ]");
        assertThat(fresh.ok("list_campaigns").get("campaigns").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void loadCampaign_invalidSheetValue_isErrorNamingTheFile() throws IOException {
        Table t = new Table(root).withParty("Thorin");
        String id = t.ok("get_campaign_info").get("campaign").get("id").asString();
        Path characters = root.resolve(id).resolve("characters.json");
        Files.writeString(characters, Files.readString(characters).replace("\"max\" : 12", "\"max\" : -3"));
        assertThat(new Table(root).error("load_campaign", "campaign", id)).contains("characters.json");
    }

    @Test
    void twelveCharacters_createSeatFightAndReload() {
        Table t = new Table(root);
        t.ok("create_campaign", "name", "Big Table");
        List<Object> participants = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            t.ok("create_character", "name", "Hero " + i, "class", "Cleric", "player", "Player " + i);
            participants.add(Map.of("name", "hero " + i, "initiative", 30 - i));
        }
        t.ok("start_combat", "participants", participants);
        for (int i = 1; i <= 12; i++) {
            t.ok("next_turn", "as_player", "Player " + i);
        }
        assertThat(t.ok("get_combat").get("round").asInt()).isEqualTo(2);
        assertThat(t.ok("list_players").get("players")).hasSize(12);

        Table again = new Table(root);
        again.ok("load_campaign", "campaign", "Big Table");
        assertThat(again.ok("list_characters").get("characters")).hasSize(12);
        assertThat(again.ok("get_character", "character", "hero 12", "as_player", "player-player-12")
                .get("playerName").asString()).isEqualTo("Player 12");
    }

    @Test
    void createCampaign_twice_isErrorAndUnknownCampaignSaysDidYouMean() {
        Table t = new Table(root);
        t.ok("create_campaign", "name", "Lost Mine");
        assertThat(t.error("create_campaign", "name", "lost mine")).contains("already exists");
        assertThat(t.error("load_campaign", "campaign", "Lost Mien")).contains("did you mean 'Lost Mine'");
        assertThat(t.error("roll_dic", "expression", "1d6")).contains("did you mean 'roll_dice'");
    }

    @Test
    void world_npcsLocationsQuestsStateEvents_roundTripThroughFiles() {
        Table t = new Table(root);
        t.ok("create_campaign", "name", "World");
        t.ok("create_npc", "name", "Sildar", "attitude", "friendly");
        t.ok("update_npc", "npc", "sildar", "location", "Phandalin");
        t.ok("create_location", "name", "Phandalin", "connections", "[\"Triboar Trail\"]");
        t.ok("create_quest", "name", "Find Gundren", "objectives", "[\"Reach Cragmaw\"]");
        t.ok("update_quest", "quest", "find gundren", "status", "completed");
        t.ok("update_game_state", "current_location", "Phandalin", "session", "2");
        t.ok("add_event", "text", "The party arrived.");
        assertThat(t.error("create_npc", "name", "sildar")).contains("already exists");
        assertThat(t.error("update_quest", "quest", "find gundren", "status", "won")).contains("active, completed or failed");

        Table again = new Table(root);
        again.ok("load_campaign", "campaign", "world");
        assertThat(again.ok("get_npc", "npc", "Sildar").get("location").asString()).isEqualTo("Phandalin");
        assertThat(again.ok("get_location", "location", "phandalin").get("connections").get(0).asString())
                .isEqualTo("Triboar Trail");
        assertThat(again.ok("get_quest", "quest", "quest-find-gundren").get("status").asString()).isEqualTo("completed");
        assertThat(again.ok("get_game_state").get("session").asInt()).isEqualTo(2);
        assertThat(again.ok("list_events").get("events")).hasSize(1);
    }
}
