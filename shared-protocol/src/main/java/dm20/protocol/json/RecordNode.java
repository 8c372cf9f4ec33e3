package dm20.protocol.json;

import io.helidon.json.JsonException;
import io.helidon.json.JsonGenerator;
import io.helidon.json.JsonKey;
import io.helidon.json.JsonParser;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record as a JSON object: its components in declaration order under their names (or
 * {@link Wire.Name}), then its {@link Wire.Derived} values in name order. Reading accepts any field order,
 * skips unknown fields, reads absent or null fields as {@link Node#absent()} and calls the canonical
 * constructor, whose checks then apply. Immutable after construction; built once per record class.
 */
final class RecordNode<R> implements Node<R> {

    private static final ClassValue<RecordNode<?>> CACHE = new ClassValue<>() {
        @Override
        protected RecordNode<?> computeValue(Class<?> type) {
            return new RecordNode<>(type);
        }
    };

    /** An accessor's (empty) argument list, shared: the varargs call would allocate one per field written. */
    private static final Object[] NO_ARGS = {};

    private final Class<R> type;
    private final Field[] fields;
    private final Field[] derived;
    private final Map<String, Integer> index = new HashMap<>();
    private final Constructor<?> constructor;

    /** One written value: a component or a derived method. The node is resolved on first use (recursion). */
    private static final class Field {
        final String name;
        final JsonKey key;
        final Method accessor;
        final java.lang.reflect.Type javaType;
        final String where;
        private volatile Node<Object> node;

        Field(String name, Method accessor, java.lang.reflect.Type javaType, String where) {
            this.name = name;
            this.key = JsonKey.create(name);
            this.accessor = accessor;
            this.javaType = javaType;
            this.where = where;
        }

        @SuppressWarnings("unchecked")
        Node<Object> node() {
            Node<Object> n = node;
            if (n == null) {
                n = (Node<Object>) Nodes.of(javaType, where);
                node = n;
            }
            return n;
        }
    }

    @SuppressWarnings("unchecked")
    static <R> RecordNode<R> of(Class<R> type) {
        return (RecordNode<R>) CACHE.get(type);
    }

    @SuppressWarnings("unchecked")
    private RecordNode(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        this.type = (Class<R>) type;
        RecordComponent[] components = type.getRecordComponents();
        fields = new Field[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Wire.Name rename = c.getAnnotation(Wire.Name.class);
            String name = rename == null ? c.getName() : rename.value();
            fields[i] = new Field(name, accessor(c.getAccessor()), c.getGenericType(),
                    type.getSimpleName() + "." + c.getName());
            index.put(name, i);
        }
        derived = Arrays.stream(type.getMethods())
                .filter(m -> m.isAnnotationPresent(Wire.Derived.class) && m.getParameterCount() == 0
                        && !Modifier.isStatic(m.getModifiers()))
                .map(m -> new Field(derivedName(m), accessor(m), m.getGenericReturnType(),
                        type.getSimpleName() + "." + m.getName() + "()"))
                .sorted(Comparator.comparing(f -> f.name))
                .toArray(Field[]::new);
        constructor = constructor(type, components);
    }

    private static String derivedName(Method m) {
        String name = m.getAnnotation(Wire.Derived.class).value();
        return name.isEmpty() ? m.getName() : name;
    }

    private static Method accessor(Method method) {
        try {
            method.setAccessible(true);
            return method;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot read " + method + ": " + e.getMessage(), e);
        }
    }

    private static Constructor<?> constructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot construct " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(JsonGenerator out, R value) {
        out.writeObjectStart();
        writeFields(out, value);
        out.writeObjectEnd();
    }

    /** The fields without the braces, for a writer that puts a discriminator first. */
    void writeFields(JsonGenerator out, R value) {
        writeAll(out, value, fields);
        if (derived.length > 0) {
            writeAll(out, value, derived);
        }
    }

    private static void writeAll(JsonGenerator out, Object value, Field[] list) {
        for (Field f : list) {
            Object v = get(f, value);
            Node<Object> node = f.node();
            if (!node.omit(v)) {
                out.writeKey(f.key);
                node.write(out, v);
            }
        }
    }

    private static Object get(Field f, Object value) {
        try {
            return f.accessor.invoke(value, NO_ARGS);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(f.where + ": " + e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(f.where + ": " + e.getMessage(), e);
        }
    }

    @Override
    public R read(JsonParser in) {
        Object[] args = new Object[fields.length];
        Fields.forEach(in, key -> readField(in, key, args));
        return construct(args);
    }

    /** Continues reading an object whose next token is {@code b}, after fields a family reader consumed. */
    R readRest(JsonParser in, byte b) {
        Object[] args = new Object[fields.length];
        Fields.forEachRest(in, b, key -> readField(in, key, args));
        return construct(args);
    }

    private void readField(JsonParser in, String key, Object[] args) {
        Integer i = index.get(key);
        if (i == null) {
            in.skip();
            return;
        }
        if (in.checkNull()) {
            return;
        }
        Field f = fields[i];
        try {
            args[i] = f.node().read(in);
        } catch (JsonException | IllegalArgumentException | FieldException e) {
            throw new FieldException("field '" + key + "': " + e.getMessage(), e);
        }
    }

    private R construct(Object[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                args[i] = fields[i].node().absent();
            }
        }
        try {
            return type.cast(constructor.newInstance(args));
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException
                    || t instanceof IllegalStateException) {
                throw new FieldException(t.getMessage(), t);
            }
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(type.getName() + ": " + t.getMessage(), t);
        } catch (IllegalArgumentException e) {
            // a value of the wrong type for a component (the nodes give none, but a wire error must stay one)
            throw new FieldException(type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + ": " + e.getMessage(), e);
        }
    }

    Class<R> type() {
        return type;
    }

    /** The names written, in order (for tests and docs). */
    List<String> fieldNames() {
        return java.util.stream.Stream.concat(Arrays.stream(fields), Arrays.stream(derived)).map(f -> f.name).toList();
    }

    /** A value the record refuses or a field of the wrong type; the message names it. */
    static final class FieldException extends RuntimeException {
        FieldException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
