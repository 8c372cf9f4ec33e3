package dm20.mcp.rules;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Lenient readers over the SRD's JSON: a missing or null field reads as empty, never as "null". Stateless. */
final class Json {

    private Json() {
    }

    /** The field's text ("" if missing, null or not a value). */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isString() || v.isNumber() || v.isBoolean() ? v.asString() : "";
    }

    static Optional<String> optText(JsonNode node, String field) {
        String t = text(node, field);
        return t.isBlank() ? Optional.empty() : Optional.of(t);
    }

    static int integer(JsonNode node, String field, int fallback) {
        JsonNode v = node.path(field);
        return v.isNumber() ? v.asInt() : fallback;
    }

    static Optional<Integer> optInt(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNumber() ? Optional.of(v.asInt()) : Optional.empty();
    }

    static boolean bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() && v.asBoolean();
    }

    /** The elements of an array field (empty if missing or not an array). */
    static List<JsonNode> array(JsonNode node, String field) {
        JsonNode v = node.path(field);
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        }
        return out;
    }

    static <T> List<T> map(JsonNode node, String field, Function<JsonNode, T> f) {
        return array(node, field).stream().map(f).toList();
    }

    /** The "name" of each element of an array of references. */
    static List<String> names(JsonNode node, String field) {
        return array(node, field).stream().map(n -> text(n, "name")).filter(s -> !s.isBlank()).toList();
    }

    /** A "desc" that is a string or an array of paragraphs, as one text with blank lines between paragraphs. */
    static String paragraphs(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(p -> parts.add(p.asString()));
            return String.join("\n\n", parts);
        }
        return text(node, field);
    }

    /** Lowercase with everything but letters and digits removed: the key names are matched by. */
    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
