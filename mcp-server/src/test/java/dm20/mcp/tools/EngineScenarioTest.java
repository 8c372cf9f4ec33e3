package dm20.mcp.tools;

import dm20.mcp.engine.SampleCompendium;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combat engine's rules through its tools, with scripted dice: each test names the rule it pins.
 * Party: Thorin (fighter, STR 16, longsword, AC 16, 12 HP), Elara (cleric 5, WIS 16, 40 HP, slots 4/3/2),
 * Vex (wizard 5, INT 16, DEX 14, 30 HP, slots 4/3/2). Initiative is given, so every scripted face is a rule's.
 */
class EngineScenarioTest {

    @TempDir
    Path root;
    Table t;

    @BeforeEach
    void setUp() {
        t = new Table(root, new SampleCompendium());
        t.ok("create_campaign", "name", "Engine");
        t.ok("create_character", "name", "Thorin", "class", "Fighter", "abilities", Map.of("str", 16, "con", 14),
                "max_hp", 12, "armor_class", 16, "saves", List.of("STR", "CON"), "player", "Ann");
        t.ok("create_character", "name", "Elara", "class", "Cleric", "level", 5, "abilities", Map.of("wis", 16,
                "con", 12), "max_hp", 40, "armor_class", 18, "saves", List.of("WIS", "CHA"), "spellcasting_ability",
                "WIS", "spell_slots", Map.of("1", 4, "2", 3, "3", 2), "player", "Ben");
        t.ok("create_character", "name", "Vex", "class", "Wizard", "level", 5, "abilities", Map.of("int", 16,
                "dex", 14), "max_hp", 30, "saves", List.of("INT", "WIS"), "spellcasting_ability", "INT",
                "spell_slots", Map.of("1", 4, "2", 3, "3", 2), "player", "Cy");
        t.ok("add_item", "character", "Thorin", "item", "Longsword");
        t.ok("equip_item", "character", "Thorin", "item", "Longsword", "slot", "main_hand");
        t.ok("add_item", "character", "Thorin", "item", "Warhammer");
        t.feed.clear();
    }

    private void fight(Object... extra) {
        List<Object> ps = new java.util.ArrayList<>(List.of(Map.of("name", "Thorin", "initiative", 20),
                Map.of("monster", "goblin", "initiative", 15), Map.of("name", "Elara", "initiative", 10),
                Map.of("name", "Vex", "initiative", 5)));
        ps.addAll(List.of(extra));
        t.ok("start_combat", "participants", ps);
        t.feed.clear();
    }

