package dm20.mcp.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How conditions tick as turns pass, as pure functions. When the turn passes from A to B, A's turn ends
 * (conditions ending at the end of A's next turn expire if that turn has started since they were applied;
 * A rolls the saves that end its save-ends conditions), then B's turn starts (conditions ending at the start
 * of B's next turn expire; B's round counters go down and expire at 0; conditions ending at the end of B's
 * next turn are armed).
 */
final class ConditionClock {

    /**
     * The conditions after a tick, and those that ended.
     *
     * @param saved  the subset of {@code ended} that ended by a successful save
     */
    record Tick(List<ActiveCondition> remaining, List<ActiveCondition> ended, List<ActiveCondition> saved) {
    }

    private ConditionClock() {
    }

    /** {@code combatantId}'s turn ended; {@code saveSucceeds} rolls (and announces) a repeat save. */
    static Tick turnEnded(List<ActiveCondition> all, String combatantId, Predicate<ActiveCondition> saveSucceeds) {
        List<ActiveCondition> remaining = new ArrayList<>();
        List<ActiveCondition> ended = new ArrayList<>();
        List<ActiveCondition> saved = new ArrayList<>();
        for (ActiveCondition c : all) {
            boolean expires = c.ending().kind() == Ending.Kind.END_OF_SOURCE_NEXT_TURN
                    && c.clockId().equals(combatantId) && c.armed();
            boolean saves = !expires && c.ending().kind() == Ending.Kind.SAVE_ENDS
                    && c.targetId().equals(combatantId) && saveSucceeds.test(c);
            if (saves) {
                saved.add(c);
            }
            (expires || saves ? ended : remaining).add(c);
        }
        return new Tick(remaining, ended, saved);
    }

    /** {@code combatantId}'s turn started. */
    static Tick turnStarted(List<ActiveCondition> all, String combatantId) {
        List<ActiveCondition> remaining = new ArrayList<>();
        List<ActiveCondition> ended = new ArrayList<>();
        for (ActiveCondition c : all) {
            if (!c.clockId().equals(combatantId)) {
                remaining.add(c);
                continue;
            }
            switch (c.ending().kind()) {
                case START_OF_SOURCE_NEXT_TURN -> ended.add(c);
                case ROUNDS -> {
                    int left = c.ending().rounds() - 1;
                    if (left <= 0) {
                        ended.add(c);
                    } else {
                        remaining.add(c.withEnding(c.ending().withRounds(left)));
                    }
                }
                case END_OF_SOURCE_NEXT_TURN -> remaining.add(c.arm());
                case SAVE_ENDS, UNTIL_REMOVED -> remaining.add(c);
            }
        }
        return new Tick(remaining, ended, List.of());
    }
}
