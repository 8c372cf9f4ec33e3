package dm20.mcp.inspector;

import dm20.mcp.inspector.InspectorCli.Outcome;
import dm20.protocol.testing.ChildJvm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged mcp-server driven by the official MCP Inspector CLI, a client we did not write. Every step is
 * one inspector invocation and so one fresh server process on the same campaign root: state carries over
 * only through the campaign files and the relay, which outlives the server that started it. The party steps
 * start each server with {@code --campaign NAME}, as a restarted Claude Code session would.
 *
 * <p>Skipped when the inspector is not installed (see {@link InspectorCli}), unless
 * {@code DM20_INSPECTOR_REQUIRED=true}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class InspectorCliIT {

    private static final Path MCP_JAR = Path.of("target", "mcp-server.jar").toAbsolutePath();
    private static final String CAMPAIGN = "Sunless Citadel";
    private static final List<String> PARTY_TOOLS = List.of("party_start", "party_stop", "party_status", "party_next",
            "party_wait", "party_resolve", "party_thinking", "party_whisper", "party_kick", "party_token");

    private Path root;
    private InspectorCli plain;
    private InspectorCli loaded;

    @BeforeAll
    void install() throws Exception {
        var cli = InspectorCli.locate();
        if (cli.isEmpty() && "true".equals(System.getenv("DM20_INSPECTOR_REQUIRED"))) {
            fail("DM20_INSPECTOR_REQUIRED=true but the MCP Inspector is not installed: run"
                    + " npm install --prefix mcp-server/target/inspector @modelcontextprotocol/inspector@2.12.0");
        }
        assumeTrue(cli.isPresent(), "MCP Inspector CLI not installed (target/inspector or DM20_INSPECTOR)");
        root = Files.createTempDirectory("inspector-it");
        List<String> server = List.of(ChildJvm.javaBinary(), "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar",
                MCP_JAR.toString(), "--campaign-root", root.resolve("campaigns").toString());
        plain = new InspectorCli(cli.get(), InspectorCli.writeConfig(root.resolve("plain.json"), server), root);
        List<String> withCampaign = new ArrayList<>(server);
        withCampaign.addAll(List.of("--campaign", CAMPAIGN));
        loaded = new InspectorCli(cli.get(), InspectorCli.writeConfig(root.resolve("loaded.json"), withCampaign), root);
    }

    @AfterAll
    void stopTheRelayAndCleanUp() throws Exception {
        if (root == null) {
            return;
        }
        relay().ifPresent(r -> r.destroyForcibly());
        relay().ifPresent(r -> r.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    @Order(1)
    void toolsList_strictSchemaCheck_listsEveryPartyToolAndTheGameTools() throws Exception {
        Outcome listed = plain.run("tools/list", "--strict");

        assertThat(listed.exitCode()).as("--strict exits 6 on an error-severity schema problem; " + listed).isZero();
        List<String> names = StreamSupport.stream(listed.json().path("result").path("tools").spliterator(), false)
                .map(t -> t.path("name").asString()).toList();
        assertThat(names).containsAll(PARTY_TOOLS)
                .contains("create_campaign", "load_campaign", "create_character", "roll_dice", "start_combat");
    }

    @Test
    @Order(1)
    void toolsList_everyToolHasAllFourHints_andThePartyLoopHasOutputSchemas() throws Exception {
        Outcome listed = plain.run("tools/list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        JsonNode tools = listed.json().path("result").path("tools");
        assertThat(tools.size()).isGreaterThan(50);
        for (JsonNode t : tools) {
            JsonNode a = t.path("annotations");
            for (String hint : List.of("readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint")) {
                assertThat(a.path(hint).isBoolean()).as(t.path("name").asString() + " " + hint).isTrue();
            }
        }
        java.util.Map<String, JsonNode> byName = new java.util.HashMap<>();
        tools.forEach(t -> byName.put(t.path("name").asString(), t));
        assertThat(byName.get("party_status").path("annotations").path("readOnlyHint").asBoolean()).isTrue();
        assertThat(byName.get("delete_character").path("annotations").path("destructiveHint").asBoolean()).isTrue();
        for (String loop : List.of("party_start", "party_next", "party_wait", "party_status")) {
            assertThat(byName.get(loop).path("outputSchema").path("type").asString()).as(loop).isEqualTo("object");
        }
        assertThat(byName.get("party_next").path("outputSchema").path("properties").has("actionId")).isTrue();
        assertThat(byName.get("party_next").path("outputSchema").path("properties").has("action")).isTrue();
    }

    @Test
    @Order(1)
    void promptsList_listsTheWholeSessionKit_andPromptsGetRendersACommandFile() throws Exception {
        Outcome listed = plain.run("prompts/list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        List<String> names = StreamSupport.stream(listed.json().path("result").path("prompts").spliterator(), false)
                .map(p -> p.path("name").asString()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(dm20.mcp.prompts.PromptCatalog.NAMES);

        Outcome kick = plain.run("prompts/get", "--prompt-name", "party-kick", "--prompt-args", "seat=Thorin");
        assertThat(kick.exitCode()).as(kick.toString()).isZero();
        String text = kick.json().path("result").path("messages").path(0).path("content").path("text").asString();
        assertThat(text).contains("`party_kick`").contains("\"Thorin\"").contains("Table voice:");
    }

    @Test
    @Order(1)
    void resourcesList_listsTheCampaignResources_andResourcesReadAnswersWithoutACampaign() throws Exception {
        Outcome listed = plain.run("resources/list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        List<String> uris = StreamSupport.stream(listed.json().path("result").path("resources").spliterator(), false)
                .map(r -> r.path("uri").asString()).toList();
        assertThat(uris).containsExactlyInAnyOrderElementsOf(dm20.mcp.resources.CampaignResources.URIS);

        Outcome read = plain.run("resources/read", "--uri", dm20.mcp.resources.CampaignResources.CAMPAIGN);
        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(read.json().path("result").path("contents").path(0).path("text").asString()).contains("\"loaded\":false");
    }

    @Test
    @Order(2)
    void createCampaign_nextCallIsAFreshServer_hasNoCampaignLoaded() throws Exception {
        Outcome created = plain.call("create_campaign", Map.of("name", CAMPAIGN));
        assertThat(created.toolError()).as(created.toString()).isFalse();
        assertThat(created.toolJson().path("campaign").path("id").asString()).isEqualTo("sunless-citadel");

        Outcome unloaded = plain.call("create_character", Map.of("name", "Thorin", "class", "Fighter"));
        assertThat(unloaded.toolError()).as(unloaded.toString()).isTrue();
        assertThat(unloaded.exitCode()).isNotZero();
        assertThat(unloaded.toolText()).contains("no campaign is loaded");
    }

    @Test
    @Order(3)
    void partyStartStatusStop_oneServerPerCall_relayOutlivesItsServerAndStopsOnPartyStop() throws Exception {
        ok(loaded.call("create_character", Map.of("name", "Thorin", "class", "Fighter", "level", 3, "player", "Ann")));

        Outcome started = loaded.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
        assertThat(started.toolError()).as(started.toString()).isFalse();
        JsonNode summary = started.toolJson();
        assertThat(summary.path("relay").asString()).isEqualTo("started");
        String base = summary.path("urls").path(0).asString();
        assertThat(base).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
        assertThat(summary.path("seats").findValuesAsString("name"))
                .containsExactlyInAnyOrder("Ann (Thorin)", "Table TV", "Host (DM)");
        assertThat(summary.path("seats").findValuesAsString("url")).allMatch(u -> u.startsWith(base + "/"));
        assertThat(started.toolText()).startsWith("Host screen: " + summary.path("hostScreen").asString());
        // the server that spawned the relay is gone; the relay keeps serving the phones
        assertThat(processes("mcp-server.jar", root.toString()).stream().map(ProcessHandle::onExit)
                .map(f -> f.orTimeout(10, TimeUnit.SECONDS).join()).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(get(base + "/play").statusCode()).isEqualTo(200);
        ProcessHandle relay = relay().orElseThrow(() -> new AssertionError("no relay process for the campaign"));

        JsonNode status = ok(loaded.call("party_status", Map.of()));
        assertThat(status.path("relay").asString()).isEqualTo("up");
        assertThat(status.path("url").asString()).isEqualTo(base);
        assertThat(status.path("seats").findValuesAsString("role")).contains("PLAYER", "OBSERVER");

        JsonNode stopped = ok(loaded.call("party_stop", Map.of()));
        assertThat(stopped.path("relayStopped").asBoolean()).as(stopped.toString()).isTrue();
        assertThat(relay.onExit().orTimeout(10, TimeUnit.SECONDS).join().isAlive()).isFalse();
    }

    private static JsonNode ok(Outcome o) {
        assertThat(o.exitCode()).as(o.toString()).isZero();
        assertThat(o.toolError()).as(o.toString()).isFalse();
        return o.toolJson();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private java.util.Optional<ProcessHandle> relay() {
        return processes("relay-daemon.jar", root.resolve("campaigns").resolve("sunless-citadel").toString())
                .stream().findFirst();
    }

    private static List<ProcessHandle> processes(String jar, String path) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(jar))
                .filter(p -> p.info().commandLine().orElse("").contains(path)).toList();
    }
}
