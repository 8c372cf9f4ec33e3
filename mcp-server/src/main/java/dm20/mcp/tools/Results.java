package dm20.mcp.tools;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.databind.json.JsonMapper;

/** Builds tool results: a value as one JSON text block, or an error the model can act on. Stateless. */
public final class Results {

    private final JsonMapper json;

    public Results(JsonMapper json) {
        this.json = json;
    }

    /** {@code value} (a record, map, list or string) as a JSON text result. */
    public CallToolResult ok(Object value) {
        if (value instanceof CallToolResult r) {
            return r;
        }
        String text = value instanceof String s ? s : json.writeValueAsString(value);
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    /**
     * {@code answer} (a record) as structured content (a JSON object) and as JSON text, led by
     * {@code headline} unless it is blank.
     */
    @SuppressWarnings("unchecked")
    public CallToolResult structured(Object answer, String headline) {
        var result = CallToolResult.builder();
        if (!headline.isBlank()) {
            result.addTextContent(headline);
        }
        return result.addTextContent(json.writeValueAsString(answer))
                .structuredContent(json.convertValue(answer, java.util.Map.class)).isError(false).build();
    }

    /** An {@code isError} result with {@code message}. */
    public static CallToolResult error(String message) {
        return CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
