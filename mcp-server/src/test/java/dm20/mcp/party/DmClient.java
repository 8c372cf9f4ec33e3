package dm20.mcp.party;

import dm20.protocol.testing.ChildJvm;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Claude Code's side in end-to-end tests: the MCP SDK client driving the packaged server over stdio. */
final class DmClient implements AutoCloseable {

    static final Path MCP_JAR = Path.of("target", "mcp-server.jar").toAbsolutePath();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final McpSyncClient client;
    /** Every line the server wrote to its stderr, for "never log a secret" checks. */
    final List<String> stderr = new CopyOnWriteArrayList<>();

    DmClient(Path campaignRoot, String... serverArgs) {
        this(campaignRoot, Map.of(), serverArgs);
    }

    /** A server with {@code env} added to this process's environment (e.g. {@code DM20_RELAY_OPTIONS}). */
    DmClient(Path campaignRoot, Map<String, String> env, String... serverArgs) {
        List<String> args = new ArrayList<>(List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-jar",
                MCP_JAR.toString(), "--campaign-root", campaignRoot.toString()));
        args.addAll(List.of(serverArgs));
        ServerParameters params = ServerParameters.builder(ChildJvm.javaBinary()).args(args).env(env).build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(JSON));
        transport.setStdErrorHandler(line -> {
            stderr.add(line);
            System.err.println("[mcp-server] " + line);
        });
        client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
    }

    /**
     * Calls a tool that must succeed; returns its structured content if it has one, else its first text
     * content parsed as JSON (or as a JSON string).
     */
    JsonNode ok(String tool, Map<String, Object> args) {
        CallToolResult r = call(tool, args);
        assertThat(r.isError()).as(tool + " failed: " + text(r)).isFalse();
        if (r.structuredContent() != null) {
            return JSON.valueToTree(r.structuredContent());
        }
        String text = text(r);
        return text.startsWith("{") || text.startsWith("[") ? JSON.readTree(text) : JSON.getNodeFactory().stringNode(text);
    }

    /** The text of prompt {@code name} rendered with {@code args}, as a client shows it to the model. */
    String prompt(String name, Map<String, Object> args) {
        var result = client.getPrompt(new io.modelcontextprotocol.spec.McpSchema.GetPromptRequest(name, args));
        return result.messages().stream().map(m -> ((TextContent) m.content()).text()).collect(Collectors.joining("\n"));
    }

    /** The names of the prompts the server lists. */
    java.util.List<String> prompts() {
        return client.listPrompts().prompts().stream().map(io.modelcontextprotocol.spec.McpSchema.Prompt::name).toList();
    }

    /** The resources the server lists. */
    List<io.modelcontextprotocol.spec.McpSchema.Resource> resources() {
        return client.listResources().resources();
    }

    /** Reads a resource; returns its one text content parsed as JSON. */
    JsonNode resource(String uri) {
        var read = client.readResource(new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest(uri));
        assertThat(read.contents()).hasSize(1);
        return JSON.readTree(((io.modelcontextprotocol.spec.McpSchema.TextResourceContents) read.contents().get(0)).text());
    }

    /** Reads a resource; returns its text as sent. */
    String resourceText(String uri) {
        var read = client.readResource(new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest(uri));
        return ((io.modelcontextprotocol.spec.McpSchema.TextResourceContents) read.contents().get(0)).text();
    }

    /** Calls a tool that must fail with a game error; returns its message. */
    String error(String tool, Map<String, Object> args) {
        CallToolResult r = call(tool, args);
        assertThat(r.isError()).as(tool + " should have failed but said: " + text(r)).isTrue();
        return text(r);
    }

    /** The tools the server lists. */
    List<io.modelcontextprotocol.spec.McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new CallToolRequest(tool, args));
    }

    static String text(CallToolResult r) {
        return r.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .findFirst().orElse("");
    }

    static String allText(CallToolResult r) {
        return r.content().stream().filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text())
                .collect(Collectors.joining("\n"));
    }

    /** The server process (a child of this JVM running the mcp-server jar). */
    static ProcessHandle serverProcess() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("mcp-server.jar"))
                .findFirst().orElseThrow();
    }

    /** The relay process (spawned by the server, or left over from a killed one). */
    static java.util.Optional<ProcessHandle> relayProcess(Path campaignDir) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("relay-daemon.jar"))
                .filter(p -> p.info().commandLine().orElse("").contains(campaignDir.toString()))
                .findFirst();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
