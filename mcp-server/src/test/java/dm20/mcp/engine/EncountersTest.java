package dm20.mcp.engine;

import dm20.mcp.game.GameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncountersTest {

    private final Encounters encounters = new Encounters(new SampleCompendium());

    @ParameterizedTest(name = "{0} monsters vs {1} PCs → ×{2}")
    @CsvSource({"1, 4, 1", "2, 4, 1.5", "3, 4, 2", "6, 4, 2", "7, 4, 2.5", "11, 4, 3", "15, 4, 4",
            "1, 2, 1.5", "3, 2, 2.5", "1, 6, 0.5", "2, 6, 1", "15, 2, 5"})
    void multiplier_followsTheGroupSizeTable_shiftedForSmallAndLargeParties(int monsters, int party, double x) {
        assertThat(Encounters.multiplier(monsters, party)).isEqualTo(x);
    }

    @Test
    void build_mixedLevels_sumsEachCharactersThresholds() {
        Encounters.Plan plan = encounters.build(List.of(1, 3, 5), Encounters.Difficulty.DEADLY, Optional.empty(), 3);

        assertThat(plan.thresholds()).containsExactly(25 + 75 + 250, 50 + 150 + 500, 75 + 225 + 750,
                100 + 400 + 1100);
        assertThat(plan.budget()).isEqualTo(1600);
        assertThat(plan.suggestions()).allSatisfy(s -> assertThat(s.adjustedXp()).isBetween(1600, 3200));
    }

    @Test
    void build_byType_suggestsOnlyThatType() {
        Encounters.Plan plan = encounters.build(List.of(3, 3, 3, 3), Encounters.Difficulty.MEDIUM,
                Optional.of("undead"), 10);

        assertThat(plan.suggestions()).isNotEmpty().allSatisfy(s -> assertThat(s.type()).isEqualTo("undead"));
    }

    @Test
    void build_badLevel_isRejected() {
        assertThatThrownBy(() -> encounters.build(List.of(0), Encounters.Difficulty.EASY, Optional.empty(), 3))
                .isInstanceOf(GameException.class).hasMessageContaining("1..20");
    }
}
