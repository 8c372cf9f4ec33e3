package dm20.mcp;

import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SDK's JSON-schema validator (inputs of every call, structured outputs), keyed by the schema's identity, with
 * the tools' own input schemas checked without the library when they can be.
 *
 * <ul>
 *   <li>The SDK keys its cache of compiled schemas by {@code schema.hashCode()}, which walks the whole nested schema
 *   map on every call (a measurable share of a small tool's CPU); a tool's schemas are built once and never change,
 *   so the identity of the map is the same key at a constant cost.</li>
 *   <li>The SDK checks every call's arguments against the tool's input schema by turning them into a JSON tree,
 *   running the compiled schema over it and writing the tree back out as text: ≈ 120 µs per call on this machine
 *   when the call comes cold, seconds after the last, as a DM's calls do (docs/performance.md, seventh pass). The
 *   tools' input schemas are all of one plain shape ({@code dm20.mcp.tools.Param}: an object whose properties each
 *   allow a list of JSON types, some required). For a schema of that shape given at construction, arguments whose
 *   every value is plainly of an allowed type (a string, a boolean, a whole number of an integer type, a list, a
 *   map) and which hold every required name are valid without the library; anything else, every failure included,
 *   goes to the library, so what a caller is told about a bad argument is the library's message, as before.</li>
 * </ul>
 *
 * <p>The answer for arguments found valid here carries no JSON text: the SDK reads only whether input is valid
 * (its {@code ToolInputValidator}); outputs are never checked here. Thread-safe.
 */
final class SchemaValidator extends DefaultJsonSchemaValidator {

    private final Map<Map<String, Object>, String> keys = new IdentityHashMap<>();
    /** Input schemas of the plain shape, by identity; written only by the constructor. */
    private final Map<Map<String, Object>, PlainSchema> plain = new IdentityHashMap<>();

    /** @param inputSchemas the tools' input schemas, the same map instances the SDK will validate against */
    SchemaValidator(JsonMapper json, Collection<Map<String, Object>> inputSchemas) {
        super(json);
        inputSchemas.forEach(s -> PlainSchema.of(s).ifPresent(p -> plain.put(s, p)));
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object content) {
        PlainSchema p = schema == null ? null : plain.get(schema);
        if (p != null && content instanceof Map<?, ?> arguments && p.accepts(arguments)) {
            return ValidationResponse.asValid(null);
        }
        return super.validate(schema, content);
    }

    /** Whether arguments for {@code schema} would be accepted without the library (for tests). */
    boolean acceptsPlainly(Map<String, Object> schema, Map<?, ?> arguments) {
        PlainSchema p = plain.get(schema);
        return p != null && p.accepts(arguments);
    }

    @Override
    protected String generateCacheKey(Map<String, Object> schema) {
        synchronized (keys) {
            return keys.computeIfAbsent(schema, s -> "schema-" + keys.size());
        }
    }

    /** An object schema whose properties each allow a set of JSON types, some of them required. */
    private record PlainSchema(Map<String, Set<String>> types, List<String> required) {

        private static final Set<String> KNOWN = Set.of("string", "integer", "number", "boolean", "array", "object",
                "null");

        /** The schema as a plain one, if it is one: no keyword beyond type, properties (type, description), required. */
        static Optional<PlainSchema> of(Map<String, Object> schema) {
            if (!Set.of("type", "properties", "required").containsAll(schema.keySet())
                    || !"object".equals(schema.get("type"))
                    || !(schema.getOrDefault("properties", Map.of()) instanceof Map<?, ?> properties)
                    || !(schema.getOrDefault("required", List.of()) instanceof List<?> required)
                    || !required.stream().allMatch(String.class::isInstance)) {
                return Optional.empty();
            }
            Map<String, Set<String>> types = new java.util.HashMap<>();
            for (var e : properties.entrySet()) {
                if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof Map<?, ?> property)
                        || !Set.of("type", "description").containsAll(property.keySet())) {
                    return Optional.empty();
                }
                Object type = property.get("type");
                List<?> names = type instanceof String one ? List.of(one) : type instanceof List<?> l ? l : null;
                if (names == null || names.isEmpty() || !names.stream().allMatch(KNOWN::contains)) {
                    return Optional.empty();
                }
                types.put(name, Set.copyOf(names.stream().map(String.class::cast).toList()));
            }
            return Optional.of(new PlainSchema(Map.copyOf(types), required.stream().map(String.class::cast).toList()));
        }

        /** Whether the arguments are plainly valid; false also when only the library can tell. */
        boolean accepts(Map<?, ?> arguments) {
            for (String name : required) {
                if (!arguments.containsKey(name)) {
                    return false;
                }
            }
            for (var e : arguments.entrySet()) {
                Set<String> allowed = types.get(e.getKey());
                if (allowed != null && !plainlyOf(e.getValue(), allowed)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean plainlyOf(Object value, Set<String> allowed) {
            return switch (value) {
                case String s -> allowed.contains("string");
                case Boolean b -> allowed.contains("boolean");
                case Integer i -> allowed.contains("integer") || allowed.contains("number");
                case Long l -> allowed.contains("integer") || allowed.contains("number");
                case BigInteger b -> allowed.contains("integer") || allowed.contains("number");
                case List<?> l -> allowed.contains("array");
                case Map<?, ?> m -> allowed.contains("object");
                case null, default -> false;   // null, fractions and anything else: the library's to judge
            };
        }
    }
}
