package dm20.mcp.tools;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SheetRulesScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root).withParty();
        t.ok("create_character", "name", "Elara", "class", "Wizard", "level", "3",
                "abilities", "{\"con\": 12, \"int\": 17}", "spell_slots", "{\"1\": 4, \"2\": 2}");
    }

    @Test
    void createCharacter_derivesHpHitDiceAndAc() {
        JsonNode s = t.ok("get_character", "character", "ELARA");
        assertThat(s.get("hp").get("max").asInt()).isEqualTo(6 + 1 + 2 * (4 + 1));
        assertThat(s.get("hitDice").get(0).get("die").asInt()).isEqualTo(6);
        assertThat(s.get("armorClass").asInt()).isEqualTo(10);
        assertThat(s.get("proficiencyBonus").asInt()).isEqualTo(2);
    }

    @Test
    void useSpellSlot_untilEmpty_thenRefusedUntilLongRest() {
        t.ok("use_spell_slot", "character", "Elara", "level", 2);
        t.ok("use_spell_slot", "character", "Elara", "level", 2);
        assertThat(t.error("use_spell_slot", "character", "Elara", "level", 2)).contains("no level-2 spell slots left");
        assertThat(t.error("use_spell_slot", "character", "Elara", "level", 3)).contains("no level-3 spell slots");
        t.ok("long_rest", "character", "Elara");
        assertThat(t.ok("get_character", "character", "Elara").get("spellSlots").get(1).get("used").asInt()).isZero();
    }

    @Test
    void shortRest_spendsHitDiceAndHeals_longRestRestoresHalf() {
        t.ok("damage", "target", "Elara", "amount", 10);
        t.random.faces(5, 3);
        JsonNode s = t.ok("short_rest", "character", "Elara", "hit_dice", 2);
        assertThat(s.get("hp").get("current").asInt()).isEqualTo(7 + 6 + 4);
        assertThat(s.get("hitDice").get(0).get("remaining").asInt()).isEqualTo(1);
        assertThat(t.error("short_rest", "character", "Elara", "hit_dice", 2)).contains("only 1 hit dice");
        s = t.ok("long_rest", "character", "Elara");
        assertThat(s.get("hp").get("current").asInt()).isEqualTo(17);
        assertThat(s.get("hitDice").get(0).get("remaining").asInt()).isEqualTo(2);
    }

    @Test
    void deathSaves_successesStabilize_failuresKill_twentyRevives() {
        assertThat(t.error("death_save", "character", "Elara", "roll", 12)).contains("not at 0 HP");
        t.ok("damage", "target", "Elara", "amount", 99);
        t.ok("death_save", "character", "Elara", "roll", 12);
        t.ok("death_save", "character", "Elara", "roll", 1);
        JsonNode r = t.ok("death_save", "character", "Elara", "roll", 9);
        assertThat(r.get("dead").asBoolean()).isTrue();
        assertThat(t.error("heal", "target", "Elara", "amount", 5)).contains("dead");

        t.ok("create_character", "name", "Vex", "class", "Rogue");
        t.ok("damage", "target", "Vex", "amount", 99);
        t.random.faces(20);
        r = t.ok("death_save", "character", "Vex");
        assertThat(r.get("hp").get("current").asInt()).isEqualTo(1);
        assertThat(r.get("deathSaves").get("failures").asInt()).isZero();
    }

    @Test
    void items_addStackEquipRemove() {
        t.ok("add_item", "character", "Elara", "item", "Dagger", "quantity", 2);
        t.ok("add_item", "character", "Elara", "item", "dagger");
        t.ok("add_item", "character", "Elara", "item", "Staff");
        t.ok("equip_item", "character", "Elara", "item", "staff", "slot", "main_hand");
        JsonNode s = t.ok("equip_item", "character", "Elara", "item", "Dagger", "slot", "main_hand");
        assertThat(s.get("inventory").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(s.get("inventory").get(0).get("slot").asString()).isEqualTo("main_hand");
        assertThat(s.get("inventory").get(1).get("equipped").asBoolean()).isFalse();
        assertThat(t.error("remove_item", "character", "Elara", "item", "Dagger", "quantity", 4)).contains("only 3");
        assertThat(t.error("remove_item", "character", "Elara", "item", "Dager")).contains("did you mean 'Dagger'");
        s = t.ok("remove_item", "character", "Elara", "item", "Dagger", "quantity", 3);
        assertThat(s.get("inventory")).hasSize(1);
    }

    @Test
    void updateCharacter_listsAndScalars_andBadFieldsAreErrors() {
        JsonNode s = t.ok("update_character", "character", "Elara", "name", "Elara Moonwhisper",
                "add", "{\"languages\":[\"Elvish\",\"Draconic\"],\"spells\":[{\"name\":\"Shield\",\"level\":1}]}",
                "currency", "{\"gp\": 25}", "abilities", "{\"wis\": 14}");
        assertThat(s.get("id").asString()).isEqualTo("pc-elara");
        assertThat(s.get("languages").toString()).contains("Elvish", "Draconic");
        assertThat(s.get("currency").get("gp").asInt()).isEqualTo(25);
        t.ok("update_character", "character", "elara moonwhisper", "remove", "{\"languages\":\"Elvish\"}");
        assertThat(t.error("update_character", "character", "Elara Moonwhisper", "remove", "{\"languages\":[\"Orc\"]}"))
                .contains("no languages entry 'Orc'");
        assertThat(t.error("update_character", "character", "Elara Moonwhisper", "add", "{\"langauges\":[\"Orc\"]}"))
                .contains("did you mean 'languages'");
        assertThat(t.error("update_character", "character", "Elara Moonwhisper", "hp_max", 3))
                .contains("update_character has no parameter 'hp_max'");
        assertThat(t.error("update_character", "character", "Elara Moonwhisper", "hp", 999)).contains("current HP");
        assertThat(t.error("update_character", "character", "Elara Moonwhisper", "add", "{not json"))
                .contains("must be a JSON object");
    }
}
