package dm20.relay.live;

import io.helidon.json.JsonException;
import io.helidon.json.JsonParser;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of what browsers send (a {@code POST} body, a WebSocket client frame): the top-level fields
 * of a small JSON object, read with Helidon's streaming parser into scalars, without a document tree.
 * The whole text must be one well-formed JSON object: an empty or truncated text, an array, a scalar or
 * content after the object is refused. A repeated key keeps its last value; nested objects and arrays are
 * read (so they must be well-formed) and kept only as {@link Value.Nested}. Stateless and thread-safe.
 */
public final class FlatJson {

    /** A top-level field's value. */
    public sealed interface Value {

        /** A JSON string. */
        record Text(String value) implements Value { }

        /** A JSON number, kept exact. */
        record Number(BigDecimal value) implements Value {

            /** The value if it was written as an integer (no fraction, no exponent) that fits a long. */
            public Optional<Long> asLong() {
                if (value.scale() != 0) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(value.longValueExact());
                } catch (ArithmeticException e) {
                    return Optional.empty();
                }
            }
        }

        /** {@code true} or {@code false}. */
        record Bool(boolean value) implements Value { }

        /** JSON {@code null}. */
        record Null() implements Value { }

        /** An object or an array. */
        record Nested() implements Value { }
    }

    private static final Value NULL = new Value.Null();
    private static final Value NESTED = new Value.Nested();
    private static final Value TRUE = new Value.Bool(true);
    private static final Value FALSE = new Value.Bool(false);

    private FlatJson() {
    }

    /**
     * The fields of {@code json} (UTF-8, optionally after a byte order mark, as Jackson read bytes), or empty
     * if it is not exactly one well-formed JSON object.
     */
    public static Optional<Map<String, Value>> object(byte[] json) {
        boolean bom = json.length >= 3 && json[0] == (byte) 0xEF && json[1] == (byte) 0xBB && json[2] == (byte) 0xBF;
        return object(json, bom ? 3 : 0);
    }

    /** As {@link #object(byte[])}, for a text frame (a text is characters: a U+FEFF in it is not skipped). */
    public static Optional<Map<String, Value>> object(String json) {
        return object(json.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static Optional<Map<String, Value>> object(byte[] json, int start) {
        int from = start;
        int to = json.length;
        while (from < to && space(json[from])) {
            from++;
        }
        while (to > from && space(json[to - 1])) {
            to--;
        }
        if (from == to || leadingZero(json, from, to)) {
            return Optional.empty();
        }
        try {
            JsonParser in = JsonParser.create(json, from, to - from);
            if (in.currentByte() != '{') {
                return Optional.empty();
            }
            Map<String, Value> fields = fields(in);
            return in.hasNext() ? Optional.empty() : Optional.of(fields);
        } catch (JsonException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Value> fields(JsonParser in) {
        Map<String, Value> fields = new HashMap<>(8);
        byte b = in.nextToken();
        while (b != '}') {
            if (b != '"') {
                throw in.createException("Expected a field name", b);
            }
            String key = in.readString();
            if (in.nextToken() != ':') {
                throw in.createException("Expected ':' after a field name");
            }
            in.nextToken();
            fields.put(key, value(in));
            b = in.nextToken();
            if (b == ',') {
                b = in.nextToken();
                if (b != '"') {
                    throw in.createException("Expected a field name after ','", b);
                }
            } else if (b != '}') {
                throw in.createException("Expected ',' or '}'", b);
            }
        }
        return fields;
    }

    private static Value value(JsonParser in) {
        return switch (in.currentByte()) {
            case '"' -> new Value.Text(in.readString());
            case 't', 'f' -> in.readBoolean() ? TRUE : FALSE;
            case 'n' -> {
                if (!in.checkNull()) {
                    throw in.createException("Expected null");
                }
                yield NULL;
            }
            case '{', '[' -> {
                in.readJsonValue();
                yield NESTED;
            }
            default -> new Value.Number(in.readBigDecimal());
        };
    }

    private static boolean space(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }

    /**
     * True if a number outside any string starts with a 0 followed by a digit ({@code 01}, {@code -01}):
     * not JSON, and refused as before, though Helidon's parser would read it.
     */
    private static boolean leadingZero(byte[] json, int from, int to) {
        boolean inString = false;
        for (int i = from; i < to; i++) {
            byte b = json[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '0' && i + 1 < to && json[i + 1] >= '0' && json[i + 1] <= '9' && startsNumber(json, from, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsNumber(byte[] json, int from, int at) {
        int p = at - 1;
        if (p >= from && json[p] == '-') {
            p--;
        }
        return p < from || json[p] == ':' || json[p] == '[' || json[p] == ',' || space(json[p]);
    }
}
