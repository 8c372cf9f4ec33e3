package dm20.protocol.json;

import io.helidon.json.JsonGenerator;
import io.helidon.json.JsonKey;
import io.helidon.json.JsonParser;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A sealed family of records on the wire: each record is a JSON object whose first field, {@code type},
 * names the record with a name listed by hand (a persisted format: renaming a class must not change what
 * is on disk), followed by the record's fields as {@link WireJson} writes them. Reading finds the type (first
 * field, or anywhere in the object from a writer that put it elsewhere) and fails loudly, naming the value,
 * on an unknown one. Building a family fails unless every record the sealed type permits has a name.
 * Immutable and thread-safe.
 *
 * @param <F> the sealed interface
 */
public final class WireFamily<F> {

    /** The discriminator field. */
    public static final String TYPE = "type";
    private static final JsonKey TYPE_KEY = JsonKey.create(TYPE);

    private final String noun;
    private final Map<Class<? extends F>, String> names;
    // record classes by wire name; their RecordNodes (reflection) are built on first use, so
    // that a process pays only for the types it reads or writes (most of the codec's cost at a relay's start)
    private final Map<String, Class<? extends F>> byName = new HashMap<>();

    private WireFamily(Class<F> family, String noun, Map<Class<? extends F>, String> names) {
        this.noun = noun;
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
        Set<Class<?>> leaves = leaves(family);
        if (!leaves.equals(names.keySet())) {
            Set<String> missing = new TreeSet<>();
            leaves.stream().filter(c -> !names.containsKey(c)).forEach(c -> missing.add(c.getName()));
            names.keySet().stream().filter(c -> !leaves.contains(c)).forEach(c -> missing.add("extra " + c.getName()));
            throw new IllegalArgumentException(family.getSimpleName() + " wire names do not match its records: " + missing);
        }
        names.forEach((type, name) -> {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " is not a record");
            }
            if (byName.put(name, type) != null) {
                throw new IllegalArgumentException("wire name '" + name + "' is used twice in " + family.getSimpleName());
            }
        });
    }

    /** Starts a family for the sealed interface {@code family}; {@code noun} names it in errors ("outbox message"). */
    public static <F> Builder<F> of(Class<F> family, String noun) {
        return new Builder<>(family, noun);
    }

    /** The wire name of {@code value}'s type. */
    public String typeName(F value) {
        return names.get(value.getClass());
    }

    /** Wire names by record class, as listed. */
    public Map<Class<? extends F>, String> names() {
        return names;
    }

    /** One line of JSON, {@code type} first. */
    public String write(F value) {
        return new String(writeBytes(value), StandardCharsets.UTF_8);
    }

    /** UTF-8 JSON bytes, {@code type} first. */
    public byte[] writeBytes(F value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JsonGenerator.create(bytes)) {
            write(out, value);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code value} as an object on {@code out}, {@code type} first. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void write(JsonGenerator out, F value) {
        out.writeObjectStart();
        out.write(TYPE_KEY, typeName(value));
        ((RecordNode) RecordNode.of(value.getClass())).writeFields(out, value);
        out.writeObjectEnd();
    }

    /**
     * Reads one member of the family.
     *
     * @throws WireFormatException naming the problem: malformed JSON, a missing or unknown type, a bad field
     */
    public F read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    /** As {@link #read(String)}, from UTF-8 bytes. */
    public F read(byte[] json) {
        return WireJson.parse(json, this::readObject);
    }

    private F readObject(JsonParser in) {
        in.mark();
        byte b = in.nextToken();
        if (b == '"' && TYPE.equals(in.readString())) {
            in.clearMark();
            expectColon(in);
            RecordNode<? extends F> node = node(readTypeName(in));
            b = in.nextToken();
            if (b == ',') {
                b = in.nextToken();
            }
            return read(node, in, b);
        }
        in.resetToMark();
        in.mark();
        String[] found = new String[1];
        Fields.forEach(in, key -> {
            if (TYPE.equals(key) && found[0] == null) {
                found[0] = readTypeName(in);
            } else {
                in.skip();
            }
        });
        in.resetToMark();
        if (found[0] == null) {
            throw new WireFormatException(noun + " has no string '" + TYPE + "' field", false, null);
        }
        RecordNode<? extends F> node = node(found[0]);
        return read(node, in, in.nextToken());
    }

    private F read(RecordNode<? extends F> node, JsonParser in, byte next) {
        try {
            return node.readRest(in, next);
        } catch (RecordNode.FieldException e) {
            throw new WireFormatException("invalid '" + names.get(node.type()) + "' " + noun + ": " + e.getMessage(),
                    false, e);
        }
    }

    private String readTypeName(JsonParser in) {
        if (in.currentByte() != '"') {
            throw new WireFormatException(noun + " has no string '" + TYPE + "' field", false, null);
        }
        return in.readString();
    }

    private RecordNode<? extends F> node(String name) {
        Class<? extends F> type = byName.get(name);
        if (type == null) {
            throw new WireFormatException("unknown " + noun + " type '" + name + "'", false, null);
        }
        return RecordNode.of(type);
    }

    private static void expectColon(JsonParser in) {
        byte b = in.nextToken();
        if (b != ':') {
            throw in.createException("Expected ':' after a field name", b);
        }
        in.nextToken();
    }

    private static Set<Class<?>> leaves(Class<?> family) {
        Set<Class<?>> out = new java.util.HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(java.util.List.of(family));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                todo.addAll(java.util.List.of(c.getPermittedSubclasses()));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /** Lists the wire names of a family's records. */
    public static final class Builder<F> {
        private final Class<F> family;
        private final String noun;
        private final Map<Class<? extends F>, String> names = new LinkedHashMap<>();

        private Builder(Class<F> family, String noun) {
            this.family = family;
            this.noun = noun;
        }

        /** Names a record of the family. */
        public Builder<F> add(Class<? extends F> type, String name) {
            names.put(type, name);
            return this;
        }

        /** @throws IllegalArgumentException if a permitted record has no name, or a name is used twice */
        public WireFamily<F> build() {
            return new WireFamily<>(family, noun, names);
        }
    }
}
