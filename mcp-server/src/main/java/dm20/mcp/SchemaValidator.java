package dm20.mcp;

import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import tools.jackson.databind.json.JsonMapper;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The SDK's JSON-schema validator (inputs of every call, structured outputs), keyed by the schema's identity.
 * The SDK keys its cache of compiled schemas by {@code schema.hashCode()}, which walks the whole nested schema
 * map on every call (a measurable share of a small tool's CPU); a tool's schemas are built once and never
 * change, so the identity of the map is the same key at a constant cost. Thread-safe.
 */
final class SchemaValidator extends DefaultJsonSchemaValidator {

    private final Map<Map<String, Object>, String> keys = new IdentityHashMap<>();

    SchemaValidator(JsonMapper json) {
        super(json);
    }

    @Override
    protected String generateCacheKey(Map<String, Object> schema) {
        synchronized (keys) {
            return keys.computeIfAbsent(schema, s -> "schema-" + keys.size());
        }
    }
}
