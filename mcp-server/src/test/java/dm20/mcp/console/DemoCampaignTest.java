package dm20.mcp.console;

import dm20.mcp.wiring.McpConfig;
import dm20.mcp.wiring.Wiring;
import dm20.mcp.tools.ToolInvoker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCampaignTest {

    @TempDir
    Path root;
    private ToolInvoker tools;
    private JsonMapper json;

    @BeforeEach
    void wire() {
        Wiring wiring = Wiring.wire(new McpConfig(root, Duration.ofMinutes(5)), Clock.systemUTC(),
                List.of(dm20.mcp.party.PartyTools.factory(Map.of())));
        tools = wiring.invoker();
        json = wiring.kit().json();
    }

    private JsonNode call(String tool, Map<String, Object> args) {
        var r = tools.call(tool, args);
        assertThat(r.isError()).as(DemoCampaign.text(r)).isFalse();
        return json.readTree(DemoCampaign.text(r));
    }

    @Test
    void loadOrCreate_firstRun_buildsTheAdventureThroughTheTools() {
        String name = new DemoCampaign(tools, json).loadOrCreate();

        assertThat(name).isEqualTo("The Goblin Warrens");
        JsonNode characters = call("list_characters", Map.of());
        assertThat(characters.toString()).contains("Thorin Ironfist", "Elara Moonwhisper", "Pip Underbough", "Brother Aldric");
        for (String hero : List.of("Thorin Ironfist", "Elara Moonwhisper", "Pip Underbough", "Brother Aldric")) {
            JsonNode sheet = call("get_character", Map.of("character", hero));
            assertThat(sheet.path("level").asInt()).isEqualTo(3);
            assertThat(sheet.path("playerName").asString()).isNotBlank();
        }
        assertThat(call("list_npcs", Map.of()).toString()).contains("Grik the Boss", "Mayor Hollis", "Snitch");
        assertThat(call("list_locations", Map.of()).toString()).contains("Goblin Warrens");
        assertThat(call("get_character", Map.of("character", "Elara Moonwhisper")).path("spellSlots")).isNotEmpty();
    }

    @Test
    void loadOrCreate_secondRun_loadsWithoutRecreating() {
        new DemoCampaign(tools, json).loadOrCreate();
        call("update_character", Map.of("character", "Pip Underbough", "hp", 3));

        new DemoCampaign(tools, json).loadOrCreate();

        assertThat(call("get_character", Map.of("character", "Pip Underbough")).path("hp").path("current").asInt()).isEqualTo(3);
    }

    @Test
    void console_commandsWithoutPartyMode_callTheToolsAndReportErrorsInWords() {
        new DemoCampaign(tools, json).loadOrCreate();
        var buffer = new ByteArrayOutputStream();
        Console console = new Console(tools, json, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        console.execute("roll 2d6+1 Damage");
        console.execute("fight Thorin_Ironfist:15 Goblin:12:7");
        console.execute("turn");
        console.execute("resolve nothing to answer");
        console.execute("fight Thorin");
        console.execute("whisper Ann");
        console.execute("frobnicate");
        boolean goesOn = console.execute("next");

        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Damage: 2d6+1 → [", "Round 1 [round robin]: ▶ Thorin Ironfist (15", "Goblin (12, 7/7 HP)")
                .contains("no action is being answered")
                .contains("each fighter is name:initiative[:hp]")
                .contains("usage: whisper <who>: <text>")
                .contains("unknown command 'frobnicate'")
                .contains("party mode is not running");
        assertThat(goesOn).isTrue();
    }

    private static ConsoleMain.Options options(String... args) {
        return switch (ConsoleMain.Options.parse(args, Map.of(), Path.of("/home/dm"))) {
            case dm20.mcp.wiring.Invocation.Run<ConsoleMain.Options> r -> r.config();
            case dm20.mcp.wiring.Invocation.Help<ConsoleMain.Options> h -> throw new AssertionError(h.usage());
        };
    }

    @Test
    void options_demoOrCampaign_withPartyAndServerOptions() {
        ConsoleMain.Options demo = options("--demo", "--port", "0", "--host", "127.0.0.1", "--public-url", "https://t.example");
        assertThat(demo.demo()).isTrue();
        assertThat(demo.party()).containsEntry("port", 0).containsEntry("host", "127.0.0.1")
                .containsEntry("public_url", "https://t.example");
        ConsoleMain.Options named = options("--campaign", "Sunless", "--campaign-root", "/srv/c", "--turn-seconds", "0");
        assertThat(named.campaign()).contains("Sunless");
        assertThat(named.config().campaignRoot()).isEqualTo(Path.of("/srv/c"));
        assertThat(named.config().turnDeadline()).isZero();
        assertThat(named.party()).isEmpty();
    }

    @Test
    void options_help_givesTheUsage() {
        var help = ConsoleMain.Options.parse(new String[] {"--help"}, Map.of(), Path.of("/home/dm"));
        assertThat(help).isInstanceOfSatisfying(dm20.mcp.wiring.Invocation.Help.class, h -> assertThat(h.usage())
                .contains("--demo", "--campaign=NAME", "--port=N", "--host=H", "--public-url=URL", "--campaign-root=DIR"));
    }

    @Test
    void options_needDemoOrCampaign_andNameBadArguments() {
        assertThatThrownBy(() -> options()).hasMessageContaining("--demo").hasMessageContaining("--campaign");
        assertThatThrownBy(() -> options("--demo", "--campaign", "x")).hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> options("--demo", "--color")).hasMessageContaining("Unknown option: '--color'");
        assertThatThrownBy(() -> options("--demo", "--port")).hasMessageContaining("Missing required parameter for option '--port'");
        assertThatThrownBy(() -> options("--demo", "--port", "")).hasMessageContaining("--port").hasMessageContaining("''");
        assertThatThrownBy(() -> options("--demo", "--port", "eighty")).hasMessageContaining("--port").hasMessageContaining("'eighty'");
        assertThatThrownBy(() -> options("--demo", "--port", "70000")).hasMessageContaining("--port must be 0..65535");
        assertThatThrownBy(() -> options("--campaign", " ")).hasMessageContaining("--campaign needs a name");
        assertThatThrownBy(() -> options("--demo", "--turn-seconds", "-5")).hasMessageContaining("must not be negative");
    }
}
