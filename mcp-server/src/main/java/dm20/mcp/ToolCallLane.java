package dm20.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.util.ToolInputValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a {@code tools/call} for one of the server's own tools on the reading thread, the way the SDK's server
 * (2.1.0) answers it, without its request pipeline. Measured on this machine, where a DM's calls come seconds
 * apart and so every call runs cold: the SDK's way from a parsed request to the tool's handler (Reactor's operators,
 * the params converted to a {@link CallToolRequest} through Jackson's binding, the arguments turned into a tree to
 * be validated) took ≈ 350 µs of CPU per call, this ≈ 35 µs; the DM's answer and every phone's frame wait for it
 * (docs/performance.md, seventh pass).
 *
 * <p>The steps are the SDK's, in its order: the arguments checked against the tool's input schema by the SDK's own
 * {@link ToolInputValidator} with the server's validator (a refusal is the same tool error, same text); the tool's
 * handler called (with no exchange: the server's handlers never use one, as {@code ToolInvoker} relies on too); a
 * tool with an output schema has its structured content checked against it (a missing or invalid one becomes the
 * SDK's tool error), one without has it passed as is; the result wrapped in a JSON-RPC response; an exception from
 * the handler answered as the SDK's session answers it (an {@link McpError}'s own error, else -32603 with the
 * exception's message). A request the lane does not take up — an unknown tool, {@code params} or
 * {@code arguments} or {@code _meta} of an odd type — goes to the SDK, which answers it as before.
 * {@code ToolCallLaneTest} holds the two to the same answers for every case; an SDK upgrade that changes them fails
 * it. Thread-safe (the tools are fixed at construction).
 */
final class ToolCallLane {

    private static final Logger LOG = LoggerFactory.getLogger(ToolCallLane.class);

    private final Map<String, SyncToolSpecification> tools;
    private final JsonSchemaValidator validator;

    /** @param validator the validator the server was built with */
    ToolCallLane(List<SyncToolSpecification> tools, JsonSchemaValidator validator) {
        Map<String, SyncToolSpecification> byName = new LinkedHashMap<>();
        tools.forEach(t -> byName.putIfAbsent(t.tool().name(), t));   // the SDK keeps the first of a name too
        this.tools = Map.copyOf(byName);
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** The answer to a {@code tools/call} request, or empty to leave the request to the SDK. */
    @SuppressWarnings("unchecked")
    Optional<JSONRPCResponse> answer(McpSchema.JSONRPCRequest request) {
        if (!McpSchema.METHOD_TOOLS_CALL.equals(request.method()) || !(request.params() instanceof Map<?, ?> params)
                || !(params.get("name") instanceof String name) || !tools.containsKey(name)) {
            return Optional.empty();
        }
        Object arguments = params.get("arguments");
        Object meta = params.get("_meta");
        if (arguments != null && !(arguments instanceof Map<?, ?>) || meta != null && !(meta instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        SyncToolSpecification spec = tools.get(name);
        CallToolRequest call = new CallToolRequest(name, (Map<String, Object>) arguments, (Map<String, Object>) meta);
        try {
            CallToolResult refused = ToolInputValidator.validate(spec.tool(), call.arguments(), true, validator);
            CallToolResult result = refused != null ? refused : checkedOutput(spec, call, spec.callHandler().apply(null, call));
            return Optional.of(JSONRPCResponse.result(request.id(), result));
        } catch (RuntimeException e) {
            if (e instanceof McpError m && m.getJsonRpcError() != null) {
                return Optional.of(JSONRPCResponse.error(request.id(), m.getJsonRpcError()));
            }
            LOG.warn("Error handling request {} [{}]", request.id(), request.method(), e);
            return Optional.of(JSONRPCResponse.error(request.id(), new JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                    Objects.requireNonNullElse(e.getMessage(), "Internal error"), null)));
        }
    }

    /** The result as the SDK passes it on: its structured content checked against the tool's output schema. */
    private CallToolResult checkedOutput(SyncToolSpecification spec, CallToolRequest call, CallToolResult result) {
        Map<String, Object> schema = spec.tool().outputSchema();
        if (Boolean.TRUE.equals(result.isError())) {
            return result;
        }
        if (schema == null) {
            if (result.structuredContent() != null) {
                LOG.warn("Tool call with no outputSchema is not expected to have a result with structured content, but got: {}",
                        result.structuredContent());
            }
            return result;
        }
        if (result.structuredContent() == null) {
            return failed("Response missing structured content which is expected when calling tool with non-empty outputSchema");
        }
        JsonSchemaValidator.ValidationResponse checked = validator.validate(schema, result.structuredContent());
        if (!checked.valid()) {
            return failed("Tool (" + call.name() + ") output validation failed: " + checked.errorMessage());
        }
        if (result.content() == null || result.content().isEmpty()) {
            return CallToolResult.builder().content(List.of(TextContent.builder(checked.jsonStructuredOutput()).build()))
                    .isError(result.isError()).structuredContent(result.structuredContent()).build();
        }
        return result;
    }

    private static CallToolResult failed(String message) {
        LOG.warn(message);
        return CallToolResult.builder().content(List.of(TextContent.builder(message).build())).isError(true).build();
    }
}
