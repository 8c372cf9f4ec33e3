package dm20.protocol.json;

import io.helidon.json.JsonGenerator;
import io.helidon.json.JsonParser;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The value nodes: strings, numbers, booleans, instants (ISO-8601), enums (by constant name),
 * {@code Optional} (absent when empty), {@code List}, {@code Set} (written sorted, so the bytes do not
 * depend on hash order), {@code Map<String, V>} and records.
 */
final class Nodes {

    private Nodes() {
    }

    /** The node for {@code type}; {@code where} names the component for the error of an unsupported type. */
    static Node<?> of(Type type, String where) {
        if (type instanceof Class<?> c) {
            return ofClass(c, where);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return new OptionalNode<>(of(args[0], where));
            }
            if (raw == List.class || raw == Collection.class) {
                return new ListNode<>(of(args[0], where));
            }
            if (raw == Set.class) {
                return new SetNode<>(of(args[0], where));
            }
            if (raw == Map.class && args[0] == String.class) {
                return new MapNode<>(of(args[1], where));
            }
        }
        throw new IllegalArgumentException("no JSON mapping for type " + type + " of " + where);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Node<?> ofClass(Class<?> c, String where) {
        if (c == String.class) {
            return STRING;
        } else if (c == int.class || c == Integer.class) {
            return c.isPrimitive() ? INT_PRIMITIVE : INT;
        } else if (c == long.class || c == Long.class) {
            return c.isPrimitive() ? LONG_PRIMITIVE : LONG;
        } else if (c == boolean.class || c == Boolean.class) {
            return c.isPrimitive() ? BOOLEAN_PRIMITIVE : BOOLEAN;
        } else if (c == double.class || c == Double.class) {
            return c.isPrimitive() ? DOUBLE_PRIMITIVE : DOUBLE;
        } else if (c == Instant.class) {
            return INSTANT;
        } else if (c.isEnum()) {
            return new EnumNode(c);
        } else if (c.isRecord()) {
            return RecordNode.of(c);
        }
        throw new IllegalArgumentException("no JSON mapping for type " + c.getName() + " of " + where);
    }

    static final Node<String> STRING = new Node<>() {
        public void write(JsonGenerator out, String value) {
            out.write(value);
        }

        public String read(JsonParser in) {
            expect(in, '"', "a string");
            return in.readString();
        }
    };

    static final Node<Integer> INT = new Node<>() {
        public void write(JsonGenerator out, Integer value) {
            out.write(value.intValue());
        }

        public Integer read(JsonParser in) {
            return in.readInt();
        }
    };

    static final Node<Integer> INT_PRIMITIVE = new Node<>() {
        public void write(JsonGenerator out, Integer value) {
            out.write(value.intValue());
        }

        public Integer read(JsonParser in) {
            return in.readInt();
        }

        public Integer absent() {
            return 0;
        }
    };

    static final Node<Long> LONG = new Node<>() {
        public void write(JsonGenerator out, Long value) {
            out.write(value.longValue());
        }

        public Long read(JsonParser in) {
            return in.readLong();
        }
    };

    static final Node<Long> LONG_PRIMITIVE = new Node<>() {
        public void write(JsonGenerator out, Long value) {
            out.write(value.longValue());
        }

        public Long read(JsonParser in) {
            return in.readLong();
        }

        public Long absent() {
            return 0L;
        }
    };

    static final Node<Boolean> BOOLEAN = new Node<>() {
        public void write(JsonGenerator out, Boolean value) {
            out.write(value.booleanValue());
        }

        public Boolean read(JsonParser in) {
            return in.readBoolean();
        }
    };

    static final Node<Boolean> BOOLEAN_PRIMITIVE = new Node<>() {
        public void write(JsonGenerator out, Boolean value) {
            out.write(value.booleanValue());
        }

        public Boolean read(JsonParser in) {
            return in.readBoolean();
        }

        public Boolean absent() {
            return false;
        }
    };

    static final Node<Double> DOUBLE = new Node<>() {
        public void write(JsonGenerator out, Double value) {
            out.write(value.doubleValue());
        }

        public Double read(JsonParser in) {
            return in.readDouble();
        }
    };

