package dm20.mcp.engine;

import dm20.mcp.game.GameException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Encounter building by the 5e rules: each character's XP thresholds by level, the monsters' XP times a
 * multiplier for their number (shifted one step for parties under three or over five), and suggestions of
 * monster groups from the rules data whose adjusted XP lands in the asked difficulty's band. Stateless.
 */
public final class Encounters {

    /** Difficulty bands. */
    public enum Difficulty { EASY, MEDIUM, HARD, DEADLY }

    /**
     * XP thresholds per character by level (easy, medium, hard, deadly), the 5e encounter-building table;
     * a rule (like the proficiency bonus), not SRD content, so it lives here.
     */
    private static final int[][] THRESHOLDS = {
            {25, 50, 75, 100}, {50, 100, 150, 200}, {75, 150, 225, 400}, {125, 250, 375, 500},
            {250, 500, 750, 1100}, {300, 600, 900, 1400}, {350, 750, 1100, 1700}, {450, 900, 1400, 2100},
            {550, 1100, 1600, 2400}, {600, 1200, 1900, 2800}, {800, 1600, 2400, 3600}, {1000, 2000, 3000, 4500},
            {1100, 2200, 3400, 5100}, {1250, 2500, 3800, 5700}, {1400, 2800, 4300, 6400}, {1600, 3200, 4800, 7200},
            {2000, 3900, 5900, 8800}, {2100, 4200, 6300, 9500}, {2400, 4900, 7300, 10900}, {2800, 5700, 8500, 12700}};
    private static final double[] MULTIPLIERS = {0.5, 1, 1.5, 2, 2.5, 3, 4, 5};

    /**
     * One suggested group.
     *
     * @param adjustedXp the group's XP times the multiplier, what the difficulty is judged by
     * @param xp         the XP the party earns for defeating it
     */
    public record Suggestion(String monster, int count, String cr, String type, int xp, int adjustedXp,
                             String difficulty) {
    }

    /**
     * The plan.
     *
     * @param thresholds the party's total thresholds, easy to deadly
     * @param budget     the asked difficulty's threshold (the band runs up to the next one)
     */
    public record Plan(int partySize, List<Integer> levels, String difficulty, List<Integer> thresholds, int budget,
                       List<Suggestion> suggestions, String note) {
    }

    private final Compendium compendium;

    Encounters(Compendium compendium) {
        this.compendium = compendium;
    }

    /** Suggests up to {@code limit} groups for a party of {@code levels}, optionally of one creature type. */
    public Plan build(List<Integer> levels, Difficulty difficulty, Optional<String> type, int limit) {
        if (levels.isEmpty() || levels.size() > 12) {
            throw new GameException("a party has 1..12 characters, got " + levels.size());
        }
        levels.stream().filter(l -> l < 1 || l > 20).findFirst().ifPresent(l -> {
            throw new GameException("character levels are 1..20, got " + l);
        });
        int[] totals = new int[4];
        levels.forEach(l -> {
            for (int i = 0; i < 4; i++) {
                totals[i] += THRESHOLDS[l - 1][i];
            }
        });
        int band = difficulty.ordinal();
        int low = totals[band];
        int high = band == 3 ? totals[3] * 2 : totals[band + 1] - 1;
        Optional<String> wanted = type.map(t -> t.strip().toLowerCase(Locale.ROOT));
        List<Suggestion> found = new ArrayList<>();
        for (StatBlock b : compendium.monsters()) {
            if (b.xp() <= 0 || wanted.filter(w -> !b.type().contains(w)).isPresent()) {
                continue;
            }
            for (int n = 1; n <= 12; n++) {
                int adjusted = (int) Math.round(b.xp() * n * multiplier(n, levels.size()));
                if (adjusted > high) {
                    break;
                }
                if (adjusted >= low) {
                    found.add(new Suggestion(b.name(), n, cr(b.cr()), b.type(), b.xp() * n, adjusted,
                            difficulty.name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        int middle = (low + Math.min(high, low * 2)) / 2;
        List<Suggestion> best = found.stream()
                .sorted(Comparator.comparingInt((Suggestion s) -> Math.abs(s.count() - Math.max(1, levels.size() / 2 + 1)))
                        .thenComparingInt(s -> Math.abs(s.adjustedXp() - middle)))
                .limit(Math.max(1, limit)).toList();
        String note = compendium.monsters().isEmpty() ? "no monster data is loaded; only the thresholds are given"
                : best.isEmpty() ? "no single kind of monster fits this band" + type.map(t -> " for type '" + t + "'")
                .orElse("") : "adjusted XP = XP × a multiplier for the number of monsters; the party earns the plain XP";
        return new Plan(levels.size(), List.copyOf(levels), difficulty.name().toLowerCase(Locale.ROOT),
                List.of(totals[0], totals[1], totals[2], totals[3]), low, best, note);
    }

    /** The encounter multiplier for {@code monsters} against a party of {@code partySize}. */
    static double multiplier(int monsters, int partySize) {
        int step = monsters <= 1 ? 1 : monsters == 2 ? 2 : monsters <= 6 ? 3 : monsters <= 10 ? 4 : monsters <= 14 ? 5 : 6;
        if (partySize < 3) {
            step++;
        } else if (partySize > 5) {
            step--;
        }
        return MULTIPLIERS[Math.max(0, Math.min(MULTIPLIERS.length - 1, step))];
    }

    /** "1/8", "1/4", "1/2" or the whole number. */
    static String cr(double cr) {
        if (cr > 0 && cr < 1) {
            return "1/" + Math.round(1 / cr);
        }
        return String.valueOf((int) cr);
    }

    /** A difficulty by name. @throws GameException for another word */
    public static Difficulty difficulty(String text) {
        try {
            return Difficulty.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GameException("difficulty must be easy, medium, hard or deadly, got '" + text + "'");
        }
    }
}
