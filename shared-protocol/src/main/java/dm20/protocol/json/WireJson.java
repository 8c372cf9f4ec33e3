package dm20.protocol.json;

import io.helidon.json.JsonException;
import io.helidon.json.JsonGenerator;
import io.helidon.json.JsonParser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of every wire record, on Helidon's streaming parser and generator. A record is written as an
 * object of its components, in declaration order, under their names ({@link Wire.Name} where a name is a
 * Java keyword), followed by its {@link Wire.Derived} values. Rules (docs/protocol.md §0, STYLE.md rule 6):
 * an empty {@code Optional} is left out; lists are always written; {@code Instant} is ISO-8601 UTC; enums
 * are their constant names; sets are written sorted. Reading ignores unknown fields and reads absent or null
 * fields as empty (optionals, collections), 0/false (primitives) or null (for the record's constructor to
 * refuse by name). So a component added at the end of a record is written and read with no further change.
 *
 * <p>Supported component types: {@code String}, {@code int}, {@code long}, {@code boolean}, {@code double}
 * (and their boxes), {@code Instant}, enums, records, and {@code Optional}, {@code List}, {@code Set},
 * {@code Map<String, V>} of those. Any other type fails when its record is first used, naming the component.
 *
 * <p>Thread-safe and stateless: a record's binding is built once per class and shared.
 */
public final class WireJson {

    private WireJson() {
    }

    /** {@code record} as one line of JSON. */
    public static String write(Record record) {
        return new String(writeBytes(record), StandardCharsets.UTF_8);
    }

    /** {@code record} as UTF-8 JSON bytes. */
    public static byte[] writeBytes(Record record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JsonGenerator.create(bytes)) {
            write(out, record);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code record} as an object on {@code out} (e.g. inside a larger document). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void write(JsonGenerator out, Record record) {
        ((RecordNode) RecordNode.of(record.getClass())).write(out, record);
    }

    /**
     * Reads {@code json} as a {@code type}.
     *
     * @throws WireFormatException naming the problem: malformed JSON, a field of the wrong type, a value
     *                             the record's constructor refuses
     */
    public static <R extends Record> R read(String json, Class<R> type) {
        return read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    /** As {@link #read(String, Class)}, from UTF-8 bytes. */
    public static <R extends Record> R read(byte[] json, Class<R> type) {
        return parse(json, in -> RecordNode.of(type).read(in));
    }

    /** The field names a record is written with, in order (components, then derived values). */
    public static java.util.List<String> fieldNames(Class<? extends Record> type) {
        return RecordNode.of(type).fieldNames();
    }

    /** Runs {@code body} on a parser over {@code json}, translating every failure to a WireFormatException. */
    static <T> T parse(byte[] json, java.util.function.Function<JsonParser, T> body) {
        if (blank(json)) {
            throw new WireFormatException("empty message", true, null);
        }
        try {
            JsonParser in = JsonParser.create(json);
            if (in.currentByte() != '{') {
                throw new WireFormatException("message must be a JSON object", false, null);
            }
            T value = body.apply(in);
            if (in.hasNext()) {
                throw new WireFormatException("unexpected content after the JSON object", true, null);
            }
            return value;
        } catch (RecordNode.FieldException e) {
            throw new WireFormatException(e.getMessage(), false, e);
        } catch (JsonException e) {
            throw new WireFormatException("malformed JSON: " + e.getMessage(), true, e);
        }
    }

    private static boolean blank(byte[] json) {
        for (byte b : json) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
