package dm20.mcp.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rolls dice expressions: sums of {@code NdM} terms and constants ({@code 1d20+5}, {@code 1d8+1d6+3},
 * {@code 2d6-1}), optionally with advantage or disadvantage on the expression's single d20. The random
 * source is injected so tests are repeatable. Not thread-safe unless the generator is.
 */
public final class DiceRoller {

    /** Advantage mode for a d20. */
    public enum Edge { NONE, ADVANTAGE, DISADVANTAGE }

    /**
     * A roll's outcome.
     *
     * @param dice     every face rolled (both d20s under advantage), negative terms' faces as rolled
     * @param kept     the d20 kept under advantage or disadvantage
     * @param modifier the sum of the constants
     */
    public record Roll(String notation, List<Integer> dice, Optional<Integer> kept, int modifier, int total) {
    }

    private static final Pattern TERM = Pattern.compile("([+-])?(?:(\\d*)[dD](\\d+)|(\\d+))");
    /** Blanks around a sign, dropped before parsing (compiled once: String.replaceAll compiles per call). */
    private static final Pattern SPACED_SIGN = Pattern.compile("\\s*([+-])\\s*");
    private static final int MAX_DICE = 100;
    private static final int MAX_SIDES = 1000;

    private final RandomGenerator random;

    public DiceRoller(RandomGenerator random) {
        this.random = random;
    }

    /** Rolls {@code notation}. @throws GameException for a malformed or oversized expression */
    public Roll roll(String notation, Edge edge) {
        String expr = SPACED_SIGN.matcher(notation.strip()).replaceAll("$1");
        Matcher m = TERM.matcher(expr);
        List<Integer> dice = new ArrayList<>();
        Optional<Integer> kept = Optional.empty();
        int total = 0;
        int modifier = 0;
        int pos = 0;
        int count = 0;
        while (pos < expr.length() && m.find(pos) && m.start() == pos && (pos == 0 || m.group(1) != null)) {
            int sign = "-".equals(m.group(1)) ? -1 : 1;
            if (m.group(4) != null) {
                modifier += sign * Integer.parseInt(m.group(4));
            } else {
                int n = m.group(2).isEmpty() ? 1 : Integer.parseInt(m.group(2));
                int sides = Integer.parseInt(m.group(3));
                check(notation, n, sides, count += n);
                if (edge != Edge.NONE && n == 1 && sides == 20 && kept.isEmpty()) {
                    int a = face(20);
                    int b = face(20);
                    dice.add(a);
                    dice.add(b);
                    kept = Optional.of(edge == Edge.ADVANTAGE ? Math.max(a, b) : Math.min(a, b));
                    total += sign * kept.get();
                } else {
                    for (int i = 0; i < n; i++) {
                        int f = face(sides);
                        dice.add(f);
                        total += sign * f;
                    }
                }
            }
            pos = m.end();
        }
        if (pos != expr.length() || expr.isEmpty()) {
            throw new GameException("cannot read dice expression '" + notation
                    + "'; use NdM±K terms joined by + or -, e.g. 1d20+5 or 1d8+1d6+3");
        }
        if (edge != Edge.NONE && kept.isEmpty()) {
            throw new GameException(edge.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs a single d20 in the expression, got '" + notation + "'");
        }
        return new Roll(expr, List.copyOf(dice), kept, modifier, total + modifier);
    }

    /** One face of a die with {@code sides} sides, 1..sides. */
    public int face(int sides) {
        return random.nextInt(1, sides + 1);
    }

    private static void check(String notation, int n, int sides, int count) {
        if (n < 1 || sides < 2 || sides > MAX_SIDES || count > MAX_DICE) {
            throw new GameException("dice expression '" + notation + "' is out of range: 1.." + MAX_DICE
                    + " dice in all, 2.." + MAX_SIDES + " sides");
        }
    }
}
