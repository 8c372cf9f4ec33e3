package dm20.mcp.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * When a condition ends.
 *
 * @param kind        the rule
 * @param rounds      {@link Kind#ROUNDS}: rounds left, counted down at the start of the source's turn (the
 *                    target's when there is no source)
 * @param saveAbility {@link Kind#SAVE_ENDS}: the ability the target saves with at the end of each of its turns
 * @param dc          {@link Kind#SAVE_ENDS}: the save's DC
 */
public record Ending(Kind kind, int rounds, Optional<String> saveAbility, Optional<Integer> dc) {

    /** The ways a condition ends. */
    public enum Kind {
        /** After N rounds (at the start of the source's turn, N rounds on). */
        ROUNDS,
        /** At the end of the source's next turn (not the turn in which it was applied). */
        END_OF_SOURCE_NEXT_TURN,
        /** At the start of the source's next turn. */
        START_OF_SOURCE_NEXT_TURN,
        /** When the target succeeds on a save rolled at the end of each of its turns. */
        SAVE_ENDS,
        /** When the DM removes it (or its concentration ends). */
        UNTIL_REMOVED
    }

    public Ending {
        Objects.requireNonNull(kind, "kind");
        saveAbility = saveAbility == null ? Optional.empty() : saveAbility.map(a -> a.toUpperCase(Locale.ROOT));
        dc = dc == null ? Optional.empty() : dc;
        if (kind == Kind.ROUNDS && rounds < 1) {
            throw new IllegalArgumentException("a condition lasting rounds needs rounds of at least 1, got " + rounds);
        }
        if (kind == Kind.SAVE_ENDS && (saveAbility.isEmpty() || dc.isEmpty())) {
            throw new IllegalArgumentException("a condition that a save ends needs a save ability and a DC");
        }
    }

    public static Ending rounds(int n) {
        return new Ending(Kind.ROUNDS, n, Optional.empty(), Optional.empty());
    }

    public static Ending endOfSourceNextTurn() {
        return new Ending(Kind.END_OF_SOURCE_NEXT_TURN, 0, Optional.empty(), Optional.empty());
    }

    public static Ending startOfSourceNextTurn() {
        return new Ending(Kind.START_OF_SOURCE_NEXT_TURN, 0, Optional.empty(), Optional.empty());
    }

    public static Ending saveEnds(String ability, int dc) {
        return new Ending(Kind.SAVE_ENDS, 0, Optional.of(ability), Optional.of(dc));
    }

    public static Ending untilRemoved() {
        return new Ending(Kind.UNTIL_REMOVED, 0, Optional.empty(), Optional.empty());
    }

    /** The same ending with {@code n} rounds left. */
    Ending withRounds(int n) {
        return new Ending(kind, n, saveAbility, dc);
    }

    /** In words for the table, e.g. "end of Goblin's next turn"; empty for "until removed". */
    public Optional<String> describe(String sourceName) {
        return switch (kind) {
            case ROUNDS -> Optional.of(rounds == 1 ? "1 round left" : rounds + " rounds left");
            case END_OF_SOURCE_NEXT_TURN -> Optional.of("end of " + sourceName + "'s next turn");
            case START_OF_SOURCE_NEXT_TURN -> Optional.of("start of " + sourceName + "'s next turn");
            case SAVE_ENDS -> Optional.of("save ends (DC " + dc.orElseThrow() + " " + saveAbility.orElseThrow() + ")");
            case UNTIL_REMOVED -> Optional.empty();
        };
    }
}
