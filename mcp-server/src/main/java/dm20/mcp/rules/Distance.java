package dm20.mcp.rules;

/** Edit distance (Levenshtein) with an early exit. Stateless. */
final class Distance {

    private Distance() {
    }

    /** The edit distance between {@code a} and {@code b}, or {@code max + 1} once it must exceed {@code max}. */
    static int bounded(String a, String b, int max) {
        return bounded(a, b, max, new int[b.length() + 1], new int[b.length() + 1]);
    }

    /**
     * As {@link #bounded(String, String, int)}, with caller-owned rows of at least {@code b.length() + 1}
     * entries, so a scan over many terms allocates nothing.
     */
    static int bounded(String a, String b, int max, int[] prev, int[] cur) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], max + 1);
    }
}
