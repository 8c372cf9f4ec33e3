package dm20.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StdioTransport} with the real SDK server on piped streams: calls answered on the reading thread, a
 * blocked call not holding up the next, a bad line answered and skipped, and the end of input held back until
 * every request is answered. The packaged server over real stdio is {@link McpServerIT}.
 */
class StdioTransportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AutoCloseable> open = new ArrayList<>();
    private StdioTransport transport;
    private OutputStream clientOut;
    private BufferedReader clientIn;

    @AfterEach
    void close() throws Exception {
        release.countDown();
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private void serve() throws IOException {
        // OS-level pipes: java.io's piped streams fail a read once the thread that last wrote has ended ("Write end
        // dead"), and the transport's threads come and go
        Pipe in = Pipe.open();
        Pipe out = Pipe.open();
        OutputStream toServer = Channels.newOutputStream(in.sink());
        InputStream serverIn = Channels.newInputStream(in.source());
        OutputStream serverOut = Channels.newOutputStream(out.sink());
        InputStream fromServer = Channels.newInputStream(out.source());
        transport = new StdioTransport(new JacksonMcpJsonMapper(JSON), serverIn, serverOut);
        McpSyncServer server = McpServer.sync(transport).immediateExecution(true)
                .serverInfo("test", "1").capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tool("block", () -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "released";
                }), tool("quick", () -> "quick on " + Thread.currentThread().getName()))
                .build();
        open.add(server::closeGracefully);
        open.add(toServer);
        clientOut = toServer;
        clientIn = new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8));
        send("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
        assertThat(read().path("id").asInt()).isZero();
        send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    private static SyncToolSpecification tool(String name, java.util.function.Supplier<String> body) {
        return new SyncToolSpecification(McpSchema.Tool.builder().name(name).description(name)
                .inputSchema(Map.of("type", "object")).build(),
                (exchange, request) -> CallToolResult.builder().addTextContent(body.get()).isError(false).build());
    }

    private void send(String line) throws IOException {
        clientOut.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        clientOut.flush();
    }

    private void call(int id, String tool) throws IOException {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":{}}}");
    }

    private JsonNode read() throws IOException {
        String line = clientIn.readLine();
        assertThat(line).as("an answer line").isNotNull();
        return JSON.readTree(line);
    }

    private static String text(JsonNode answer) {
        return answer.path("result").path("content").path(0).path("text").asString();
    }

    @Test
    void call_quickTool_isRunAndAnsweredOnAStdioThread() throws Exception {
        serve();
        call(1, "quick");

        JsonNode answer = read();

        assertThat(answer.path("id").asInt()).isEqualTo(1);
        assertThat(text(answer)).startsWith("quick on mcp-stdio-");
    }

    @Test
    void call_blockedTool_doesNotHoldUpTheNextCall() throws Exception {
        serve();
        call(1, "block");
        call(2, "quick");

        JsonNode first = read();
        assertThat(first.path("id").asInt()).as("the quick call is answered while the other is blocked").isEqualTo(2);
        release.countDown();
        JsonNode second = read();

        assertThat(second.path("id").asInt()).isEqualTo(1);
        assertThat(text(second)).isEqualTo("released");
    }

    @Test
    void line_notJsonRpc_isAnsweredWithAParseErrorAndTheSessionGoesOn() throws Exception {
        serve();
        send("this is not json");

        JsonNode error = read();
        call(3, "quick");
        JsonNode after = read();

        assertThat(error.path("error").path("code").asInt()).isEqualTo(McpSchema.ErrorCodes.PARSE_ERROR);
        assertThat(error.path("id").isMissingNode() || error.path("id").isNull()).isTrue();
        assertThat(after.path("id").asInt()).isEqualTo(3);
    }

    @Test
    void endOfInput_withACallInFlight_isReportedOnlyAfterItsAnswer() throws Exception {
        serve();
        call(1, "block");
        clientOut.close();
        CountDownLatch ended = new CountDownLatch(1);
        Thread.ofPlatform().daemon(true).start(() -> {
            try {
                transport.awaitEndOfInput();
                ended.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(ended.await(300, TimeUnit.MILLISECONDS)).as("held back while the call runs").isFalse();
        release.countDown();

        assertThat(read().path("id").asInt()).isEqualTo(1);
        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void lineReader_mixedLineEndsAndALastLineWithoutNewline_splitsEveryLine() throws Exception {
        var lines = new StdioTransport.LineReader(new ByteArrayInputStream(
                "a\r\nb\nc\rd\n\nlast é".getBytes(StandardCharsets.UTF_8)), 100);

        List<String> read = new ArrayList<>();
        for (var l = lines.next(); l != null; l = lines.next()) {
            read.add(l.text());
        }

        assertThat(read).containsExactly("a", "b", "c", "d", "", "last é");
    }

    @Test
    void lineReader_lineOverTheLimit_isMarkedTooLongAndTheNextLineIsIntact() throws Exception {
        var lines = new StdioTransport.LineReader(new ByteArrayInputStream(
                ("x".repeat(50) + "\nok\n").getBytes(StandardCharsets.UTF_8)), 10);

        var first = lines.next();
        var second = lines.next();

        assertThat(first.tooLong()).isTrue();
        assertThat(second.tooLong()).isFalse();
        assertThat(second.text()).isEqualTo("ok");
        assertThat(lines.next()).isNull();
    }
}
