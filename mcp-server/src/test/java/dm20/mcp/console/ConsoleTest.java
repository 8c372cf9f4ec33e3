package dm20.mcp.console;

import dm20.mcp.tools.ToolInvoker;
import dm20.mcp.wiring.McpConfig;
import dm20.mcp.wiring.Wiring;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The console on the demo campaign, in process, without Party Mode: names, help examples, prose answers. */
class ConsoleTest {

    @TempDir
    Path root;
    private ToolInvoker tools;
    private JsonMapper json;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private Console console;

    @BeforeEach
    void demo() {
        Wiring wiring = Wiring.wire(new McpConfig(root, Duration.ofMinutes(5)), Clock.systemUTC(),
                List.of(dm20.mcp.party.PartyTools.factory(Map.of())));
        tools = wiring.invoker();
        json = wiring.kit().json();
        new DemoCampaign(tools, json).loadOrCreate();
        console = new Console(tools, json, new PrintStream(buffer, true, StandardCharsets.UTF_8));
    }

    private String printed(String... lines) {
        buffer.reset();
        for (String line : lines) {
            console.execute(line);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_examplesUseTheCampaignsNames_andEachWorks() {
        String help = printed("help");
        assertThat(help).contains("fight Thorin:15 Goblin:12:7 Elara:9", "damage Thorin 7", "private Thorin:",
                "heal \"Thorin Ironfist\" 3");
        Matcher eg = Pattern.compile("e\\.g\\. ((?:fight|damage|heal|private|roll|tool) [^\\n]*?)(?: {2,}|$)",
                Pattern.MULTILINE).matcher(help);
        int examples = 0;
        while (eg.find()) {
            String out = printed(eg.group(1).strip());
            assertThat(out).as(eg.group(1)).doesNotStartWith("!").doesNotContain("no character named", "could be",
                    "usage:", "unknown command");
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(6);
    }

    @Test
    void namesWithSpaces_quotedOrByAUniqueStart_reachTheirCharacter() {
        assertThat(printed("fight \"Thorin Ironfist\":15 Goblin:12:7 moon:9"))
                .contains("▶ Thorin Ironfist (15", "Goblin (12, 7/7 HP)", "Elara Moonwhisper (9")
                .contains("waiting for Thorin Ironfist").doesNotContain("player-");
        assertThat(printed("turn")).contains("▶ Goblin (12").contains("Goblin is up (you run them)");
        assertThat(printed("damage Goblin 4")).isEqualTo("Goblin: 3/7 HP" + System.lineSeparator());
        assertThat(printed("damage pip 2")).startsWith("Pip Underbough: ");
        assertThat(printed("heal 'Brother Aldric' 1")).startsWith("Brother Aldric: ");
        assertThat(printed("private Thorin: A draft chills your neck.")).contains("private part for Thorin Ironfist drafted");
    }

    @Test
    void ambiguousOrUnclosedName_isRefusedInWords_andChangesNothing() {
        tools.call("create_character", Map.of("name", "Bram Stonefoot", "class", "Fighter"));
        String before = printed("tool get_character character=\"Brother Aldric\"", "tool get_character character=Thorin");
        assertThat(printed("damage Br 3")).contains("! 'Br' could be Brother Aldric or Bram Stonefoot");
        assertThat(printed("damage \"Thorin 3")).contains("! a quote is not closed");
        assertThat(printed("tool get_character character=\"Brother Aldric\"", "tool get_character character=Thorin"))
                .isEqualTo(before).contains("name: Brother Aldric", "name: Thorin Ironfist");
    }

    @Test
    void everyCommand_answersInProse_neverRawJson() {
        String out = printed("help", "roll 1d20+5 Perception", "secret 1d20 Stealth", "narrate The rain stops.",
                "fight Thorin:15 Goblin:12:7 Elara:9", "turn", "damage Goblin 3", "heal Thorin 2", "endfight",
                "notes the map is under the loose stone", "tool get_character character=Pip",
                "tool get_character {\"character\":\"Pip Underbough\"}", "tool list_characters {}",
                "tool get_game_state", "tool list_npcs", "status", "next", "whisper Ann: psst", "qr Ann", "kick Ann");
        assertThat(out).doesNotContain("{\"").doesNotContain("\":").contains("Perception: 1d20+5 → [", "told public");
        assertThat(out).contains("name: Pip Underbough");
    }

    @Test
    void words_keepQuotedNamesWhole_andLeaveApostrophesInWords() {
        assertThat(TableNames.words("\"Thorin Ironfist\":15 Goblin:12:7  'Pip Underbough':3"))
                .containsExactly("Thorin Ironfist:15", "Goblin:12:7", "Pip Underbough:3");
        assertThat(TableNames.words("Thieves' Tools")).containsExactly("Thieves'", "Tools");
        assertThatThrownBy(() -> TableNames.words("\"Thorin 7")).hasMessageContaining("quote is not closed");
    }

    @Test
    void resolve_exactFirstThenUniqueStartThenAsTyped() {
        List<String> known = List.of("Thorin Ironfist", "Elara Moonwhisper", "Thor");
        assertThat(TableNames.resolve("thor", known)).isEqualTo("Thor");
        assertThat(TableNames.resolve("iron", known)).isEqualTo("Thorin Ironfist");
        assertThat(TableNames.resolve("Goblin", known)).isEqualTo("Goblin");
        assertThatThrownBy(() -> TableNames.resolve("Th", known)).hasMessageContaining("'Th' could be Thorin Ironfist or Thor");
    }
}
