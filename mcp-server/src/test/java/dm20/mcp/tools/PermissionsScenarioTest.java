package dm20.mcp.tools;

import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root).withParty("Thorin", "Elara");
        t.ok("assign_player", "player", "Tv", "role", "observer");
    }

    @Test
    void getCharacter_dmOwnerOtherObserver_onlyDmAndOwnerSeeTheSheet() {
        assertThat(t.ok("get_character", "character", "thorin").get("id").asString()).isEqualTo("pc-thorin");
        assertThat(t.ok("get_character", "character", "Thorin", "as_player", "player-pthorin")
                .get("name").asString()).isEqualTo("Thorin");
        assertThat(t.error("get_character", "character", "Thorin", "as_player", "PElara"))
                .contains("only their own character").contains("Thorin");
        assertThat(t.error("get_character", "character", "Thorin", "as_player", "Tv"))
                .contains("observer may not see");
    }

    @Test
    void updateCharacter_otherPlayerOrObserver_isRefusedAndChangesNothing() {
        assertThat(t.error("update_character", "character", "Thorin", "hp", 1, "as_player", "Elara"))
                .contains("only their own character");
        assertThat(t.error("add_item", "character", "Thorin", "item", "Rope", "as_player", "Tv"))
                .contains("observer may not change");
        assertThat(t.ok("get_character", "character", "Thorin").get("hp").get("current").asInt()).isEqualTo(12);
        assertThat(t.feed.messages()).isEmpty();
    }

    @Test
    void updateCharacter_owner_changesAndAnnouncesToTheOwner() {
        t.ok("update_character", "character", "Thorin", "hp", "5", "add", "{\"conditions\":[\"poisoned\"]}",
                "as_player", "PThorin");
        CharacterUpdated u = t.feed.of(CharacterUpdated.class).getLast();
        assertThat(u.playerId()).contains("player-pthorin");
        assertThat(u.sheet().hp().current()).isEqualTo(5);
        assertThat(u.sheet().conditions()).containsExactly("poisoned");
    }

    @Test
    void dmOnlyTools_asPlayer_areRefused() {
        assertThat(t.error("next_turn", "as_player", "Elara")).contains("no combat");
        t.ok("start_combat", "participants", Table.list(Map.of("name", "Thorin", "initiative", 15),
                Map.of("name", "Elara", "initiative", 10)));
        assertThat(t.error("next_turn", "as_player", "Elara")).contains("not your turn").contains("Thorin");
        assertThat(t.ok("next_turn", "as_player", "Thorin").get("currentId").asString()).isEqualTo("pc-elara");
        assertThat(t.error("damage", "target", "Thorin", "amount", 3, "as_player", "Elara"))
                .contains("only their own character");
        assertThat(t.error("roll_dice", "expression", "1d20", "as_player", "Tv")).contains("observer");
    }

    @Test
    void asPlayer_unknownPlayer_saysDidYouMean() {
        assertThat(t.error("get_character", "character", "Thorin", "as_player", "PThorn"))
                .contains("did you mean 'PThorin'");
    }

    @Test
    void listCharacters_asPlayer_showsHpOnlyForOwnCharacter() {
        var list = t.ok("list_characters", "as_player", "Elara").get("characters");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).has("hp")).isFalse();
        assertThat(list.get(1).has("hp")).isTrue();
    }

    @Test
    void assignPlayer_characterAlreadyPlayed_needsReplace() {
        assertThat(t.error("assign_player", "player", "Bob", "character", "Thorin")).contains("already played by PThorin");
        t.ok("assign_player", "player", "Bob", "character", "Thorin", "replace", true);
        assertThat(t.error("update_character", "character", "Thorin", "hp", 3, "as_player", "PThorin"))
                .contains("observer may not change");
        t.ok("update_character", "character", "Thorin", "hp", 3, "as_player", "Bob");
    }
}
