package dm20.mcp.tools;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON schema of a record as the tools' JSON mapper writes it: a component per property, required
 * unless it is an {@link Optional} (written only when present), {@link JsonProperty} renames and
 * {@link JsonIgnore} honoured; nested records, lists and maps recursively. Extra properties are allowed, so
 * a field added later never breaks a client. Stateless.
 */
public final class RecordSchema {

    private RecordSchema() {
    }

    /**
     * The schema of {@code type}'s JSON object. A sealed interface of records (an answer that is one of
     * several shapes, told apart by their fields) gets every variant's properties, required only where every
     * variant requires them.
     *
     * @throws IllegalArgumentException if {@code type} is neither a record nor a sealed interface of records
     */
    public static Map<String, Object> of(Class<?> type) {
        if (type.isRecord()) {
            return object(type);
        }
        if (type.isSealed()) {
            return union(type);
        }
        throw new IllegalArgumentException(type.getName() + " is neither a record nor a sealed interface of records");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> union(Class<?> sealed) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = null;
        for (Class<?> variant : sealed.getPermittedSubclasses()) {
            Map<String, Object> s = of(variant);
            properties.putAll((Map<String, Object>) s.get("properties"));
            List<String> r = (List<String>) s.get("required");
            if (required == null) {
                required = new ArrayList<>(r);
            } else {
                required.retainAll(r);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        s.put("required", required == null ? List.of() : required);
        return s;
    }

    private static Map<String, Object> object(Class<?> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (annotation(c, JsonIgnore.class) != null) {
                continue;
            }
            JsonProperty renamed = annotation(c, JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
            Type t = c.getGenericType();
            if (raw(t) == Optional.class) {
                properties.put(name, schema(argument(t, 0)));
            } else {
                properties.put(name, schema(t));
                required.add(name);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        s.put("required", required);
        return s;
    }

    /** A component's annotation wherever its target put it: the component, its accessor or its field. */
    private static <A extends java.lang.annotation.Annotation> A annotation(RecordComponent c, Class<A> type) {
        A a = c.getAnnotation(type);
        if (a == null) {
            a = c.getAccessor().getAnnotation(type);
        }
        if (a == null) {
            try {
                a = c.getDeclaringRecord().getDeclaredField(c.getName()).getAnnotation(type);
            } catch (NoSuchFieldException e) {
                return null;
            }
        }
        return a;
    }

    private static Map<String, Object> schema(Type t) {
        Class<?> raw = raw(t);
        if (raw == String.class || raw == Instant.class || raw.isEnum()) {
            return Map.of("type", "string");
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            return Map.of("type", "integer");
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            return Map.of("type", "number");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (raw == Optional.class) {
            return schema(argument(t, 0));
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return Map.of("type", "array", "items", schema(argument(t, 0)));
        }
        if (Map.class.isAssignableFrom(raw)) {
            return Map.of("type", "object", "additionalProperties", schema(argument(t, 1)));
        }
        if (raw.isRecord()) {
            return object(raw);
        }
        return Map.of();
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type argument(Type t, int index) {
        return t instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
    }
}
