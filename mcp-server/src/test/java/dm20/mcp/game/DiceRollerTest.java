package dm20.mcp.game;

import dm20.mcp.game.DiceRoller.Edge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiceRollerTest {

    @Test
    void roll_sumOfTermsAndConstants_addsUp() {
        DiceRoller.Roll r = new DiceRoller(new ScriptedRandom().faces(5, 4, 2)).roll("1d8 + 1d6+3", Edge.NONE);
        assertThat(r.dice()).containsExactly(5, 4);
        assertThat(r.modifier()).isEqualTo(3);
        assertThat(r.total()).isEqualTo(12);
        r = new DiceRoller(new ScriptedRandom().faces(6, 1)).roll("2d6-1", Edge.NONE);
        assertThat(r.total()).isEqualTo(6);
    }

    @Test
    void roll_advantageAndDisadvantage_keepHigherOrLower() {
        DiceRoller.Roll adv = new DiceRoller(new ScriptedRandom().faces(3, 17)).roll("1d20+2", Edge.ADVANTAGE);
        assertThat(adv.dice()).containsExactly(3, 17);
        assertThat(adv.kept()).contains(17);
        assertThat(adv.total()).isEqualTo(19);
        DiceRoller.Roll dis = new DiceRoller(new ScriptedRandom().faces(3, 17)).roll("d20", Edge.DISADVANTAGE);
        assertThat(dis.total()).isEqualTo(3);
    }

    @Test
    void roll_manyRealRolls_stayInRange() {
        DiceRoller roller = new DiceRoller(new SplittableRandom(7));
        for (int i = 0; i < 1000; i++) {
            assertThat(roller.roll("3d6+1", Edge.NONE).total()).isBetween(4, 19);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "d", "1d", "2x6", "1d20++2", "1d20 5", "1d1", "101d6", "1d1001", "abc"})
    void roll_malformedOrOversized_isGameError(String expr) {
        assertThatThrownBy(() -> new DiceRoller(new SplittableRandom(1)).roll(expr, Edge.NONE))
                .isInstanceOf(GameException.class).hasMessageContaining(expr.isEmpty() ? "''" : expr);
    }

    @Test
    void roll_advantageWithoutD20_isGameError() {
        assertThatThrownBy(() -> new DiceRoller(new SplittableRandom(1)).roll("2d6", Edge.ADVANTAGE))
                .isInstanceOf(GameException.class).hasMessageContaining("needs a single d20");
    }
}
