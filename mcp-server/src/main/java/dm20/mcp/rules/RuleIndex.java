package dm20.mcp.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full-text index behind {@link Rulebook#search}: names and texts of every entry, tokenized to
 * lowercase words. A query word matches a term exactly, as a prefix (3+ letters) or within a small edit
 * distance (typos); a name match weighs far more than a text match, text matches weigh by rarity (IDF),
 * and the whole query close to a whole name (exact, prefix, substring, or a typo away) ranks that entry
 * first. A misspelled word must keep one of its first two letters in the first two places (nearly every
 * typo does), which spares the edit-distance computation for most of the vocabulary. Immutable after construction, thread-safe; a query allocates only its own score arrays.
 */
final class RuleIndex {

    /** One searchable entry. */
    record Entry(RuleKind kind, String name, String summary, String text) {
    }

    private static final double NAME_WEIGHT = 10;
    private static final int MAX_PREFIX_TERMS = 64;

    private final Entry[] entries;
    private final String[] nameKeys;
    private final Map<String, int[]> namePostings;
    private final Map<String, int[]> textPostings;
    private final String[] sortedTerms;
    private final String[][] termsByLength;

    RuleIndex(List<Entry> list) {
        entries = list.toArray(Entry[]::new);
        nameKeys = list.stream().map(e -> Json.key(e.name())).toArray(String[]::new);
        Map<String, Postings> names = new HashMap<>();
        Map<String, Postings> texts = new HashMap<>();
        for (int i = 0; i < entries.length; i++) {
            int entry = i;
            forEachToken(entries[i].name(), t -> names.computeIfAbsent(t, x -> new Postings()).add(entry));
            forEachToken(entries[i].text(), t -> texts.computeIfAbsent(t, x -> new Postings()).add(entry));
        }
        namePostings = freeze(names);
        textPostings = freeze(texts);
        Set<String> vocabulary = new java.util.HashSet<>(names.keySet());
        vocabulary.addAll(texts.keySet());
        sortedTerms = vocabulary.toArray(String[]::new);
        Arrays.sort(sortedTerms);
        int longest = vocabulary.stream().mapToInt(String::length).max().orElse(0);
        List<List<String>> byLength = new ArrayList<>();
        for (int i = 0; i <= longest; i++) {
            byLength.add(new ArrayList<>());
        }
        for (String t : sortedTerms) {
            byLength.get(t.length()).add(t);
        }
        termsByLength = byLength.stream().map(l -> l.toArray(String[]::new)).toArray(String[][]::new);
    }

    int size() {
        return entries.length;
    }

    /** The best {@code limit} entries of the given kinds (all if empty) for {@code query}, best first. */
    List<SearchHit> search(String query, Set<RuleKind> kinds, int limit) {
        List<String> words = tokens(query);
        String key = Json.key(query);
        if (key.isEmpty() || limit <= 0) {
            return List.of();
        }
        double[] score = new double[entries.length];
        int[] covered = new int[entries.length];
        for (String word : words) {
            scoreWord(word, score, covered);
        }
        int[] prev = new int[key.length() + 5];
        int[] cur = new int[key.length() + 5];
        for (int i = 0; i < entries.length; i++) {
            if (score[i] > 0 && !words.isEmpty()) {
                double coverage = (double) covered[i] / words.size();
                score[i] *= coverage * coverage;
            }
            score[i] += nameBonus(key, nameKeys[i], prev, cur);
        }
        return top(score, kinds, limit);
    }

    private void scoreWord(String word, double[] score, int[] covered) {
        double[] nameBest = new double[entries.length];
        double[] textBest = new double[entries.length];
        for (Map.Entry<String, Double> m : expand(word).entrySet()) {
            int[] n = namePostings.get(m.getKey());
            if (n != null) {
                for (int i : n) {
                    nameBest[i] = Math.max(nameBest[i], m.getValue() * NAME_WEIGHT);
                }
            }
            int[] t = textPostings.get(m.getKey());
            if (t != null) {
                double idf = Math.log(1 + (double) entries.length / t.length);
                for (int i : t) {
                    textBest[i] = Math.max(textBest[i], m.getValue() * idf);
                }
            }
        }
        for (int i = 0; i < entries.length; i++) {
            double s = nameBest[i] + textBest[i];
            if (s > 0) {
                score[i] += s;
                covered[i]++;
            }
        }
    }

    /** The vocabulary terms a query word stands for, with how well each matches (1 = exact). */
    private Map<String, Double> expand(String word) {
        Map<String, Double> out = new HashMap<>();
        if (word.length() >= 3) {
            int from = Arrays.binarySearch(sortedTerms, word);
            int i = from >= 0 ? from + 1 : -from - 1;
            for (int n = 0; i < sortedTerms.length && n < MAX_PREFIX_TERMS && sortedTerms[i].startsWith(word); i++, n++) {
                out.put(sortedTerms[i], 0.7);
            }
        }
        int k = typos(word.length());
        if (k > 0) {
            int[] prev = new int[word.length() + k + 2];
            int[] cur = new int[word.length() + k + 2];
            char w0 = word.charAt(0);
            char w1 = word.charAt(1);
            for (int len = Math.max(2, word.length() - k); len <= word.length() + k && len < termsByLength.length; len++) {
                for (String t : termsByLength[len]) {
                    char t0 = t.charAt(0);
                    char t1 = t.charAt(1);
                    // A typo rarely spares neither of the first two letters; this skips most terms unread.
                    if (t0 != w0 && t0 != w1 && t1 != w0 && t1 != w1) {
                        continue;
                    }
                    int d = Distance.bounded(word, t, k, prev, cur);
                    if (d > 0 && d <= k) {
                        out.merge(t, d == 1 ? 0.6 : 0.4, Math::max);
                    }
                }
            }
        }
        if (textPostings.containsKey(word) || namePostings.containsKey(word)) {
            out.put(word, 1.0);
        }
        return out;
    }

    /** Edits a word of this length may contain and still match. */
    private static int typos(int length) {
        return length >= 8 ? 2 : length >= 4 ? 1 : 0;
    }

    /** A bonus for the whole query against a whole name, dwarfing any word score. */
    private static double nameBonus(String key, String name, int[] prev, int[] cur) {
        if (name.equals(key)) {
            return 1000;
        }
        if (name.startsWith(key) && key.length() >= 3) {
            return 300 + 100.0 * key.length() / name.length();
        }
        if (name.contains(key) && key.length() >= 4) {
            return 150 + 50.0 * key.length() / name.length();
        }
        int k = key.length() <= 4 ? 1 : key.length() <= 8 ? 2 : 3;
        if (Math.abs(name.length() - key.length()) <= k) {
            int d = Distance.bounded(key, name, k, prev, cur);
            if (d <= k) {
                return 250 - 50.0 * d;
            }
        }
        return 0;
    }

    private List<SearchHit> top(double[] score, Set<RuleKind> kinds, int limit) {
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            if (score[i] > 0 && (kinds.isEmpty() || kinds.contains(entries[i].kind()))) {
                hits.add(i);
            }
        }
        hits.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a])
                : a.equals(b) ? 0 : Integer.compare(entries[a].name().length(), entries[b].name().length()) != 0
                ? Integer.compare(entries[a].name().length(), entries[b].name().length()) : Integer.compare(a, b));
        return hits.stream().limit(limit).map(i -> new SearchHit(entries[i].kind(), entries[i].name(),
                entries[i].summary(), Math.round(score[i] * 100) / 100.0)).toList();
    }

    /** Lowercase words of letters and digits, at least two characters, each once. */
    static List<String> tokens(String text) {
        Set<String> out = new LinkedHashSet<>();
        forEachToken(text, out::add);
        return List.copyOf(out);
    }

    /** Each lowercase word of letters and digits (two characters or more) in order, repeats included. */
    private static void forEachToken(String text, java.util.function.Consumer<String> sink) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            } else if (c != '\'' && c != '’') {
                if (b.length() >= 2) {
                    sink.accept(b.toString());
                }
                b.setLength(0);
            }
        }
    }

    /** A growing list of entry numbers, each once (entries are added in order). */
    private static final class Postings {
        private int[] ids = new int[4];
        private int size;

        void add(int entry) {
            if (size > 0 && ids[size - 1] == entry) {
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = entry;
        }

        int[] toArray() {
            return Arrays.copyOf(ids, size);
        }
    }

    private static Map<String, int[]> freeze(Map<String, Postings> postings) {
        Map<String, int[]> out = new HashMap<>(postings.size() * 2);
        postings.forEach((t, p) -> out.put(t, p.toArray()));
        return java.util.Collections.unmodifiableMap(out);
    }
}
