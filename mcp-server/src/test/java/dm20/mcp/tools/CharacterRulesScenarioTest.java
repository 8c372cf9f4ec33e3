package dm20.mcp.tools;

import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CharacterRulesScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root).withParty();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(field == null ? n.asString() : n.get(field).asString()));
        return out;
    }

    @Test
    void createCharacter_level1HillDwarfFighter_derivesHpSavesSpeedAndRacialBonuses() {
        JsonNode s = t.ok("create_character", "name", "Thorin", "class", "fighter", "race", "Hill Dwarf",
                "abilities", "{\"str\":15,\"dex\":12,\"con\":14,\"int\":8,\"wis\":10,\"cha\":13}");
        assertThat(s.get("abilities").get("con").asInt()).isEqualTo(16);
        assertThat(s.get("abilities").get("wis").asInt()).isEqualTo(11);
        assertThat(s.get("hp").get("max").asInt()).isEqualTo(10 + 3);
        assertThat(s.get("hitDice").get(0).get("die").asInt()).isEqualTo(10);
        assertThat(texts(s.get("saveProficiencies"), null)).containsExactly("STR", "CON");
        assertThat(s.get("speed").asInt()).isEqualTo(30);
        assertThat(s.get("proficiencyBonus").asInt()).isEqualTo(2);
        assertThat(s.get("spellSlots")).isEmpty();
        assertThat(texts(s.get("features"), "name")).contains("Second Wind", "Darkvision", "Dwarven Toughness");
        assertThat(texts(s.get("languages"), null)).contains("Common", "Dwarvish");
        assertThat(s.get("derived").toString()).contains("Hill Dwarf ability bonuses applied");
    }

    @Test
    void createCharacter_level3ElfWizard_derivesHpSlotsAndSpellcasting() {
        JsonNode s = t.ok("create_character", "name", "Elara", "class", "Wizard", "level", 3, "race", "elf",
                "abilities", "{\"int\":15,\"con\":14,\"dex\":13}");
        assertThat(s.get("abilities").get("dex").asInt()).isEqualTo(15);
        assertThat(s.get("hp").get("max").asInt()).isEqualTo((6 + 2) + 2 * (4 + 2));
        assertThat(s.get("hitDice").get(0).get("total").asInt()).isEqualTo(3);
        assertThat(s.get("spellcastingAbility").asString()).isEqualTo("INT");
        assertThat(texts(s.get("saveProficiencies"), null)).containsExactly("INT", "WIS");
        assertThat(s.get("spellSlots").toString()).contains("\"level\":1,\"max\":4").contains("\"level\":2,\"max\":2")
                .doesNotContain("\"level\":3");
        assertThat(texts(s.get("features"), "name")).contains("Spellcasting", "Arcane Recovery", "Arcane Tradition",
                "Fey Ancestry");
    }

    @Test
    void createCharacter_pointBuyOverBudget_isRefusedAndCreatesNothing() {
        String error = t.error("create_character", "name", "Greedy", "class", "Rogue", "ability_method", "point_buy",
                "abilities", "{\"str\":15,\"dex\":15,\"con\":15,\"int\":10,\"wis\":8,\"cha\":8}");
        assertThat(error).contains("point_buy costs 29 points, over the budget of 27");
        assertThat(t.error("create_character", "name", "Greedy", "class", "Rogue", "ability_method", "point buy",
                "abilities", "{\"str\":16}")).contains("point_buy scores are 8-15");
        assertThat(t.ok("list_characters").get("characters")).isEmpty();
        JsonNode ok = t.ok("create_character", "name", "Frugal", "class", "Rogue", "ability_method", "point_buy",
                "abilities", "{\"str\":15,\"dex\":15,\"con\":15}");
        assertThat(ok.get("derived").toString()).contains("27 of 27 points");
    }

    @Test
    void createCharacter_standardArray_assignedByClassOrValidated() {
        JsonNode s = t.ok("create_character", "name", "Brute", "class", "Barbarian", "ability_method", "standard_array");
        assertThat(s.get("abilities").get("str").asInt()).isEqualTo(15);
        assertThat(s.get("abilities").get("con").asInt()).isEqualTo(14);
        assertThat(s.get("hp").get("max").asInt()).isEqualTo(12 + 2);
        assertThat(t.error("create_character", "name", "Cheat", "class", "Barbarian", "ability_method",
                "standard_array", "abilities", "{\"str\":15,\"dex\":15,\"con\":13,\"int\":12,\"wis\":10,\"cha\":8}"))
                .contains("exactly the values 15, 14, 13, 12, 10, 8");
    }

    @Test
    void createCharacter_rolled_showsEachFourD6DropLowest() {
        t.random.faces(6, 6, 6, 1, 5, 5, 4, 2, 3, 3, 3, 3, 2, 2, 2, 2, 6, 5, 4, 3, 1, 1, 1, 1);
        JsonNode s = t.ok("create_character", "name", "Lucky", "class", "Cleric", "ability_method", "rolled");
        assertThat(s.get("derived").get(0).asString()).contains("[6, 6, 6, 1] drop 1 = 18").contains("= 3");
        assertThat(s.get("abilities").get("wis").asInt()).isEqualTo(18);
        assertThat(s.get("abilities").get("cha").asInt()).isEqualTo(15);
    }

    @Test
    void createCharacter_startingEquipment_equipsArmorAndSetsAc() {
        JsonNode s = t.ok("create_character", "name", "Knight", "class", "Fighter", "starting_equipment", true,
                "abilities", "{\"dex\":14}");
        assertThat(texts(s.get("inventory"), "name")).contains("Chain Mail", "Shield");
        assertThat(s.get("armorClass").asInt()).isEqualTo(16 + 2);
        s.get("inventory").forEach(i -> {
            if (i.get("name").asString().equals("Chain Mail")) {
                assertThat(i.get("equipped").asBoolean()).isTrue();
            }
        });
    }

    @Test
    void createCharacter_customClass_keepsGenericRules_andRejectsSrdOnlyOptions() {
        JsonNode s = t.ok("create_character", "name", "Tinker", "class", "Artificer", "abilities", "{\"con\":14}");
        assertThat(s.get("hp").get("max").asInt()).isEqualTo(8 + 2);
        assertThat(s.get("saveProficiencies")).isEmpty();
        assertThat(t.error("create_character", "name", "Tinker2", "class", "Artificer", "ability_method", "rolled"))
                .contains("not an SRD class");
    }

    @Test
    void levelUp_wizard_addsHpSlotsFeaturesAndTheImprovement_andThePhoneGetsTheSheet() {
        t.ok("create_character", "name", "Elara", "class", "Wizard", "level", 3, "abilities",
                "{\"int\":16,\"con\":14}", "player", "Pelara");
        t.feed.clear();
        JsonNode up = t.ok("level_up_character", "character", "Elara", "ability_increases", "{\"int\":2}");
        assertThat(up.get("level").asInt()).isEqualTo(4);
        assertThat(up.get("hitPointsGained").asInt()).isEqualTo(4 + 2);
        assertThat(up.get("hitPointsHow").asString()).isEqualTo("average 4, CON +2");
        assertThat(up.get("abilityScoreImprovement").asBoolean()).isTrue();
        assertThat(up.get("spellSlots").toString()).contains("\"level\":2,\"max\":3");
        List<CharacterUpdated> updates = t.feed.of(CharacterUpdated.class);
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).sheet().level()).isEqualTo(4);
        assertThat(updates.get(0).sheet().abilities().intel()).isEqualTo(18);
        assertThat(updates.get(0).playerId()).isPresent();

        JsonNode five = t.ok("level_up_character", "character", "Elara");
        assertThat(five.get("spellSlots").toString()).contains("\"level\":3,\"max\":2");
        assertThat(five.get("proficiencyBonus").asInt()).isEqualTo(3);
    }

    @Test
    void levelUp_fighterRolled_showsTheRollAndListsNewFeatures() {
        t.ok("create_character", "name", "Thorin", "class", "Fighter", "abilities", "{\"con\":12}");
        t.random.faces(7);
        JsonNode up = t.ok("level_up_character", "character", "Thorin", "hit_points", "rolled");
        assertThat(up.get("hitPointsHow").asString()).isEqualTo("rolled d10: 7, CON +1");
        assertThat(up.get("hp").get("max").asInt()).isEqualTo(11 + 8);
        assertThat(texts(up.get("featuresGained"), null)).anyMatch(f -> f.startsWith("Action Surge"));
        assertThat(t.error("level_up_character", "character", "Thorin", "ability_increases", "{\"str\":2}"))
                .contains("gives no ability score improvement");
    }

    @Test
    void levelUp_badImprovementOrCustomClass_isRefusedAndChangesNothing() {
        t.ok("create_character", "name", "Brute", "class", "Barbarian", "level", 3, "abilities", "{\"str\":20}");
        assertThat(t.error("level_up_character", "character", "Brute", "ability_increases", "{\"str\":2}"))
                .contains("above 20");
        assertThat(t.error("level_up_character", "character", "Brute", "ability_increases", "{\"str\":1,\"dex\":2}"))
                .contains("+2 to one ability or +1 to two");
        assertThat(t.ok("get_character", "character", "Brute").get("classes").get(0).get("level").asInt()).isEqualTo(3);
        t.ok("create_character", "name", "Tinker", "class", "Artificer");
        assertThat(t.error("level_up_character", "character", "Tinker")).contains("not an SRD class");
    }
}