    private JsonNode combatant(String name) {
        for (JsonNode c : t.ok("get_combat").get("order")) {
            if (c.get("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name);
    }

    private List<String> labels() {
        return t.feed.of(DiceRolled.class).stream().map(DiceRolled::label).toList();
    }

    @Test
    void startCombat_srdMonstersByNameAndCount_joinWithTheirNumbersAndRolledInitiative() {
        t.random.faces(12, 9);
        t.ok("start_combat", "participants", List.of(Map.of("name", "Thorin", "initiative", 20), "2 goblins"));

        JsonNode goblin = combatant("Goblin 2");
        assertThat(goblin.get("ac").asInt()).isEqualTo(15);
        assertThat(goblin.get("hp").asInt()).isEqualTo(7);
        assertThat(combatant("Goblin").get("initiative").asInt()).isEqualTo(14);
        assertThat(labels()).containsExactly("Goblin initiative: 14");
        assertThat(combatant("Thorin").get("ac").asInt()).isEqualTo(16);
    }

    @Test
    void getCombat_asPlayer_showsPcArmorClassButNoMonsterHpOrArmorClass() {
        fight();
        JsonNode order = t.ok("get_combat", "as_player", "Ann").get("order");

        assertThat(order.get(0).get("ac").asInt()).isEqualTo(16);
        assertThat(order.get(1).has("hp")).isFalse();
        assertThat(order.get(1).has("ac")).isFalse();
    }

    @Test
    void attack_criticalHit_doublesTheDiceButNotTheModifier() {
        fight(Map.of("monster", "ogre", "initiative", 1));
        t.random.faces(20, 5, 6);

        JsonNode hit = t.ok("attack", "attacker", "Thorin", "target", "Ogre");

        assertThat(hit.get("critical").asBoolean()).isTrue();
        assertThat(hit.get("totalDamage").asInt()).isEqualTo(5 + 6 + 3);
        assertThat(t.feed.of(DiceRolled.class).get(1).notation()).isEqualTo("2d8+3");
        assertThat(combatant("Ogre").get("hp").asInt()).isEqualTo(59 - 14);
    }

    @Test
    void attack_naturalOne_missesWhateverTheTotal_andNaturalTwenty_hitsWhateverTheAc() {
        fight();
        t.ok("update_character", "character", "Thorin", "armor_class", 30);
        t.random.faces(1);
        JsonNode fumble = t.ok("attack", "attacker", "Thorin", "target", "Goblin");
        t.random.faces(20, 3, 4);
        JsonNode crit = t.ok("attack", "attacker", "Goblin", "target", "Thorin", "weapon", "scimitar");

        assertThat(fumble.get("hit").asBoolean()).isFalse();
        assertThat(crit.get("hit").asBoolean()).isTrue();
        assertThat(crit.get("totalDamage").asInt()).isEqualTo(3 + 4 + 2);
        assertThat(labels().get(0)).isEqualTo("Thorin attacks Goblin with Longsword: 6 — natural 1, miss");
        assertThat(labels().get(1)).isEqualTo("Goblin attacks Thorin with Scimitar: 24 vs AC 30 — critical hit!");
    }

    @Test
    void attack_ordinaryRoll_comparesWithArmorClassAndSaysHitOrMiss() {
        fight();
        t.random.faces(11);
        JsonNode miss = t.ok("attack", "attacker", "Goblin", "target", "Thorin");
        t.random.faces(12, 1);
        JsonNode hit = t.ok("attack", "attacker", "Goblin", "target", "Thorin");

        assertThat(miss.get("hit").asBoolean()).isFalse();
        assertThat(hit.get("hit").asBoolean()).isTrue();
        assertThat(labels()).containsExactly("Goblin attacks Thorin with Scimitar: 15 vs AC 16 — miss",
                "Goblin attacks Thorin with Scimitar: 16 vs AC 16 — hit", "Scimitar damage to Thorin: 3 slashing");
    }

    @Test
    void damage_resistance_halvesTheTotalAfterEveryModifier_roundingDown() {
        fight(Map.of("monster", "wight", "initiative", 1));
        t.random.faces(15, 4);
        JsonNode plain = t.ok("attack", "attacker", "Thorin", "target", "Wight");
        t.random.faces(15, 4);
        JsonNode magic = t.ok("attack", "attacker", "Thorin", "target", "Wight", "magical", true);

        assertThat(plain.get("damage").get(0).get("rolled").asInt()).isEqualTo(7);
        assertThat(plain.get("totalDamage").asInt()).isEqualTo(3);
        assertThat(plain.get("damage").get(0).get("defense").asString()).isEqualTo("resisted");
        assertThat(magic.get("totalDamage").asInt()).isEqualTo(7);
    }

    @Test
    void damage_vulnerability_doublesAndImmunity_negates() {
        fight(Map.of("monster", "skeleton", "initiative", 1));
        t.random.faces(15, 4);
        JsonNode hammer = t.ok("attack", "attacker", "Thorin", "target", "Skeleton", "weapon", "warhammer");
        t.random.faces(2, 6, 6);
        JsonNode poison = t.ok("saving_throw", "targets", List.of("Skeleton"), "ability", "CON", "dc", 20,
                "damage", "2d6", "damage_type", "poison");

        assertThat(hammer.get("totalDamage").asInt()).isEqualTo(14);
        assertThat(poison.get("saves").get(0).get("damage").asInt()).isZero();
        assertThat(combatant("Skeleton").get("hp").asInt()).isEqualTo(13 - 14 < 0 ? 0 : 13 - 14);
    }

    @Test
    void castSpell_saveForHalf_roundsDown_andEachTargetSavesOnItsOwn() {
        fight(Map.of("monster", "ogre", "initiative", 1));
        t.random.faces(1, 1, 1, 1, 1, 1, 1, 2, 18, 2);

        JsonNode fireball = t.ok("cast_spell", "caster", "Vex", "spell", "Fireball", "targets",
                List.of("Goblin", "Ogre"));

        assertThat(fireball.get("dc").asInt()).isEqualTo(8 + 3 + 3);
        assertThat(fireball.get("damageRolled").asInt()).isEqualTo(9);
        JsonNode goblin = fireball.get("saves").get(0);
        assertThat(goblin.get("saved").asBoolean()).isTrue();
        assertThat(goblin.get("damage").asInt()).isEqualTo(4);
        assertThat(fireball.get("saves").get(1).get("damage").asInt()).isEqualTo(9);
        assertThat(combatant("Goblin").get("hp").asInt()).isEqualTo(3);
        assertThat(combatant("Ogre").get("hp").asInt()).isEqualTo(50);
        assertThat(labels()).contains("Goblin DEX save against Fireball: 20 vs DC 14 — success, takes 4 fire");
    }

    @Test
    void castSpell_upcast_spendsTheHigherSlotAndRollsTheLargerDice() {
        fight();
        t.random.faces(1, 1, 1, 1, 20);

        t.ok("cast_spell", "caster", "Vex", "spell", "Burning Hands", "targets", List.of("Goblin"), "level", 2);

        JsonNode slots = t.ok("get_character", "character", "Vex").get("spellSlots");
        assertThat(slots.get(0).get("used").asInt()).isZero();
        assertThat(slots.get(1).get("used").asInt()).isEqualTo(1);
        assertThat(t.feed.of(DiceRolled.class).get(0).notation()).isEqualTo("4d6");
    }

    @Test
    void addCombatant_pcAlreadyFighting_isRefusedBeforeAnyInitiativeIsRolledOrPosted() {
        fight();

        String again = t.error("add_combatant", "name", "Thorin");

        assertThat(again).contains("Thorin is already in the initiative order");
        assertThat(t.feed.messages()).isEmpty();
    }

    @Test
    void startCombat_samePcTwice_isRefusedBeforeAnyInitiativeIsRolledOrPosted() {
        String error = t.error("start_combat", "participants", List.of(Map.of("name", "Thorin"), Map.of("name", "Thorin")));

        assertThat(error).contains("Thorin is already in the initiative order");
        assertThat(t.feed.messages()).isEmpty();
    }

    @Test
    void castSpell_cantrip_isFree_andAMissingSlot_changesNothing() {
        fight();
        t.random.faces(5, 3);
        t.ok("cast_spell", "caster", "Elara", "spell", "Sacred Flame", "targets", List.of("Goblin"));
        t.ok("use_spell_slot", "character", "Vex", "level", 3);
        t.ok("use_spell_slot", "character", "Vex", "level", 3);
        t.feed.clear();

        String error = t.error("cast_spell", "caster", "Vex", "spell", "Fireball", "targets", List.of("Goblin"));

        assertThat(t.ok("get_character", "character", "Elara").get("spellSlots").findValues("used"))
                .allMatch(u -> u.asInt() == 0);
        assertThat(error).contains("no level-3 spell slots left");
        assertThat(t.feed.messages()).isEmpty();
    }

    @Test
    void castSpell_concentration_anotherConcentrationSpellDropsTheFirstAndItsConditions() {
        fight();
        t.random.faces(2);
        JsonNode hold = t.ok("cast_spell", "caster", "Elara", "spell", "Hold Person", "targets", List.of("Goblin"),
                "condition", "paralyzed", "ends", "save_ends", "save_ability", "WIS");
        assertThat(hold.get("saves").get(0).get("condition").asString()).isEqualTo("paralyzed");
        assertThat(combatant("Goblin").get("conditions").toString()).contains("paralyzed", "save ends (DC 14 WIS)");
        assertThat(combatant("Elara").get("conditions").toString()).contains("concentrating", "Hold Person");

        t.ok("cast_spell", "caster", "Elara", "spell", "Bless", "targets", List.of("Thorin", "Vex"),
                "condition", "blessed", "rounds", 10);

        assertThat(combatant("Goblin").get("conditions").toString()).doesNotContain("paralyzed");
        assertThat(combatant("Elara").get("conditions").toString()).contains("Bless").doesNotContain("Hold Person");
        assertThat(combatant("Thorin").get("conditions").toString()).contains("blessed");
        assertThat(t.feed.of(NarrativePosted.class)).extracting(NarrativePosted::text)
                .anyMatch(s -> s.contains("concentration on Hold Person ends"));
    }

    @Test
    void condition_endingAtTheEndOfTheSourcesNextTurn_endsExactlyThen() {
        fight();
        t.ok("apply_condition", "target", "Thorin", "condition", "poisoned", "source", "Goblin",
                "ends", "end_of_source_next_turn");
        assertThat(combatant("Thorin").get("conditions").get(0).get("ends").asString())
                .isEqualTo("end of Goblin's next turn");

        t.ok("next_turn");
        assertThat(combatant("Thorin").get("conditions").toString()).contains("poisoned");
        t.ok("next_turn");
        assertThat(combatant("Thorin").get("conditions").toString()).doesNotContain("poisoned");
        assertThat(t.ok("get_character", "character", "Thorin").get("conditions")).isEmpty();
        assertThat(t.feed.of(NarrativePosted.class)).extracting(NarrativePosted::text)
                .contains("Thorin is no longer poisoned (end of Goblin's turn).");
    }

    @Test
    void condition_appliedDuringTheSourcesOwnTurn_outlastsThatTurnUntilTheEndOfItsNext() {
        fight();
        t.ok("next_turn");
        t.ok("apply_condition", "target", "Thorin", "condition", "frightened", "source", "Goblin",
                "ends", "end_of_source_next_turn");

        for (int i = 0; i < 4; i++) {
            t.ok("next_turn");
            assertThat(combatant("Thorin").get("conditions").toString()).as("after pass " + i).contains("frightened");
        }
        t.ok("next_turn");
        assertThat(combatant("Thorin").get("conditions").toString()).doesNotContain("frightened");
    }

    @Test
    void condition_startOfSourcesNextTurn_andRounds_expireAtTheSourcesTurnStart() {
        fight();
        t.ok("apply_condition", "target", "Goblin", "condition", "prone", "source", "Thorin",
                "ends", "start_of_source_next_turn");
        t.ok("apply_condition", "target", "Goblin", "condition", "marked", "source", "Thorin", "rounds", 2);
        for (int i = 0; i < 3; i++) {
            t.ok("next_turn");
        }
        assertThat(combatant("Goblin").get("conditions").toString()).contains("prone", "marked", "2 rounds left");
        t.ok("next_turn");
        assertThat(combatant("Goblin").get("conditions").toString()).doesNotContain("prone").contains("1 round left");
        for (int i = 0; i < 4; i++) {
            t.ok("next_turn");
        }
        assertThat(combatant("Goblin").get("conditions")).isEmpty();
    }

    @Test
    void condition_saveEnds_aSuccessfulRepeatSaveAtTheEndOfTheTargetsTurnEndsIt() {
        fight();
        t.ok("apply_condition", "target", "Goblin", "condition", "restrained", "ends", "save_ends",
                "save_ability", "STR", "dc", 12);
        t.random.faces(5);
        t.ok("next_turn");
        t.ok("next_turn");
        assertThat(combatant("Goblin").get("conditions").toString()).contains("restrained");
        for (int i = 0; i < 3; i++) {
            t.ok("next_turn");
        }
        t.random.faces(15);
        t.ok("next_turn");

        assertThat(combatant("Goblin").get("conditions")).isEmpty();
        assertThat(labels()).containsExactly("Goblin STR save against restrained: 4 vs DC 12 — failure",
                "Goblin STR save against restrained: 14 vs DC 12 — success");
    }

    @Test
    void condition_immuneCreature_isLeftAlone() {
        fight(Map.of("monster", "skeleton", "initiative", 1));

        JsonNode r = t.ok("apply_condition", "target", "Skeleton", "condition", "Poisoned");

        assertThat(r.get("applied").asBoolean()).isFalse();
        assertThat(combatant("Skeleton").get("conditions")).isEmpty();
    }

    @Test
    void concentration_checkDc_isTenOrHalfTheDamage_whicheverIsHigher() {
        fight(Map.of("monster", "ogre", "initiative", 1));
        t.ok("cast_spell", "caster", "Elara", "spell", "Bless", "targets", List.of("Thorin"));
        t.random.faces(15, 1, 1, 15);
        t.ok("attack", "attacker", "Ogre", "target", "Elara");
        t.random.faces(20, 8, 8, 8, 2, 3);
        t.ok("attack", "attacker", "Ogre", "target", "Elara");

        assertThat(labels()).contains("Elara concentration (Bless): 16 vs DC 10 — holds",
                "Elara concentration (Bless): 4 vs DC 15 — broken");
        assertThat(combatant("Elara").get("conditions").toString()).doesNotContain("concentrating");
    }

    @Test
    void pcAtZeroHp_fallsUnconscious_startsDeathSaves_andDamageWhileDownFailsThem() {
        fight();
        t.random.faces(18, 6, 18, 6, 20, 1, 1);
        t.ok("attack", "attacker", "Goblin", "target", "Thorin");
        t.ok("attack", "attacker", "Goblin", "target", "Thorin");
        JsonNode down = combatant("Thorin");
        assertThat(down.get("hp").asInt()).isZero();
        assertThat(down.get("downed").asBoolean()).isTrue();
        assertThat(down.get("conditions").get(0).get("name").asString()).isEqualTo("unconscious");
        assertThat(t.feed.of(NarrativePosted.class)).extracting(NarrativePosted::text)
                .contains("Thorin falls unconscious and starts making death saves.");

        t.ok("attack", "attacker", "Goblin", "target", "Thorin");

        JsonNode sheet = t.ok("get_character", "character", "Thorin");
        assertThat(sheet.get("deathSaves").get("failures").asInt()).isEqualTo(2);
        assertThat(t.feed.of(CharacterUpdated.class)).allMatch(u -> u.playerId().isPresent());
    }

    @Test
    void damageTool_inAFight_appliesDefensesDeathSavesAndConcentration() {
        fight(Map.of("monster", "skeleton", "initiative", 1));
        t.ok("cast_spell", "caster", "Elara", "spell", "Bless", "targets", List.of("Thorin"));
        t.random.faces(1);

        JsonNode skeleton = t.ok("damage", "target", "Skeleton", "amount", 5, "damage_type", "bludgeoning");
        t.ok("damage", "target", "Elara", "amount", 24);
        t.ok("damage", "target", "Thorin", "amount", 12);
        t.ok("damage", "target", "Thorin", "amount", 1);

        assertThat(skeleton.get("hp").asInt()).isEqualTo(3);
        assertThat(labels()).contains("Elara concentration (Bless): 2 vs DC 12 — broken");
        assertThat(t.ok("get_character", "character", "Thorin").get("deathSaves").get("failures").asInt())
                .isEqualTo(1);
    }

    @Test
    void deathSave_rolledByTheServer_isPostedToTheTable() {
        fight();
        t.random.faces(18, 6, 18, 6);
        t.ok("attack", "attacker", "Goblin", "target", "Thorin");
        t.ok("attack", "attacker", "Goblin", "target", "Thorin");
        t.feed.clear();
        t.random.faces(20);

        JsonNode save = t.ok("death_save", "character", "Thorin");

        assertThat(save.get("hp").get("current").asInt()).isEqualTo(1);
        assertThat(labels()).containsExactly("Thorin death save: 20 — natural 20, regains 1 HP");
        assertThat(combatant("Thorin").get("conditions")).isEmpty();
    }

    @Test
    void monsterAtZeroHp_dies_orIsKnockedOutWhenAsked() {
        fight(Map.of("monster", "goblin", "initiative", 1));
        t.random.faces(15, 8, 15, 8);
        t.ok("attack", "attacker", "Thorin", "target", "Goblin");
        JsonNode second = t.ok("attack", "attacker", "Thorin", "target", "Goblin 2", "knock_out", true);

        assertThat(combatant("Goblin").get("conditions").get(0).get("name").asString()).isEqualTo("dead");
        assertThat(combatant("Goblin 2").get("conditions").get(0).get("name").asString()).isEqualTo("unconscious");
        assertThat(second.get("outcome").asString()).isEqualTo("is knocked out");
    }

    @Test
    void hiddenAttack_postsItsRollsToTheDmOnly() {
        fight();
        t.random.faces(15, 3);
        t.ok("attack", "attacker", "Goblin", "target", "Thorin", "hidden", true);

        assertThat(t.feed.of(DiceRolled.class)).isNotEmpty()
                .allMatch(r -> r.visibility().equals(Visibility.dmOnly()));
    }

    @Test
    void endCombat_splitsTheXpOfFallenSrdMonstersAmongThePcs() {
        fight();
        t.random.faces(15, 8);
        t.ok("attack", "attacker", "Thorin", "target", "Goblin");

        JsonNode award = t.ok("end_combat");

        assertThat(award.get("totalXp").asInt()).isEqualTo(50);
        assertThat(award.get("each").asInt()).isEqualTo(16);
        assertThat(award.get("totals").get("Vex").asInt()).isEqualTo(16);
        assertThat(t.ok("get_combat").get("active").asBoolean()).isFalse();
    }

    @Test
    void buildEncounter_fourLevelOnes_hard_suggestsGroupsInTheHardBand() {
        JsonNode plan = t.ok("build_encounter", "party_size", 4, "party_level", 1, "difficulty", "hard");

        assertThat(plan.get("thresholds").toString()).isEqualTo("[100,200,300,400]");
        assertThat(plan.get("suggestions")).isNotEmpty().allSatisfy(s -> assertThat(s.get("adjustedXp").asInt())
                .isBetween(300, 399));
        assertThat(plan.get("suggestions").get(0).get("monster").asString()).isIn("Goblin", "Skeleton");
        assertThat(plan.get("suggestions").get(0).get("count").asInt()).isEqualTo(3);
    }

    @Test
    void engineTools_badInput_isAClearErrorThatChangesNothing() {
        fight();
        t.feed.clear();
        assertThat(t.error("attack", "attacker", "Thorn", "target", "Goblin")).contains("did you mean 'Thorin'");
        assertThat(t.error("attack", "attacker", "Thorin", "target", "Goblin", "weapon", "Axe"))
                .contains("no weapon named 'Axe'");
        assertThat(t.error("cast_spell", "caster", "Vex", "spell", "Firebal", "targets", "Goblin"))
                .contains("no spell named 'Firebal'");
        assertThat(t.error("cast_spell", "caster", "Vex", "spell", "Fireball", "level", 2, "targets", "Goblin"))
                .contains("level 3..9");
        assertThat(t.error("apply_condition", "target", "Goblin", "condition", "prone", "ends", "soon"))
                .contains("ends must be");
        assertThat(t.error("saving_throw", "targets", "Goblin", "ability", "LUCK", "dc", 10))
                .contains("unknown ability");
        assertThat(t.error("build_encounter", "party_size", 4, "party_level", 2, "difficulty", "brutal")).contains("difficulty");
        assertThat(t.feed.messages()).isEmpty();
        assertThat(t.game.combat().state(Viewer.dm()).order()).hasSize(4);
    }
}
