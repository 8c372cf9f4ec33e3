package dm20.mcp.tools;

import dm20.mcp.game.Names;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every registered tool by name, callable without MCP (for a console mode and for tests) through exactly
 * the handlers the MCP server uses, so both give the same {@link CallToolResult}. Immutable, thread-safe.
 */
public final class ToolInvoker {

    private final Map<String, SyncToolSpecification> tools = new LinkedHashMap<>();

    /** @throws IllegalArgumentException if two groups register the same tool name */
    public ToolInvoker(List<ToolGroup> groups) {
        groups.forEach(g -> g.tools().forEach(spec -> {
            if (tools.putIfAbsent(spec.tool().name(), spec) != null) {
                throw new IllegalArgumentException("tool '" + spec.tool().name() + "' is registered twice");
            }
        }));
    }

    /** All tool specifications, in registration order, for the MCP server. */
    public List<SyncToolSpecification> specifications() {
        return List.copyOf(tools.values());
    }

    /** The tool names, in registration order. */
    public List<String> names() {
        return new ArrayList<>(tools.keySet());
    }

    /** Calls tool {@code name} with {@code arguments}; an unknown name is an {@code isError} result. */
    public CallToolResult call(String name, Map<String, Object> arguments) {
        SyncToolSpecification spec = tools.get(name);
        if (spec == null) {
            return Results.error(Names.notFound("tool", name, names()));
        }
        // No MCP exchange exists outside a session; our handlers never use it.
        return spec.callHandler().apply(null, new CallToolRequest(name, arguments));
    }
}
