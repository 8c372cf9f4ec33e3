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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules tools of the packaged jar over real MCP stdio: the SRD data must be inside the jar (no network,
 * no files beside it), and lookups, "did you mean" and rules-derived characters work end to end.
 */
class RulesLookupIT {

    private static final Path JAR = Path.of("target/mcp-server.jar").toAbsolutePath();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path root;

    @Test
    void packagedJar_rulesLookups_answerFromTheBundledSrd() {
        ServerParameters params = ServerParameters.builder(JAVA)
                .args("-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", JAR.toString(),
                        "--campaign-root", root.toString()).build();
        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(params, new JacksonMcpJsonMapper(json)))
                .requestTimeout(Duration.ofSeconds(30)).build()) {
            client.initialize();
            List<Tool> tools = client.listTools().tools();
            assertThat(tools).extracting(Tool::name).contains("search_rules", "get_spell", "get_monster", "get_item",
                    "get_condition", "get_class", "get_race", "level_up_character");
            assertThat(tools).filteredOn(t -> t.name().equals("get_monster")).first()
                    .satisfies(t -> assertThat(t.description()).contains("SRD 5.1").contains("CC-BY-4.0"));

            JsonNode found = ok(client, "search_rules", Map.of("query", "firebal"));
            assertThat(found.get("results").get(0).get("name").asString()).isEqualTo("Fireball");
            assertThat(found.get("source").asString()).contains("CC-BY-4.0");

            JsonNode goblin = ok(client, "get_monster", Map.of("name", "Goblin"));
            assertThat(goblin.get("armorClass").asInt()).isEqualTo(15);
            assertThat(goblin.get("actions").get(0).get("attackBonus").asInt()).isEqualTo(4);

            CallToolResult miss = client.callTool(new CallToolRequest("get_spell", Map.of("name", "firebal")));
            assertThat(miss.isError()).isTrue();
            assertThat(text(miss)).contains("did you mean 'Fireball'");

            ok(client, "create_campaign", Map.of("name", "By the book"));
            JsonNode elara = ok(client, "create_character", Map.of("name", "Elara", "class", "Wizard", "level", 3,
                    "race", "Elf", "abilities", Map.of("int", 15, "con", 14)));
            assertThat(elara.get("hp").get("max").asInt()).isEqualTo(20);
            assertThat(elara.get("spellSlots")).hasSize(2);
            JsonNode up = ok(client, "level_up_character", Map.of("character", "Elara"));
            assertThat(up.get("level").asInt()).isEqualTo(4);
        }
    }

    private JsonNode ok(McpSyncClient client, String tool, Map<String, Object> args) {
        CallToolResult r = client.callTool(new CallToolRequest(tool, args));
        assertThat(r.isError()).as(tool + " → " + text(r)).isFalse();
        return json.readTree(text(r));
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }
}
