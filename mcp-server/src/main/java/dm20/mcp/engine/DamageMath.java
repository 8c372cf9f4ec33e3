package dm20.mcp.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The arithmetic of damage, as pure functions. */
final class DamageMath {

    private static final Pattern DICE = Pattern.compile("(\\d*)[dD](\\d+)");

    private DamageMath() {
    }

    /**
     * Damage of one type after the target's defenses, applied to the total after every other modifier:
     * immunity makes it 0; resistance halves it, rounding down; vulnerability doubles it; resistance and
     * vulnerability together cancel out.
     *
     * @param magical whether the source is magical (resistances "from nonmagical attacks" then do not apply)
     */
    static int afterDefenses(int amount, String type, boolean magical, StatBlock.Defenses d) {
        if (amount <= 0) {
            return 0;
        }
        if (has(d.immunities(), type, magical)) {
            return 0;
        }
        boolean resists = has(d.resistances(), type, magical);
        boolean vulnerable = has(d.vulnerabilities(), type, magical);
        if (resists && !vulnerable) {
            return amount / 2;
        }
        return vulnerable && !resists ? amount * 2 : amount;
    }

    /** Which defense applies, in words, for the roll's label ("resisted", "immune", "vulnerable"), or "". */
    static String defenseWord(String type, boolean magical, StatBlock.Defenses d) {
        if (has(d.immunities(), type, magical)) {
            return "immune";
        }
        boolean resists = has(d.resistances(), type, magical);
        boolean vulnerable = has(d.vulnerabilities(), type, magical);
        return resists == vulnerable ? "" : resists ? "resisted" : "vulnerable";
    }

    /** A critical hit's dice: every die count doubled, constants unchanged ("1d8+3" → "2d8+3"). */
    static String critical(String notation) {
        Matcher m = DICE.matcher(notation);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = m.group(1).isEmpty() ? 1 : Integer.parseInt(m.group(1));
            m.appendReplacement(out, (2 * n) + "d" + m.group(2));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Half, rounded down (a successful save against a "half damage" effect). */
    static int half(int amount) {
        return Math.max(0, amount) / 2;
    }

    /** The concentration save's DC for {@code damage} taken: 10 or half the damage, whichever is higher. */
    static int concentrationDc(int damage) {
        return Math.max(10, damage / 2);
    }

    /** Adds a modifier to an expression: ("1d8", 3) → "1d8+3"; ("1d8", -1) → "1d8-1"; ("1d8", 0) → "1d8". */
    static String plus(String notation, int modifier) {
        return modifier == 0 ? notation : notation + (modifier > 0 ? "+" : "") + modifier;
    }

    private static boolean has(java.util.List<String> entries, String type, boolean magical) {
        for (String e : entries) {
            boolean nonmagicalOnly = e.endsWith("(nonmagical)");
            String t = nonmagicalOnly ? e.substring(0, e.indexOf('(')).strip() : e;
            if (t.equals(type) && !(nonmagicalOnly && magical)) {
                return true;
            }
        }
        return false;
    }
}
