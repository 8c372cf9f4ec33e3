package dm20.mcp.tools;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RulesToolsScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root);
    }

    @Test
    void searchRules_misspelledSpell_findsFireballFirstWithAttribution() {
        JsonNode r = t.ok("search_rules", "query", "firebal");
        assertThat(r.get("results").get(0).get("name").asString()).isEqualTo("Fireball");
        assertThat(r.get("results").get(0).get("kind").asString()).isEqualTo("spell");
        assertThat(r.get("source").asString()).contains("SRD 5.1").contains("CC-BY-4.0");
    }

    @Test
    void searchRules_kinds_limitTheResults_andUnknownKindIsAnError() {
        JsonNode r = t.ok("search_rules", "query", "dragon", "kinds", "[\"monster\"]", "limit", 3);
        assertThat(r.get("results")).hasSize(3);
        r.get("results").forEach(h -> assertThat(h.get("kind").asString()).isEqualTo("monster"));
        assertThat(t.error("search_rules", "query", "x", "kinds", "[\"vehicle\"]")).contains("unknown kind 'vehicle'");
        assertThat(t.error("search_rules", "query", "x", "limit", 0)).contains("'limit' must be 1-50");
    }

    @Test
    void getSpell_keyFieldsFirst_fullTextOnlyWithDetail() {
        JsonNode s = t.ok("get_spell", "name", "fireball");
        assertThat(s.properties().iterator().next().getKey()).isEqualTo("name");
        assertThat(s.get("level").asInt()).isEqualTo(3);
        assertThat(s.get("save").asString()).isEqualTo("DEX");
        assertThat(s.get("halfOnSave").asBoolean()).isTrue();
        assertThat(s.get("damage").get(0).asString()).isEqualTo("8d6 fire");
        assertThat(s.get("description").asString()).endsWith("(detail: true for the full text)");
        JsonNode full = t.ok("get_spell", "name", "Fireball", "detail", true);
        assertThat(full.get("description").asString()).contains("The fire spreads around corners");
    }

    @Test
    void getSpell_miss_suggestsTheClosestNames() {
        assertThat(t.error("get_spell", "name", "magic misile"))
                .contains("no spell named 'magic misile'").contains("did you mean 'Magic Missile'");
        assertThat(t.error("get_monster", "name", "owlbeer")).contains("did you mean 'Owlbear'");
        assertThat(t.error("get_item", "name", "longswrod")).contains("did you mean 'Longsword'");
    }

    @Test
    void getMonster_goblin_givesItsStatBlockAndAttacks() {
        JsonNode m = t.ok("get_monster", "name", "goblins");
        assertThat(m.get("name").asString()).isEqualTo("Goblin");
        assertThat(m.get("armorClass").asInt()).isEqualTo(15);
        assertThat(m.get("hitPoints").asString()).isEqualTo("7 (2d6)");
        assertThat(m.get("challenge").asString()).isEqualTo("1/4");
        assertThat(m.get("xp").asInt()).isEqualTo(50);
        JsonNode scimitar = m.get("actions").get(0);
        assertThat(scimitar.get("attackBonus").asInt()).isEqualTo(4);
        assertThat(scimitar.get("damage").get(0).asString()).isEqualTo("1d6+2 slashing");
    }

    @Test
    void getItemConditionRace_giveTheirNumbers() {
        JsonNode sword = t.ok("get_item", "name", "longsword");
        assertThat(sword.get("damage").asString()).isEqualTo("1d8 slashing");
        assertThat(sword.get("twoHandedDamage").asString()).isEqualTo("1d10 slashing");
        assertThat(t.ok("get_item", "name", "chain mail").get("stealthDisadvantage").asBoolean()).isTrue();
        assertThat(t.ok("get_condition", "name", "Prone").get("effects")).isNotEmpty();
        JsonNode dwarf = t.ok("get_race", "name", "hill dwarf");
        assertThat(dwarf.get("abilityBonuses").get("CON").asInt()).isEqualTo(2);
        assertThat(dwarf.get("abilityBonuses").get("WIS").asInt()).isEqualTo(1);
        assertThat(dwarf.get("speed").asInt()).isEqualTo(30); // the package says 30 (the printed SRD: 25)
    }

    @Test
    void getClass_level_givesSlotsAndFeatureTexts() {
        JsonNode wizard = t.ok("get_class", "name", "wizard", "level", 3);
        assertThat(wizard.get("hitDie").asString()).isEqualTo("d6");
        assertThat(wizard.get("spellcastingAbility").asString()).isEqualTo("INT");
        assertThat(wizard.get("level").get("spellSlots").toString()).isEqualTo("[4,2]");
        JsonNode fighter = t.ok("get_class", "name", "Fighter");
        assertThat(fighter.get("levels")).hasSize(20);
        assertThat(fighter.get("levels").get(0).get("features").toString()).contains("Second Wind");
        assertThat(t.error("get_class", "name", "Fighter", "level", 21)).contains("'level' must be 1-20");
        assertThat(t.error("get_class", "name", "Figher")).contains("did you mean 'Fighter'");
    }
}
