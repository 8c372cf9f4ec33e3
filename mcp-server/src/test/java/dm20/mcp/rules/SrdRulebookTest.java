package dm20.mcp.rules;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrdRulebookTest {

    static final Rulebook RULES = new SrdRulebook();

    @Test
    void load_packedData_countsMatchTheDnd5SrdPackage() {
        assertThat(RULES.spells()).hasSize(319);
        assertThat(RULES.monsters()).hasSize(325);
        assertThat(RULES.items()).hasSize(231);
        assertThat(RULES.conditions()).hasSize(15);
        assertThat(RULES.classes()).hasSize(12);
        assertThat(RULES.classes()).allSatisfy(c -> assertThat(c.levels()).hasSize(20));
        assertThat(RULES.races()).hasSize(9 + 4);
        assertThat(RULES.features()).hasSize(414);
        assertThat(RULES.traits()).hasSize(27);
        assertThat(RULES.skills()).hasSize(18);
        assertThat(RULES.damageTypes()).hasSize(13);
    }

    @Test
    void spellSlots_everyCasterLevels1To20_equalTheClassDataInLevelsJson() throws Exception {
        JsonNode levels;
        try (InputStream in = SrdRulebook.class.getResourceAsStream("/dm20/mcp/rules/srd/levels.json")) {
            levels = JsonMapper.builder().build().readTree(in);
        }
        int compared = 0;
        for (JsonNode row : levels) {
            if (row.path("subclass").has("name")) {
                continue;
            }
            CharacterClass c = RULES.characterClass(row.path("class").path("name").asString()).orElseThrow();
            CharacterClass.Level level = c.level(row.path("level").asInt());
            for (int slot = 1; slot <= 9; slot++) {
                // most rows keep slots under "spellcasting", a few Paladin/Ranger rows at the row's top level
                JsonNode expected = row.path("spellcasting").path("spell_slots_level_" + slot);
                if (!expected.isNumber()) {
                    expected = row.path("spell_slots_level_" + slot);
                }
                assertThat(level.slots(slot)).as("%s level %d slot %d", c.name(), level.level(), slot)
                        .isEqualTo(expected.isNumber() ? expected.asInt() : 0);
                compared++;
            }
            assertThat(level.proficiencyBonus()).isEqualTo(row.path("prof_bonus").asInt());
        }
        assertThat(compared).isEqualTo(12 * 20 * 9);
        assertThat(RULES.characterClass("wizard").orElseThrow().level(5).spellSlots())
                .containsExactly(4, 3, 2, 0, 0, 0, 0, 0, 0);
        assertThat(RULES.characterClass("Paladin").orElseThrow().level(1).slots(1)).isZero();
        assertThat(RULES.characterClass("Paladin").orElseThrow().level(2).slots(1)).isEqualTo(2);
    }

    @Test
    void classes_casters_haveTheirSpellcastingAbility() {
        assertThat(RULES.characterClass("Wizard").orElseThrow().spellcastingAbility()).contains(Ability.INT);
        assertThat(RULES.characterClass("Cleric").orElseThrow().spellcastingAbility()).contains(Ability.WIS);
        assertThat(RULES.characterClass("Fighter").orElseThrow().spellcastingAbility()).isEmpty();
        CharacterClass fighter = RULES.characterClass("fighter").orElseThrow();
        assertThat(fighter.hitDie()).isEqualTo(10);
        assertThat(fighter.savingThrows()).containsExactly(Ability.STR, Ability.CON);
        assertThat(fighter.level(1).features()).contains("Second Wind");
        assertThat(fighter.level(4).abilityScoreImprovements()).isEqualTo(1);
        assertThat(fighter.startingEquipment().defaults()).isNotEmpty();
    }

    @Test
    void monster_goblin_hasItsStatBlock() {
        Monster goblin = RULES.monster("goblin").orElseThrow();
        assertThat(goblin.armorClass()).isEqualTo(15);
        assertThat(goblin.hitPoints()).isEqualTo(7);
        assertThat(goblin.hitDice()).isEqualTo("2d6");
        assertThat(goblin.speed()).containsEntry("walk", 30);
        assertThat(goblin.abilities().dex()).isEqualTo(14);
        assertThat(goblin.skills()).containsEntry("Stealth", 6);
        assertThat(goblin.challenge()).isEqualTo("1/4");
        assertThat(goblin.xp()).isEqualTo(50);
        Monster.Action scimitar = goblin.action("scimitar").orElseThrow();
        assertThat(scimitar.attackBonus()).contains(4);
        assertThat(scimitar.damage()).containsExactly(new Damage("1d6", 2, "slashing"));
    }

    @Test
    void monster_pluralOrAnyCase_findsTheMonster() {
        assertThat(RULES.monster("Goblins")).map(Monster::name).contains("Goblin");
        assertThat(RULES.monster("wolves")).map(Monster::name).contains("Wolf");
        assertThat(RULES.monster("ADULT RED DRAGON")).map(Monster::name).contains("Adult Red Dragon");
        assertThat(RULES.monster("nothing like it")).isEmpty();
    }

    @Test
    void monster_resistancesSavesAndLegendaryActions_areRead() {
        Monster dragon = RULES.monster("Adult Red Dragon").orElseThrow();
        assertThat(dragon.immunities()).containsExactly("fire");
        assertThat(dragon.saveBonus(Ability.DEX)).isEqualTo(6);
        assertThat(dragon.saveBonus(Ability.STR)).isEqualTo(dragon.abilities().modifier(Ability.STR));
        assertThat(dragon.legendaryActions()).isNotEmpty();
        Monster.Action breath = dragon.action("Fire Breath (Recharge 5-6)").orElseThrow();
        assertThat(breath.save()).contains(new SaveDc(Ability.DEX, 21, "half"));
        assertThat(breath.attackBonus()).isEmpty();
        assertThat(RULES.monster("Zombie").orElseThrow().conditionImmunities()).contains("Poisoned");
    }

    @Test
    void spell_fireball_hasLevelSchoolAndSaveReadFromItsText() {
        Spell fireball = RULES.spell("fireball").orElseThrow();
        assertThat(fireball.level()).isEqualTo(3);
        assertThat(fireball.school()).isEqualTo("Evocation");
        assertThat(fireball.range()).isEqualTo("150 feet");
        assertThat(fireball.components()).containsExactly("V", "S", "M");
        assertThat(fireball.save()).contains(Ability.DEX);
        assertThat(fireball.halfOnSave()).isTrue();
        assertThat(fireball.damage()).first().isEqualTo(new Damage("8d6", 0, "fire"));
        assertThat(fireball.higherLevels()).contains("1d6 for each slot level above 3rd");
        assertThat(fireball.classes()).contains("Wizard", "Sorcerer");
        assertThat(RULES.spell("Bless").orElseThrow().concentration()).isTrue();
        assertThat(RULES.spell("Fire Bolt").orElseThrow().attack()).contains("ranged");
    }

    @Test
    void items_weaponsAndArmor_carryTheirNumbers() {
        Item.Weapon longsword = RULES.item("longsword").orElseThrow().weapon().orElseThrow();
        assertThat(longsword.damage()).isEqualTo(new Damage("1d8", 0, "slashing"));
        assertThat(longsword.versatile()).isTrue();
        assertThat(longsword.twoHanded()).contains(new Damage("1d10", 0, "slashing"));
        Item.Weapon dagger = RULES.item("Dagger").orElseThrow().weapon().orElseThrow();
        assertThat(dagger.finesse()).isTrue();
        assertThat(dagger.thrown()).isTrue();
        assertThat(dagger.throwRange()).containsExactly(20, 60);
        Item.Weapon longbow = RULES.item("Longbow").orElseThrow().weapon().orElseThrow();
        assertThat(longbow.ranged()).isTrue();
        assertThat(longbow.longRange()).contains(600);
        Item.Armor chain = RULES.item("Chain Mail").orElseThrow().armor().orElseThrow();
        assertThat(chain.armorClass(3)).isEqualTo(16);
        assertThat(chain.stealthDisadvantage()).isTrue();
        assertThat(RULES.item("Studded Leather").orElseThrow().armor().orElseThrow().armorClass(3)).isEqualTo(15);
        assertThat(RULES.item("Shield").orElseThrow().armor().orElseThrow().shield()).isTrue();
        assertThat(RULES.item("Explorer's Pack").orElseThrow().contents()).contains("10 Torch");
    }

    @Test
    void race_subrace_mergesItsParentsBonusesAndTraits() {
        Race hillDwarf = RULES.race("hill dwarf").orElseThrow();
        assertThat(hillDwarf.parent()).contains("Dwarf");
        assertThat(hillDwarf.abilityBonuses()).containsEntry(Ability.CON, 2).containsEntry(Ability.WIS, 1);
        assertThat(hillDwarf.speed()).isEqualTo(30); // as the package has it (the printed SRD says 25)
        assertThat(hillDwarf.traits()).contains("Darkvision", "Dwarven Toughness");
        assertThat(RULES.race("half orc").orElseThrow().name()).isEqualTo("Half-Orc");
        assertThat(RULES.race("Half-Elf").orElseThrow().bonusChoices()).isEqualTo(2);
    }

    @Test
    void conditionsSkillsFeatures_areFoundByName() {
        assertThat(RULES.condition("prone").orElseThrow().effects()).isNotEmpty();
        assertThat(RULES.skill("Stealth").orElseThrow().ability()).isEqualTo(Ability.DEX);
        assertThat(RULES.feature("Barbarian", "Rage").orElseThrow().level()).isEqualTo(1);
        assertThat(RULES.features("Extra Attack")).extracting(Feature::className).contains("Paladin", "Ranger");
        assertThat(RULES.damageType("fire")).isPresent();
    }

    @Test
    void load_concurrentFirstUse_loadsOnceAndEveryoneSeesTheData() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        SrdRulebook rules = new SrdRulebook(() -> {
            loads.incrementAndGet();
            return new SrdParser().parse();
        });
        assertThat(rules.loaded()).isFalse();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = java.util.stream.IntStream.range(0, 4).mapToObj(i -> Thread.ofPlatform().start(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(rules.spells()).hasSize(319);
        })).toList();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(loads).hasValue(1);
        assertThat(rules.loaded()).isTrue();
    }

    @Test
    void load_failingSource_throwsAndRetriesOnNextUse() {
        AtomicInteger calls = new AtomicInteger();
        SrdRulebook rules = new SrdRulebook(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the SRD data is missing");
            }
            return new SrdParser().parse();
        });
        assertThatThrownBy(rules::load).hasMessageContaining("missing");
        assertThat(rules.search("goblin", Set.of(), 1)).isNotEmpty();
    }

    @Test
    void challengeRating_parseAndXp_followTheSrdTable() {
        assertThat(ChallengeRating.parse("1/4")).isEqualTo(0.25);
        assertThat(ChallengeRating.xp(ChallengeRating.parse("5"))).isEqualTo(1800);
        assertThatThrownBy(() -> ChallengeRating.parse("1/3")).hasMessageContaining("not a challenge rating");
        assertThatThrownBy(() -> ChallengeRating.parse("x")).hasMessageContaining("'x'");
    }
}
