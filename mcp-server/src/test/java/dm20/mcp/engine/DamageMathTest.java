package dm20.mcp.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DamageMathTest {

    private static final StatBlock.Defenses WIGHTISH = new StatBlock.Defenses(List.of("necrotic",
            "slashing (nonmagical)", "fire"), List.of("poison"), List.of("fire", "radiant"), List.of("poisoned"));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"1d8+3, 2d8+3", "2d6, 4d6", "d20+1d4-1, 2d20+2d4-1", "5, 5", "1d10+1d6+2, 2d10+2d6+2"})
    void critical_doublesEveryDieCountButNoConstant(String notation, String expected) {
        assertThat(DamageMath.critical(notation)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} magical={2} → {3}")
    @CsvSource({"7, necrotic, false, 3", "7, slashing, false, 3", "7, slashing, true, 7", "9, poison, false, 0",
            "9, radiant, false, 18", "9, fire, false, 9", "9, cold, false, 9", "0, radiant, false, 0"})
    void afterDefenses_resistHalvesDownImmuneZeroVulnerableDoubles_bothCancel(int amount, String type,
                                                                              boolean magical, int expected) {
        assertThat(DamageMath.afterDefenses(amount, type, magical, WIGHTISH)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "half of {0} = {1}")
    @CsvSource({"9, 4", "8, 4", "1, 0", "0, 0"})
    void half_roundsDown(int amount, int expected) {
        assertThat(DamageMath.half(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} damage → DC {1}")
    @CsvSource({"1, 10", "19, 10", "21, 10", "22, 11", "30, 15", "45, 22"})
    void concentrationDc_isTenOrHalfTheDamage_whicheverIsHigher(int damage, int dc) {
        assertThat(DamageMath.concentrationDc(damage)).isEqualTo(dc);
    }

    @Test
    void defenseWord_namesTheRuleThatApplied() {
        assertThat(DamageMath.defenseWord("poison", false, WIGHTISH)).isEqualTo("immune");
        assertThat(DamageMath.defenseWord("necrotic", false, WIGHTISH)).isEqualTo("resisted");
        assertThat(DamageMath.defenseWord("radiant", false, WIGHTISH)).isEqualTo("vulnerable");
        assertThat(DamageMath.defenseWord("fire", false, WIGHTISH)).isEmpty();
    }
}
