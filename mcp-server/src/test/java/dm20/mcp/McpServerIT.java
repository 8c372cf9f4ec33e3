package dm20.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar as a real child process, driven over stdio by the MCP SDK client and by raw JSON-RPC. */
class McpServerIT {

    private static final Path JAR = Path.of("target/mcp-server.jar").toAbsolutePath();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path root;

    @Test
    void sdkClient_fullTableSession_worksOverStdio() throws Exception {
        ServerParameters params = ServerParameters.builder(JAVA)
                .args("-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR.toString(),
                        "--campaign-root", root.toString()).build();
        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(json)))
                .requestTimeout(Duration.ofSeconds(20)).build()) {
            client.initialize();
            List<String> names = client.listTools().tools().stream().map(Tool::name).toList();
            assertThat(names).contains("create_campaign", "get_character", "start_combat", "whisper", "roll_dice",
                    "share_info", "assign_player", "next_turn");

            call(client, "create_campaign", Map.of("name", "Phandelver"));
            for (String n : List.of("Thorin", "Elara", "Vex", "Brom")) {
                call(client, "create_character", Map.of("name", n, "class", "Fighter", "player", n + "'s player"));
            }
            call(client, "start_combat", Map.of("participants", "[{\"name\":\"Thorin\",\"initiative\":20},"
                    + "{\"name\":\"Elara\",\"initiative\":15},{\"name\":\"Vex\",\"initiative\":10},"
                    + "{\"name\":\"Brom\",\"initiative\":5},{\"name\":\"Goblin\",\"initiative\":12,\"hp\":7}]"));
            for (int i = 0; i < 5; i++) {
                call(client, "next_turn", Map.of());
            }
            assertThat(call(client, "get_combat", Map.of()).get("round").asInt()).isEqualTo(2);
            call(client, "whisper", Map.of("players", List.of("Vex"), "text", "You notice a trapdoor."));
            JsonNode hidden = call(client, "roll_dice", Map.of("expression", "1d20+2", "hidden", true,
                    "players", "Vex", "label", "Perception", "as_player", "Thorin"));
            assertThat(hidden.has("total")).isFalse();
            JsonNode vexFeed = call(client, "get_feed", Map.of("as_player", "Vex"));
            assertThat(vexFeed.get("entries")).hasSize(2);
            assertThat(call(client, "get_feed", Map.of("as_player", "Elara")).get("entries")).isEmpty();

            CallToolResult refused = client.callTool(new CallToolRequest("get_character",
                    Map.of("character", "Vex", "as_player", "Thorin")));
            assertThat(refused.isError()).isTrue();
            assertThat(call(client, "get_character", Map.of("character", "brom")).get("playerName").asString())
                    .isEqualTo("Brom's player");
        }
        JsonNode saved = json.readTree(Files.readString(root.resolve("phandelver").resolve("characters.json")));
        assertThat(saved).hasSize(4);
        assertThat(json.readTree(Files.readString(root.resolve("phandelver").resolve("combat.json")))
                .get("state").get("round").asInt()).isEqualTo(2);
    }

    @Test
    void pipedRequests_stdinClosedAtOnce_everyRequestIsStillAnswered() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR.toString(),
                "--campaign-root", root.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = p.getOutputStream()) {
            String all = String.join("\n",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"pipe\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    call(2, "create_campaign", "{\"name\":\"Piped\"}"),
                    call(3, "list_campaigns", "{}")) + "\n";
            in.write(all.getBytes(StandardCharsets.UTF_8));
        }
        List<String> lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                .lines().toList();

        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(lines).hasSize(3);
        assertThat(lines).anyMatch(l -> l.contains("\"id\":2") && l.contains("Piped"))
                .anyMatch(l -> l.contains("\"id\":3") && l.contains("\"result\""));
    }

    @Test
    void rawStdio_everyStdoutLineIsJsonRpc_andStdinEofExitsZero() throws Exception {
        Process p = new ProcessBuilder(JAVA, "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR.toString(),
                "--campaign-root", root.toString())
                .redirectError(root.resolve("stderr.txt").toFile()).start();
        List<String> requests = List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                call(3, "create_campaign", "{\"name\":\"Raw\"}"),
                call(4, "create_character", "{\"name\":\"Thorin\",\"class\":\"Fighter\",\"abilities\":\"{\\\"str\\\":16}\"}"),
                call(5, "get_character", "{\"character\":\"Thorn\"}"),
                call(6, "roll_dice", "{\"expression\":\"2d6+1d4+3\",\"label\":\"damage\"}"),
                call(7, "no_such_tool", "{}"));
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        try (OutputStream in = p.getOutputStream()) {
            // one request at a time: the server runs calls concurrently, and each step needs the previous one
            for (String r : requests) {
                in.write((r + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
                if (r.contains("\"id\"")) {
                    lines.addAll(readLines(out, 1));
                }
            }
        }
        out.lines().forEach(lines::add);
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            assertThat(node.get("jsonrpc").asString()).as(line).isEqualTo("2.0");
            assertThat(node.has("result") || node.has("error")).as(line).isTrue();
        }
        assertThat(lines).hasSize(7);
        assertThat(lines).anyMatch(l -> l.contains("did you mean 'Thorin'") && l.contains("\"isError\":true"));
        assertThat(lines).anyMatch(l -> l.contains("\"id\":6") && l.contains("total"));
        JsonNode unknown = lines.stream().map(json::readTree).filter(n -> n.path("id").asInt() == 7).findFirst().orElseThrow();
        assertThat(unknown.path("error").path("code").asInt()).as(unknown.toString()).isEqualTo(-32602);
        assertThat(unknown.path("error").path("data").asString()).contains("no_such_tool");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(root.resolve("stderr.txt"))).contains("stdin closed");
    }

    @Test
    void commandLine_helpAndMissingValue_answerOnStderrAndStdoutStaysEmpty() throws Exception {
        Process help = new ProcessBuilder(JAVA, "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR.toString(), "--help")
                .redirectError(root.resolve("help.txt").toFile()).start();
        assertThat(help.getInputStream().readAllBytes()).as("stdout belongs to JSON-RPC").isEmpty();
        assertThat(help.waitFor()).isZero();
        assertThat(Files.readString(root.resolve("help.txt"))).contains("Usage: mcp", "--campaign-root=DIR", "--turn-seconds=N");

        Process bad = new ProcessBuilder(JAVA, "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR.toString(),
                "--turn-seconds").redirectError(root.resolve("bad.txt").toFile()).start();
        assertThat(bad.getInputStream().readAllBytes()).isEmpty();
        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(Files.readString(root.resolve("bad.txt")))
                .contains("Missing required parameter for option '--turn-seconds'").doesNotContain("For input string");
    }

    private static String call(int id, String tool, String args) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + args + "}}";
    }

    private static List<String> readLines(BufferedReader out, int count) throws Exception {
        List<String> lines = new ArrayList<>();
        while (lines.size() < count) {
            String line = out.readLine();
            assertThat(line).as("stdout closed after " + lines).isNotNull();
            lines.add(line);
        }
        return lines;
    }

    private JsonNode call(McpSyncClient client, String tool, Map<String, Object> args) {
        CallToolResult r = client.callTool(new CallToolRequest(tool, args));
        String text = ((TextContent) r.content().get(0)).text();
        assertThat(r.isError()).as(tool + " → " + text).isFalse();
        return json.readTree(text);
    }
}
