package dm20.mcp.session;

import dm20.mcp.game.RecordingFeed;
import dm20.mcp.tools.ToolInvoker;
import dm20.mcp.wiring.McpConfig;
import dm20.mcp.wiring.Wiring;
import dm20.protocol.Visibility;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Session memory through the real tool handlers: start, notes, end with XP, a recap from it, the recap post. */
class SessionToolsTest {

    @TempDir
    Path root;

    private final RecordingFeed feed = new RecordingFeed();
    private ToolInvoker tools;

    @BeforeEach
    void wire() {
        fresh();
        ok("create_campaign", Map.of("name", "Goblin Warrens"));
        ok("create_character", Map.of("name", "Thorin", "class", "Fighter", "player", "Ann"));
        ok("create_character", Map.of("name", "Elara", "class", "Wizard", "player", "Ben"));
    }

    private void fresh() {
        var wiring = Wiring.wire(new McpConfig(root, McpConfig.DEFAULT_TURN, Optional.empty()), Clock.systemUTC(), List.of());
        wiring.game().feed().switchTo(feed);
        tools = wiring.invoker();
    }

    @Test
    void firstSession_recapSaysItIsTheFirst_andIsPostedPublicly() {
        JsonNode started = ok("session_start", Map.of());
        assertThat(started.path("session").asInt()).isEqualTo(1);
        assertThat(started.path("resumed").asBoolean()).isFalse();
        assertThat(started.path("recap").asString()).isEqualTo("This is the first session of Goblin Warrens.");
        NarrativePosted post = feed.of(NarrativePosted.class).getFirst();
        assertThat(post.postId()).startsWith(SessionBook.RECAP_POST + "1-");
        assertThat(post.visibility()).isEqualTo(Visibility.everyone());
    }

    @Test
    void secondSession_recapBuiltFromSummaryAndPublicNotes_neverDmOnlyOnes() {
        ok("session_start", Map.of());
        ok("add_session_note", Map.of("text", "Thorin swore an oath to the dwarf king"));
        ok("add_session_note", Map.of("text", "the king is the cult leader", "dm_only", true));
        ok("add_event", Map.of("text", "Goblins ambushed at the bridge", "kind", "combat"));
        JsonNode ended = ok("session_end", Map.of("summary", "Thorin and Elara cleared the bridge.", "xp", 300,
                "xp_by_character", Map.of("elara", 350), "next", "the king sends assassins"));
        assertThat(ended.path("xp").path("Thorin").asInt()).isEqualTo(300);
        assertThat(ended.path("xp").path("Elara").asInt()).isEqualTo(350);

        JsonNode material = ok("session_recap", Map.of());
        assertThat(material.path("recap").asString())
                .isEqualTo("Previously on Goblin Warrens… Thorin and Elara cleared the bridge."
                        + " Thorin swore an oath to the dwarf king.")
                .doesNotContain("cult leader").doesNotContain("assassins");
        assertThat(material.path("events").findValuesAsString("text")).containsExactly("Goblins ambushed at the bridge");
        assertThat(material.path("session").path("next").asString()).isEqualTo("the king sends assassins");
        assertThat(material.path("xpTotals").path("Elara").asInt()).isEqualTo(350);

        feed.clear();
        JsonNode second = ok("session_start", Map.of("recap", "Previously: Thorin and Elara held the bridge."));
        assertThat(second.path("session").asInt()).isEqualTo(2);
        assertThat(feed.of(NarrativePosted.class)).extracting(NarrativePosted::text)
                .containsExactly("Previously: Thorin and Elara held the bridge.");
    }

    @Test
    void sessionStart_whileOpen_resumesIt() {
        ok("session_start", Map.of());
        JsonNode again = ok("session_start", Map.of());
        assertThat(again.path("session").asInt()).isEqualTo(1);
        assertThat(again.path("resumed").asBoolean()).isTrue();
    }

    @Test
    void sessionsSurviveARestart_savedInTheCampaignFolder() throws Exception {
        ok("session_start", Map.of());
        ok("add_session_note", Map.of("text", "a note"));
        Path file;
        try (var dirs = Files.list(root)) {
            file = dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("sessions.json");
        }
        assertThat(Files.readString(file)).contains("a note");
        fresh();
        var loaded = tools.call("load_campaign", Map.of("campaign", "Goblin Warrens"));
        assertThat(loaded.isError()).isFalse();
        assertThat(ok("session_start", Map.of()).path("resumed").asBoolean()).isTrue();
    }

    @Test
    void noteOrEnd_withoutOpenSession_isAClearErrorAndSavesNothing() {
        assertThat(error("add_session_note", Map.of("text", "x"))).contains("no session is open").contains("session_start");
        assertThat(error("session_end", Map.of("summary", "x"))).contains("no session is open");
        assertThat(ok("session_recap", Map.of()).path("recap").asString()).contains("first session");
    }

    @Test
    void badInputs_areClearErrors() {
        ok("session_start", Map.of());
        assertThat(error("session_end", Map.of("summary", " "))).contains("needs 'summary'");
        assertThat(error("session_end", Map.of("summary", "s", "xp", -5))).contains("XP must be 0 or more");
        assertThat(error("session_end", Map.of("summary", "s", "xp_by_character", Map.of("Nobody", 5))))
                .contains("Nobody");
        assertThat(error("session_recap", Map.of("session", 9))).contains("no session 9");
        assertThat(error("add_session_note", Map.of("text", ""))).isNotBlank();
        // still open: nothing was ended by the bad calls
        assertThat(ok("session_start", Map.of()).path("resumed").asBoolean()).isTrue();
    }

    private JsonNode ok(String tool, Map<String, Object> args) {
        CallToolResult r = tools.call(tool, args);
        assertThat(r.isError()).as(tool + " → " + text(r)).isFalse();
        return new MessageCodec().json().readTree(text(r));
    }

    private String error(String tool, Map<String, Object> args) {
        CallToolResult r = tools.call(tool, args);
        assertThat(r.isError()).as(tool + " should fail, got " + text(r)).isTrue();
        return text(r);
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().getFirst()).text();
    }
}
