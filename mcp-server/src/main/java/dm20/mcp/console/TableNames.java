package dm20.mcp.console;

import dm20.mcp.tools.ToolInvoker;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the DM may type for a name at the console: the whole name in any case, quoted or not ({@code "Thorin
 * Ironfist"}), or a unique start of it or of one of its words ({@code Thorin}, {@code Iron}, {@code aldric}).
 * The names come from the tools (characters, players, the fighters in combat), read afresh for each command.
 * Also splits a command line into words, keeping quoted names whole. Stateless apart from the tools.
 */
final class TableNames {

    private final ToolInvoker tools;
    private final JsonMapper json;

    TableNames(ToolInvoker tools, JsonMapper json) {
        this.tools = tools;
        this.json = json;
    }

    /**
     * The words of {@code line}: separated by spaces, except inside double or single quotes, which are removed.
     *
     * @throws IllegalArgumentException if a quote is not closed
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char ch : line.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    word.append(ch);
                }
            } else if (ch == '"' || ch == '\'' && !inWord) {
                quote = ch;
                inWord = true;
            } else if (Character.isWhitespace(ch)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(ch);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote is not closed: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** {@code text} without surrounding quotes and spaces. */
    static String unquoted(String text) {
        String t = text.strip();
        if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
            return t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    /**
     * The one name among {@code known} that {@code typed} names: equal ignoring case, else the only one that starts
     * with it or has a word starting with it; {@code typed} itself if none does (a new monster, or a name the tool
     * will refuse in its own words).
     *
     * @throws IllegalArgumentException if several names fit, naming them
     */
    static String resolve(String typed, Collection<String> known) {
        String q = unquoted(typed).toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return unquoted(typed);
        }
        for (String name : known) {
            if (name.equalsIgnoreCase(q)) {
                return name;
            }
        }
        Set<String> fits = new LinkedHashSet<>();
        for (String name : known) {
            String l = name.toLowerCase(Locale.ROOT);
            if (l.startsWith(q) || java.util.Arrays.stream(l.split("\\s+")).anyMatch(w -> w.startsWith(q))) {
                fits.add(name);
            }
        }
        if (fits.size() > 1) {
            throw new IllegalArgumentException("'" + unquoted(typed) + "' could be " + String.join(" or ", fits)
                    + "; type more of the name, or quote it");
        }
        return fits.isEmpty() ? unquoted(typed) : fits.iterator().next();
    }

    /** The characters' names. */
    List<String> characters() {
        return names("list_characters", "characters");
    }

    /** Everyone a private text can go to: players and characters. */
    List<String> people() {
        List<String> all = new ArrayList<>(names("list_players", "players"));
        all.addAll(characters());
        return all;
    }

    /** Whoever can take damage or healing: the fighters in combat, and every character. */
    List<String> targets() {
        List<String> all = new ArrayList<>(names("get_combat", "order"));
        all.addAll(characters());
        return all;
    }

    private List<String> names(String tool, String field) {
        try {
            CallToolResult r = tools.call(tool, Map.of());
            if (Boolean.TRUE.equals(r.isError())) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (JsonNode item : json.readTree(DemoCampaign.firstText(r)).path(field)) {
                names.add(item.path("name").asString());
            }
            return names;
        } catch (JacksonException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
