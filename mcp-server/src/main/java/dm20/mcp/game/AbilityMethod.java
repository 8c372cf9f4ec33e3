package dm20.mcp.game;

import dm20.mcp.rules.Ability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a new character's ability scores are made, before racial bonuses: given by the DM, the standard
 * array (15, 14, 13, 12, 10, 8), point buy (27 points, scores 8–15), or rolled (4d6, drop the lowest, six
 * times). Where scores are not assigned by the DM they go to the class's saving-throw abilities first, then
 * CON, DEX, and the rest in STR…CHA order.
 */
public enum AbilityMethod {
    GIVEN, STANDARD_ARRAY, POINT_BUY, ROLLED;

    static final List<Integer> STANDARD = List.of(15, 14, 13, 12, 10, 8);
    static final int POINT_BUDGET = 27;
    private static final Map<Integer, Integer> POINT_COST = Map.of(8, 0, 9, 1, 10, 2, 11, 3, 12, 4, 13, 5, 14, 7, 15, 9);

    /** A method from its name ("standard array", "point-buy", "rolled"). @throws GameException otherwise */
    public static AbilityMethod parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (t) {
            case "given", "manual" -> GIVEN;
            case "standard_array", "standard", "array" -> STANDARD_ARRAY;
            case "point_buy", "points" -> POINT_BUY;
            case "rolled", "roll", "4d6" -> ROLLED;
            default -> throw new GameException("unknown ability_method '" + text
                    + "'; use standard_array, point_buy or rolled (or omit it and give abilities)");
        };
    }

    /** The scores and how they were made (rolls shown), before racial bonuses. */
    record Scores(Map<Ability, Integer> scores, List<String> notes) {
    }

    /**
     * The base scores for a character whose class saves with {@code saves}.
     *
     * @param given scores the DM gave, by lowercase key ("str"); may be partial for GIVEN (10 elsewhere)
     * @throws GameException when the given scores do not fit the method (the message says why)
     */
    Scores scores(Map<String, Integer> given, List<Ability> saves, DiceRoller dice) {
        Map<Ability, Integer> parsed = parse(given);
        return switch (this) {
            case GIVEN -> {
                Map<Ability, Integer> out = new EnumMap<>(Ability.class);
                for (Ability a : Ability.values()) {
                    out.put(a, parsed.getOrDefault(a, 10));
                }
                yield new Scores(out, List.of());
            }
            case STANDARD_ARRAY -> parsed.isEmpty()
                    ? new Scores(assign(STANDARD, saves), List.of("standard array assigned by the class's priorities"))
                    : new Scores(standard(parsed), List.of("standard array"));
            case POINT_BUY -> pointBuy(parsed);
            case ROLLED -> rolled(saves, dice);
        };
    }

    private static Map<Ability, Integer> standard(Map<Ability, Integer> parsed) {
        List<Integer> values = new ArrayList<>(parsed.values());
        values.sort(Comparator.reverseOrder());
        if (parsed.size() != 6 || !values.equals(STANDARD)) {
            throw new GameException("standard_array needs all six abilities given exactly the values 15, 14, 13, 12,"
                    + " 10, 8 once each, got " + show(parsed) + " (or omit abilities to assign them by class)");
        }
        return parsed;
    }

    private static Scores pointBuy(Map<Ability, Integer> parsed) {
        Map<Ability, Integer> out = new EnumMap<>(Ability.class);
        int spent = 0;
        for (Ability a : Ability.values()) {
            int score = parsed.getOrDefault(a, 8);
            Integer cost = POINT_COST.get(score);
            if (cost == null) {
                throw new GameException("point_buy scores are 8-15 before racial bonuses; " + a + " is " + score);
            }
            spent += cost;
            out.put(a, score);
        }
        if (spent > POINT_BUDGET) {
            throw new GameException("point_buy costs " + spent + " points, over the budget of " + POINT_BUDGET
                    + " (costs: 8=0, 9=1, 10=2, 11=3, 12=4, 13=5, 14=7, 15=9); got " + show(out));
        }
        return new Scores(out, List.of("point buy: " + spent + " of " + POINT_BUDGET + " points spent"));
    }

    private static Scores rolled(List<Ability> saves, DiceRoller dice) {
        List<Integer> totals = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Integer> four = new ArrayList<>(List.of(dice.face(6), dice.face(6), dice.face(6), dice.face(6)));
            List<Integer> sorted = new ArrayList<>(four);
            sorted.sort(Comparator.naturalOrder());
            int total = sorted.get(1) + sorted.get(2) + sorted.get(3);
            totals.add(total);
            shown.add(four + " drop " + sorted.get(0) + " = " + total);
        }
        List<Integer> ordered = new ArrayList<>(totals);
        ordered.sort(Comparator.reverseOrder());
        List<String> notes = new ArrayList<>();
        notes.add("rolled 4d6 drop lowest: " + String.join("; ", shown));
        notes.add("assigned highest first by the class's priorities");
        return new Scores(assign(ordered, saves), notes);
    }

    /** Values, highest first, to the class's save abilities, then CON, DEX, then STR…CHA. */
    static Map<Ability, Integer> assign(List<Integer> valuesHighFirst, List<Ability> saves) {
        List<Ability> order = new ArrayList<>(saves);
        for (Ability a : List.of(Ability.CON, Ability.DEX, Ability.STR, Ability.INT, Ability.WIS, Ability.CHA)) {
            if (!order.contains(a)) {
                order.add(a);
            }
        }
        Map<Ability, Integer> out = new EnumMap<>(Ability.class);
        for (int i = 0; i < 6; i++) {
            out.put(order.get(i), valuesHighFirst.get(i));
        }
        return out;
    }

    private static Map<Ability, Integer> parse(Map<String, Integer> given) {
        Map<Ability, Integer> out = new EnumMap<>(Ability.class);
        Map<String, Integer> copy = new HashMap<>(given);
        copy.forEach((k, v) -> out.put(Ability.parse(k).orElseThrow(() -> new GameException(
                "unknown ability '" + k + "' in abilities; use str, dex, con, int, wis, cha")), v));
        return out;
    }

    private static String show(Map<Ability, Integer> scores) {
        return scores.entrySet().stream().map(e -> e.getKey().key() + " " + e.getValue()).toList().toString();
    }
}
