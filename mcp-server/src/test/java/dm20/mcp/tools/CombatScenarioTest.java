package dm20.mcp.tools;

import dm20.protocol.CombatState;
import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage.CombatUpdated;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CombatScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root).withParty("Thorin", "Elara", "Vex");
        t.ok("start_combat", "participants", "[{\"name\":\"thorin\",\"initiative\":18},"
                + "{\"name\":\"Goblin\",\"initiative\":15,\"hp\":7},{\"name\":\"Elara\",\"initiative\":12},"
                + "{\"name\":\"Goblin\",\"initiative\":8,\"hp\":7,\"hidden\":true},{\"name\":\"Vex\",\"initiative\":3}]");
    }

    @Test
    void nextTurn_fullRound_wrapsAndIncrementsRound() {
        assertThat(current()).isEqualTo("pc-thorin");
        assertThat(t.ok("get_combat").get("onDeckId").asString()).isEqualTo("m-goblin");
        String[] expected = {"m-goblin", "pc-elara", "m-goblin-2", "pc-vex", "pc-thorin"};
        for (String id : expected) {
            assertThat(t.ok("next_turn").get("currentId").asString()).isEqualTo(id);
        }
        assertThat(t.ok("get_combat").get("round").asInt()).isEqualTo(2);
        assertThat(t.feed.of(CombatUpdated.class)).hasSize(6);
    }

    @Test
    void damage_toZero_marksDownedAndNextTurnSkipsThem() {
        t.ok("damage", "target", "Goblin", "amount", 10);
        // exactly her hit points: 50 would now kill her outright (damage at least her maximum HP past 0)
        t.ok("damage", "target", "Elara", "amount", t.ok("get_character", "character", "Elara").get("hp")
                .get("current").asInt());
        JsonNode c = t.ok("get_combat");
        assertThat(c.get("order").get(1).get("downed").asBoolean()).isTrue();
        assertThat(c.get("order").get(2).get("downed").asBoolean()).isTrue();
        assertThat(t.ok("get_character", "character", "Elara").get("downed").asBoolean()).isTrue();
        assertThat(t.ok("next_turn").get("currentId").asString()).isEqualTo("m-goblin-2");
        t.ok("heal", "target", "Elara", "amount", 4);
        assertThat(t.ok("next_turn").get("currentId").asString()).isEqualTo("pc-vex");
        assertThat(t.ok("next_turn").get("currentId").asString()).isEqualTo("pc-thorin");
        assertThat(t.ok("next_turn").get("currentId").asString()).isEqualTo("pc-elara");
    }

    @Test
    void getCombat_asPlayer_hidesHiddenCombatantsAndMonsterHp() {
        JsonNode view = t.ok("get_combat", "as_player", "Vex");
        assertThat(view.get("order")).hasSize(4);
        assertThat(view.get("order").get(1).has("hp")).isFalse();
        assertThat(view.get("order").get(0).get("hp").asInt()).isEqualTo(12);
        assertThat(t.ok("get_combat").get("order")).hasSize(5);
    }

    @Test
    void deadline_passes_serverAutoPassesTheTurnAndAnnouncesIt() {
        JsonNode c = t.ok("get_combat");
        assertThat(c.get("deadline").asString()).isEqualTo("2026-01-01T18:05:00Z");
        assertThat(c.get("waitingFor").get(0).asString()).isEqualTo("player-pthorin");
        t.advance(Duration.ofMinutes(4));
        assertThat(t.deadlines.tick()).isFalse();
        t.advance(Duration.ofMinutes(1));
        t.feed.clear();
        assertThat(t.deadlines.tick()).isTrue();
        assertThat(current()).isEqualTo("m-goblin");
        CombatState announced = t.feed.of(CombatUpdated.class).getLast().combat();
        assertThat(announced.currentId()).contains("m-goblin");
        assertThat(announced.deadline()).isEmpty();
        assertThat(t.ok("list_events", "kind", "combat").get("events").get(0).get("text").asString())
                .contains("Thorin's turn passed automatically");
        NarrativePosted said = t.feed.of(NarrativePosted.class).getLast();
        assertThat(said.text()).isEqualTo("Time ran out for Thorin — Goblin is up.");
        assertThat(said.visibility()).isEqualTo(Visibility.everyone());
        assertThat(t.game.combat().notices().drain()).extracting(n -> n.kind() + ": " + n.text())
                .containsExactly("turn_timeout: Time ran out for Thorin — Goblin is up.");
        assertThat(t.game.combat().notices().drain()).as("told once").isEmpty();
    }

    @Test
    void deadline_nextIsHidden_theLineDoesNotNameThem() {
        t.ok("next_turn");
        t.ok("next_turn");
        assertThat(current()).isEqualTo("pc-elara");
        t.advance(Duration.ofMinutes(5));
        assertThat(t.deadlines.tick()).isTrue();
        assertThat(current()).isEqualTo("m-goblin-2");
        assertThat(t.feed.of(NarrativePosted.class).getLast().text()).isEqualTo("Time ran out for Elara — the turn passes.");
    }

    @Test
    void deadline_beforeItPasses_saysNothing() {
        t.advance(Duration.ofMinutes(4));
        assertThat(t.deadlines.tick()).isFalse();
        assertThat(t.feed.of(NarrativePosted.class)).isEmpty();
        assertThat(t.game.combat().notices().drain()).isEmpty();
    }

    @Test
    void simultaneousMode_tracksWhoMustStillAnswer_andDeadlineClosesIt() {
        JsonNode s = t.ok("set_turn_mode", "mode", "simultaneous", "prompt", "Everyone: Perception check!",
                "deadline_seconds", 60);
        assertThat(s.get("waitingFor")).hasSize(3);
        t.ok("mark_answered", "player", "Elara");
        assertThat(t.ok("get_combat").get("waitingFor").toString()).doesNotContain("pelara").contains("pthorin");
        assertThat(t.error("mark_answered", "player", "Elara")).contains("not waiting for player-pelara");
        assertThat(t.error("next_turn")).contains("simultaneous mode");
        t.advance(Duration.ofSeconds(61));
        assertThat(t.deadlines.tick()).isTrue();
        assertThat(t.ok("get_combat").get("waitingFor")).isEmpty();
        assertThat(t.feed.of(NarrativePosted.class).getLast().text())
                .isEqualTo("Time's up — the round closes without Thorin and Vex.");
        assertThat(t.ok("set_turn_mode", "mode", "round_robin").get("currentId").asString()).isEqualTo("pc-thorin");
    }

    @Test
    void holdAction_andLateJoiner_keepTheOrderRight() {
        t.ok("hold_action", "as_player", "Thorin");
        JsonNode c = t.ok("get_combat");
        assertThat(c.get("currentId").asString()).isEqualTo("m-goblin");
        assertThat(c.get("order").get(0).get("holding").asBoolean()).isTrue();
        t.ok("add_combatant", "name", "Ogre", "initiative", 13, "hp", 59);
        c = t.ok("get_combat");
        assertThat(c.get("order").get(2).get("id").asString()).isEqualTo("m-ogre");
        assertThat(c.get("currentId").asString()).isEqualTo("m-goblin");
        assertThat(t.ok("next_turn").get("currentId").asString()).isEqualTo("m-ogre");
    }

    @Test
    void startCombat_typoOfACharacter_saysDidYouMean() {
        t.ok("end_combat");
        assertThat(t.error("start_combat", "participants", Table.list(Map.of("name", "Thorn", "initiative", 3))))
                .contains("did you mean 'Thorin'");
        assertThat(t.error("start_combat", "participants", "[{\"initiative\":3}]")).contains("name");
        assertThat(t.ok("get_combat").get("active").asBoolean()).isFalse();
    }

    @Test
    void combat_survivesReloadOfTheCampaign() {
        t.ok("next_turn");
        String campaign = t.ok("get_campaign_info").get("campaign").get("id").asString();
        Table again = new Table(root);
        again.ok("load_campaign", "campaign", campaign);
        assertThat(again.ok("get_combat").get("currentId").asString()).isEqualTo("m-goblin");
    }

    private String current() {
        return t.ok("get_combat").get("currentId").asString();
    }
}
