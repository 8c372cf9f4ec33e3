package dm20.mcp.console;

import dm20.mcp.tools.ToolInvoker;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The built-in demo adventure ("The Goblin Warrens": four level-3 characters, NPCs, locations, a quest),
 * stored as a script of tool calls in {@code demo-campaign.json} and played through the real tools, so the
 * demo is made exactly the way a DM would make it.
 */
public final class DemoCampaign {

    private static final String RESOURCE = "/dm20/mcp/console/demo-campaign.json";

    private final ToolInvoker tools;
    private final JsonMapper json;

    public DemoCampaign(ToolInvoker tools, JsonMapper json) {
        this.tools = tools;
        this.json = json;
    }

    /**
     * Loads the demo campaign, creating it first if it does not exist under the campaign root.
     *
     * @return the campaign's name
     * @throws IllegalStateException if a scripted call fails (a bug in the script or the tools)
     */
    public String loadOrCreate() {
        JsonNode script = read();
        String name = script.path("campaign").asString();
        CallToolResult loaded = tools.call("load_campaign", Map.of("campaign", name));
        if (!Boolean.TRUE.equals(loaded.isError())) {
            return name;
        }
        for (JsonNode call : script.path("calls")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> args = json.convertValue(call.path("args"), Map.class);
            CallToolResult r = tools.call(call.path("tool").asString(), args);
            if (Boolean.TRUE.equals(r.isError())) {
                throw new IllegalStateException("demo script step " + call.path("tool").asString() + " failed: " + text(r));
            }
        }
        return name;
    }

    /** The scene the console narrates to the table when the demo's Party Mode starts. */
    public String opening() {
        return read().path("opening").asString();
    }

    private JsonNode read() {
        try (InputStream in = DemoCampaign.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The result's first text content (party_start puts its JSON summary there, then QR captions). */
    static String firstText(CallToolResult r) {
        return r.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .findFirst().orElse("");
    }

    static String text(CallToolResult r) {
        return r.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
