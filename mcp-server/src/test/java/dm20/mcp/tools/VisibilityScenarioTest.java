package dm20.mcp.tools;

import dm20.protocol.Visibility.Scope;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import dm20.protocol.message.OutboxMessage.PrivateMessageSent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VisibilityScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root).withParty("Thorin", "Elara", "Vex");
        t.ok("assign_player", "player", "Tv", "role", "observer");
    }

    @Test
    void shareInfo_eachLevel_reachesExactlyItsAudienceForEachRole() {
        t.ok("share_info", "text", "public-1");
        t.ok("share_info", "text", "party-1", "visibility", "party");
        t.ok("share_info", "text", "private-thorin", "visibility", "private", "players", "Thorin");
        t.ok("share_info", "text", "subset-thorin-elara", "visibility", "subset", "players", "[\"Thorin\",\"PElara\"]");
        t.ok("share_info", "text", "dm-1", "visibility", "dm-only");

        assertThat(feedTexts(null)).containsExactly("public-1", "party-1", "private-thorin", "subset-thorin-elara", "dm-1");
        assertThat(feedTexts("Thorin")).containsExactly("public-1", "party-1", "private-thorin", "subset-thorin-elara");
        assertThat(feedTexts("Elara")).containsExactly("public-1", "party-1", "subset-thorin-elara");
        assertThat(feedTexts("Vex")).containsExactly("public-1", "party-1");
        assertThat(feedTexts("Tv")).containsExactly("public-1");
        assertThat(t.feed.of(NarrativePosted.class)).extracting(n -> n.visibility().scope())
                .containsExactly(Scope.PUBLIC, Scope.PARTY, Scope.PLAYERS, Scope.PLAYERS, Scope.DM_ONLY);
    }

    @Test
    void whisper_manyMessages_eachPlayerSeesOnlyTheirOwn() {
        List<String> players = List.of("Thorin", "Elara", "Vex");
        for (int i = 0; i < 30; i++) {
            t.ok("whisper", "players", players.get(i % 3), "text", "secret-" + i + "-" + players.get(i % 3));
        }
        for (String p : players) {
            assertThat(feedTexts(p)).hasSize(10).allMatch(s -> s.endsWith("-" + p));
        }
        assertThat(feedTexts("Tv")).isEmpty();
        assertThat(t.feed.of(PrivateMessageSent.class)).hasSize(30)
                .allMatch(m -> m.playerIds().size() == 1 && m.text().endsWith(m.playerIds().get(0)
                        .replace("player-p", "").substring(0, 1).toUpperCase() + m.playerIds().get(0).substring(9)));
    }

    @Test
    void whisper_severalPlayersAsJsonString_reachesAllOfThem() {
        t.ok("whisper", "players", "[\"Thorin\", \"Vex\"]", "text", "you both hear it");
        assertThat(t.feed.of(PrivateMessageSent.class).getFirst().playerIds())
                .containsExactly("player-pthorin", "player-pvex");
        assertThat(feedTexts("Elara")).isEmpty();
    }

    @Test
    void hiddenRoll_privateToOnePlayer_resultWithheldFromOthers() {
        t.random.faces(17);
        JsonNode dm = t.ok("roll_dice", "expression", "1d20+3", "label", "Perception", "hidden", true,
                "players", "Elara");
        assertThat(dm.get("total").asInt()).isEqualTo(20);
        DiceRolled r = t.feed.of(DiceRolled.class).getFirst();
        assertThat(r.visibility().players()).containsExactly("player-pelara");
        assertThat(feedTexts("Elara")).containsExactly("Perception: 1d20+3 = 20");
        assertThat(feedTexts("Thorin")).isEmpty();
        assertThat(feedTexts("Tv")).isEmpty();
    }

    @Test
    void hiddenRoll_asPlayer_dmOnly_playerDoesNotSeeTheNumber() {
        t.random.faces(4);
        JsonNode seen = t.ok("roll_dice", "expression", "1d20", "hidden", true, "as_player", "Thorin");
        assertThat(seen.has("total")).isFalse();
        assertThat(seen.get("hidden").asString()).contains("not shown");
        assertThat(t.feed.of(DiceRolled.class).getFirst().visibility().scope()).isEqualTo(Scope.DM_ONLY);
    }

    @Test
    void shareInfo_badVisibility_isErrorAndPublishesNothing() {
        assertThat(t.error("share_info", "text", "x", "visibility", "secret")).contains("unknown visibility");
        assertThat(t.error("share_info", "text", "x", "visibility", "private")).contains("exactly one player");
        assertThat(t.error("share_info", "text", "x", "visibility", "party", "players", "Thorin"))
                .contains("takes no 'players'");
        assertThat(t.error("whisper", "players", "Thorn", "text", "x")).contains("did you mean 'Thorin'");
        assertThat(t.feed.messages()).isEmpty();
    }

    private List<String> feedTexts(String asPlayer) {
        JsonNode entries = asPlayer == null ? t.ok("get_feed", "limit", 100).get("entries")
                : t.ok("get_feed", "limit", 100, "as_player", asPlayer).get("entries");
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get("text").asString()));
        return out;
    }
}
