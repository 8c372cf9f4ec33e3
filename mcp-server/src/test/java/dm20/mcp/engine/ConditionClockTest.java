package dm20.mcp.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Turn order in these tests: A, then B, then C; each pass is end(prev) then start(next). */
class ConditionClockTest {

    private static ActiveCondition on(String target, String source, Ending ending) {
        return new ActiveCondition("c1", "poisoned", target, Optional.ofNullable(source), ending, false, false,
                Optional.empty());
    }

    private static List<ActiveCondition> pass(List<ActiveCondition> all, String from, String to) {
        List<ActiveCondition> afterEnd = ConditionClock.turnEnded(all, from, c -> false).remaining();
        return ConditionClock.turnStarted(afterEnd, to).remaining();
    }

    @Test
    void endOfSourceNextTurn_appliedOnAnotherTurn_endsWhenTheSourcesNextTurnEnds() {
        List<ActiveCondition> all = List.of(on("C", "B", Ending.endOfSourceNextTurn()));

        all = pass(all, "A", "B");
        assertThat(all).hasSize(1);
        all = pass(all, "B", "C");
        assertThat(all).isEmpty();
    }

    @Test
    void endOfSourceNextTurn_appliedDuringTheSourcesTurn_survivesThatTurn() {
        List<ActiveCondition> all = List.of(on("C", "B", Ending.endOfSourceNextTurn()));

        all = pass(all, "B", "C");
        all = pass(all, "C", "A");
        all = pass(all, "A", "B");
        assertThat(all).hasSize(1);
        all = pass(all, "B", "C");
        assertThat(all).isEmpty();
    }

    @Test
    void startOfSourceNextTurn_endsAsTheSourcesTurnStarts() {
        List<ActiveCondition> all = List.of(on("C", "A", Ending.startOfSourceNextTurn()));

        all = pass(all, "A", "B");
        all = pass(all, "B", "C");
        assertThat(all).hasSize(1);
        assertThat(pass(all, "C", "A")).isEmpty();
    }

    @Test
    void rounds_countDownAtTheSourcesTurnStarts_andEndAtZero() {
        List<ActiveCondition> all = List.of(on("C", "A", Ending.rounds(2)));

        all = pass(all, "C", "A");
        assertThat(all.get(0).ending().rounds()).isEqualTo(1);
        all = pass(pass(all, "A", "B"), "B", "C");
        assertThat(all).hasSize(1);
        assertThat(pass(all, "C", "A")).isEmpty();
    }

    @Test
    void rounds_withoutASource_countOnTheTargetsTurns() {
        List<ActiveCondition> all = List.of(on("B", null, Ending.rounds(1)));

        assertThat(pass(all, "A", "B")).isEmpty();
    }

    @Test
    void saveEnds_rollsAtTheEndOfTheTargetsTurnOnly_andASuccessEndsIt() {
        List<ActiveCondition> all = List.of(on("B", "A", Ending.saveEnds("WIS", 13)));
        List<String> asked = new java.util.ArrayList<>();

        ConditionClock.Tick notYet = ConditionClock.turnEnded(all, "A", c -> asked.add(c.targetId()));
        ConditionClock.Tick failed = ConditionClock.turnEnded(all, "B", c -> false);
        ConditionClock.Tick saved = ConditionClock.turnEnded(all, "B", c -> true);

        assertThat(asked).isEmpty();
        assertThat(notYet.remaining()).hasSize(1);
        assertThat(failed.remaining()).hasSize(1);
        assertThat(saved.remaining()).isEmpty();
        assertThat(saved.saved()).hasSize(1);
    }

    @Test
    void untilRemoved_neverTicks() {
        List<ActiveCondition> all = List.of(on("B", "A", Ending.untilRemoved()));

        for (int i = 0; i < 6; i++) {
            all = pass(pass(pass(all, "A", "B"), "B", "C"), "C", "A");
        }
        assertThat(all).hasSize(1);
    }
}
