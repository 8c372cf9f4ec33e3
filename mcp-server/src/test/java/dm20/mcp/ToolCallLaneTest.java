package dm20.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ToolCallLane} against the SDK it stands in for: the same lines sent to two servers with the same tools
 * and validator, one answering tool calls through the lane and one through the SDK alone, must get the same
 * answers, byte for byte as JSON trees: valid calls, every kind of refused argument, odd {@code params},
 * {@code arguments} and {@code _meta}, unknown tools, structured output valid, invalid, missing and unexpected,
 * tool errors and exceptions. An SDK upgrade that answers any of these differently fails here.
 */
class ToolCallLaneTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> PLAIN = Map.of("type", "object", "properties", Map.of(
            "text", Map.of("type", List.of("string"), "description", "a text"),
            "n", Map.of("type", List.of("integer", "string"), "description", "a number"),
            "items", Map.of("type", List.of("array", "string"), "description", "a list")),
            "required", List.of("text"));
    private static final Map<String, Object> RICH = Map.of("type", "object", "properties", Map.of(
            "n", Map.of("type", "integer", "minimum", 3)), "required", List.of("n"));
    private static final Map<String, Object> OUTPUT = Map.of("type", "object", "properties", Map.of(
            "ok", Map.of("type", "boolean")), "required", List.of("ok"));

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void everyCall_isAnsweredAsTheSdkAnswersIt() throws Exception {
        Server lane = serve(true);
        Server sdk = serve(false);
        List<String> params = List.of(
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"n\":5,\"items\":[\"a\",null]}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"n\":\"5\",\"items\":\"[1]\",\"unknown\":{}}}",
                "{\"name\":\"echo\",\"arguments\":{}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":7}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":null}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"n\":2.5}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"n\":1.0}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"n\":123456789012345678901234567890}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":[\"hi\"]}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},\"_meta\":{\"progressToken\":1}}",
                "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\"},\"_meta\":\"x\"}",
                "{\"name\":\"echo\",\"arguments\":\"{}\"}",
                "{\"name\":\"echo\",\"arguments\":[1]}",
                "{\"name\":\"echo\",\"arguments\":null}",
                "{\"name\":\"echo\"}",
                "{\"name\":\"no_such_tool\",\"arguments\":{}}",
                "{\"name\":5,\"arguments\":{}}",
                "{\"arguments\":{}}",
                "\"echo\"",
                "{\"name\":\"rich\",\"arguments\":{\"n\":4}}",
                "{\"name\":\"rich\",\"arguments\":{\"n\":1}}",
                "{\"name\":\"structured\",\"arguments\":{}}",
                "{\"name\":\"structured_invalid\",\"arguments\":{}}",
                "{\"name\":\"structured_missing\",\"arguments\":{}}",
                "{\"name\":\"structured_without_text\",\"arguments\":{}}",
                "{\"name\":\"unexpected_structure\",\"arguments\":{}}",
                "{\"name\":\"tool_error\",\"arguments\":{}}",
                "{\"name\":\"throws\",\"arguments\":{}}",
                "{\"name\":\"throws_without_message\",\"arguments\":{}}",
                "{\"name\":\"mcp_error\",\"arguments\":{}}");
        int id = 10;
        for (String p : params) {
            for (Object requestId : List.of(id++, "\"id-" + id++ + "\"")) {
                String line = "{\"jsonrpc\":\"2.0\",\"id\":" + requestId + ",\"method\":\"tools/call\",\"params\":" + p + "}";
                assertThat(lane.call(line)).as(line).isEqualTo(sdk.call(line));
            }
        }
        String noParams = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\"}";
        assertThat(lane.call(noParams)).isEqualTo(sdk.call(noParams));
        // 16 of the calls above reach a handler (the rest are refused by the schema or left to the SDK), each twice
        assertThat(lane.taken).as("handlers the lane ran itself").isEqualTo(32);
        assertThat(sdk.taken).isZero();
    }

    /** One server on OS pipes, initialized, with a count of the tool handlers it ran through the lane. */
    private final class Server {
        private OutputStream toServer;
        private BufferedReader fromServer;
        private int taken;

        JsonNode call(String line) throws IOException {
            toServer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            toServer.flush();
            String answer = fromServer.readLine();
            assertThat(answer).as("an answer to " + line).isNotNull();
            return JSON.readTree(answer);
        }
    }

    private Server serve(boolean withLane) throws IOException {
        Server s = new Server();
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        List<SyncToolSpecification> tools = tools(s, withLane);
        SchemaValidator validator = new SchemaValidator(JSON, tools.stream().map(t -> t.tool().inputSchema()).toList());
        StdioTransport transport = new StdioTransport(new JacksonMcpJsonMapper(JSON), Channels.newInputStream(in.source()),
                Channels.newOutputStream(out.sink()), withLane ? Optional.of(new ToolCallLane(tools, validator)) : Optional.empty());
        McpSyncServer server = McpServer.sync(transport).immediateExecution(true).jsonSchemaValidator(validator)
                .serverInfo("test", "1").capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools).build();
        s.toServer = Channels.newOutputStream(in.sink());
        s.fromServer = new BufferedReader(new InputStreamReader(Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
        open.add(server::closeGracefully);
        open.add(s.toServer);
        s.call("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        s.toServer.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n".getBytes(StandardCharsets.UTF_8));
        s.toServer.flush();
        return s;
    }

    private static List<SyncToolSpecification> tools(Server s, boolean withLane) {
        return List.of(
                tool(s, withLane, "echo", PLAIN, null, args -> text("echo " + new TreeMap<>(args))),
                tool(s, withLane, "rich", RICH, null, args -> text("rich " + args)),
                tool(s, withLane, "structured", Map.of("type", "object"), OUTPUT,
                        args -> CallToolResult.builder().addTextContent("ok").structuredContent(Map.of("ok", true)).build()),
                tool(s, withLane, "structured_invalid", Map.of("type", "object"), OUTPUT,
                        args -> CallToolResult.builder().addTextContent("ok").structuredContent(Map.of("ok", "yes")).build()),
                tool(s, withLane, "structured_missing", Map.of("type", "object"), OUTPUT, args -> text("no structure")),
                tool(s, withLane, "structured_without_text", Map.of("type", "object"), OUTPUT,
                        args -> CallToolResult.builder().content(List.of()).structuredContent(Map.of("ok", false)).build()),
                tool(s, withLane, "unexpected_structure", Map.of("type", "object"), null,
                        args -> CallToolResult.builder().addTextContent("ok").structuredContent(Map.of("ok", true)).build()),
                tool(s, withLane, "tool_error", Map.of("type", "object"), OUTPUT,
                        args -> CallToolResult.builder().addTextContent("refused").isError(true).build()),
                tool(s, withLane, "throws", Map.of("type", "object"), null, args -> {
                    throw new IllegalStateException("boom");
                }),
                tool(s, withLane, "throws_without_message", Map.of("type", "object"), null, args -> {
                    throw new IllegalStateException();
                }),
                tool(s, withLane, "mcp_error", Map.of("type", "object"), null, args -> {
                    throw McpError.builder(-32001).message("custom refusal").data("why").build();
                }));
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static SyncToolSpecification tool(Server s, boolean withLane, String name, Map<String, Object> input,
                                              Map<String, Object> output,
                                              Function<Map<String, Object>, CallToolResult> body) {
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder().name(name).description(name).inputSchema(input);
        if (output != null) {
            tool.outputSchema(output);
        }
        return new SyncToolSpecification(tool.build(), (exchange, request) -> {
            if (withLane && exchange == null) {
                s.taken++;   // the SDK always passes an exchange; the lane passes none
            }
            return body.apply(request.arguments() == null ? Map.of() : request.arguments());
        });
    }
}