    static final Node<Double> DOUBLE_PRIMITIVE = new Node<>() {
        public void write(JsonGenerator out, Double value) {
            out.write(value.doubleValue());
        }

        public Double read(JsonParser in) {
            return in.readDouble();
        }

        public Double absent() {
            return 0.0;
        }
    };

    static final Node<Instant> INSTANT = new Node<>() {
        public void write(JsonGenerator out, Instant value) {
            out.write(IsoInstant.format(value));
        }

        public Instant read(JsonParser in) {
            expect(in, '"', "an ISO-8601 instant");
            String text = in.readString();
            try {
                return IsoInstant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant", e);
            }
        }
    };

    static void expect(JsonParser in, char first, String what) {
        if (in.currentByte() != first) {
            throw new IllegalArgumentException("expected " + what);
        }
    }

    private record EnumNode<E extends Enum<E>>(Class<E> type) implements Node<E> {
        public void write(JsonGenerator out, E value) {
            out.write(value.name());
        }

        public E read(JsonParser in) {
            String name = STRING.read(in);
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + name + "' is not one of " + List.of(type.getEnumConstants()), e);
            }
        }
    }

    private record OptionalNode<T>(Node<T> inner) implements Node<Optional<T>> {
        public void write(JsonGenerator out, Optional<T> value) {
            inner.write(out, value.get());
        }

        public Optional<T> read(JsonParser in) {
            return Optional.of(inner.read(in));
        }

        public Optional<T> absent() {
            return Optional.empty();
        }

        public boolean omit(Optional<T> value) {
            return value == null || value.isEmpty();
        }
    }

    /** Reads the elements of a JSON array into {@code into}; nulls are refused. */
    static <T, C extends Collection<T>> C readArray(JsonParser in, Node<T> element, C into) {
        expect(in, '[', "an array");
        byte b = in.nextToken();
        while (b != ']') {
            if (in.checkNull()) {
                throw new IllegalArgumentException("null is not allowed in a list");
            }
            into.add(element.read(in));
            b = in.nextToken();
            if (b == ',') {
                in.nextToken();
            } else if (b != ']') {
                throw in.createException("Expected ',' or ']'", b);
            }
        }
        return into;
    }

    private record ListNode<T>(Node<T> element) implements Node<List<T>> {
        public void write(JsonGenerator out, List<T> value) {
            out.writeArrayStart();
            for (T item : value) {
                element.write(out, item);
            }
            out.writeArrayEnd();
        }

        public List<T> read(JsonParser in) {
            return List.copyOf(readArray(in, element, new ArrayList<>()));
        }

        public List<T> absent() {
            return List.of();
        }
    }

    private record SetNode<T>(Node<T> element) implements Node<Set<T>> {
        public void write(JsonGenerator out, Set<T> value) {
            out.writeArrayStart();
            for (T item : sorted(value)) {
                element.write(out, item);
            }
            out.writeArrayEnd();
        }

        private static <T> Collection<T> sorted(Set<T> value) {
            return !value.isEmpty() && value.iterator().next() instanceof Comparable<?> ? new TreeSet<>(value) : value;
        }

        public Set<T> read(JsonParser in) {
            return readArray(in, element, new LinkedHashSet<>());
        }

        public Set<T> absent() {
            return Set.of();
        }
    }

    private record MapNode<V>(Node<V> value) implements Node<Map<String, V>> {
        public void write(JsonGenerator out, Map<String, V> map) {
            out.writeObjectStart();
            map.forEach((k, v) -> {
                out.writeKey(k);
                value.write(out, v);
            });
            out.writeObjectEnd();
        }

        public Map<String, V> read(JsonParser in) {
            Map<String, V> map = new LinkedHashMap<>();
            Fields.forEach(in, key -> {
                if (!in.checkNull()) {
                    map.put(key, value.read(in));
                }
            });
            return map;
        }

        public Map<String, V> absent() {
            return Map.of();
        }
    }
}
