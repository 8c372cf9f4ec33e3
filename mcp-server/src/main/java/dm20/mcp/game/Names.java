package dm20.mcp.game;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds things by id or by case-insensitive name, and says "did you mean …" when nothing matches.
 * Stateless.
 */
public final class Names {

    private Names() {
    }

    /**
     * The item whose id equals {@code query} or whose name equals it ignoring case.
     *
     * @param kind what is looked up, for the message ("character", "player")
     * @throws GameException naming the closest match, or listing what exists
     */
    public static <T> T find(String kind, String query, Collection<T> items, Function<T, String> id,
                             Function<T, String> name) {
        return lookup(query, items, id, name).orElseThrow(() -> new GameException(
                notFound(kind, query, items.stream().map(name).toList())));
    }

    /** The item whose id equals {@code query} or whose name equals it ignoring case, if any. */
    public static <T> Optional<T> lookup(String query, Collection<T> items, Function<T, String> id,
                                         Function<T, String> name) {
        String q = query.strip();
        return items.stream().filter(i -> id.apply(i).equals(q)).findFirst()
                .or(() -> items.stream().filter(i -> name.apply(i).equalsIgnoreCase(q)).findFirst());
    }

    /** "no character named 'Thorn' — did you mean 'Thorin'?" or a list of the known names. */
    public static String notFound(String kind, String query, List<String> known) {
        String base = "no " + kind + " named '" + query + "'";
        Optional<String> close = closest(query, known);
        if (close.isPresent()) {
            return base + " — did you mean '" + close.get() + "'?";
        }
        return known.isEmpty() ? base + "; there are none yet" : base + "; known: " + String.join(", ", known);
    }

    /** The known name closest to {@code query}, if it is close enough to be a likely typo. */
    public static Optional<String> closest(String query, List<String> known) {
        String q = query.toLowerCase(Locale.ROOT).strip();
        int limit = Math.max(2, q.length() / 3);
        return known.stream()
                .filter(k -> {
                    String l = k.toLowerCase(Locale.ROOT);
                    return l.startsWith(q) || q.startsWith(l) || distance(q, l) <= limit;
                })
                .min(Comparator.comparingInt(k -> distance(q, k.toLowerCase(Locale.ROOT))));
    }

    /** Names as a sentence lists them: "A", "A and B", "A, B and C". */
    public static String joined(List<String> names) {
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    /** A lowercase slug of letters, digits and dashes ("Thorin Oakenshield" → "thorin-oakenshield"). */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "x" : s;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
