package dm20.mcp.tools;

import dm20.mcp.engine.Compendium;
import dm20.mcp.wiring.McpConfig;
import dm20.mcp.game.DeadlineScheduler;
import dm20.mcp.game.Game;
import dm20.mcp.game.MutableClock;
import dm20.mcp.game.RecordingFeed;
import dm20.mcp.game.ScriptedRandom;
import dm20.mcp.rules.Rulebook;
import dm20.mcp.rules.SrdRulebook;
import dm20.protocol.message.MessageCodec;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A game table for scenario tests: the real tools through the {@link ToolInvoker}, a temp campaign root,
 * a clock the test moves, scripted dice and a recording feed.
 */
public final class Table {

    /** One rulebook for every table in the test JVM: its data is immutable and loading it takes a while. */
    public static final Rulebook RULES = new SrdRulebook();

    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T18:00:00Z"));
    public final ScriptedRandom random = new ScriptedRandom();
    public final RecordingFeed feed = new RecordingFeed();
    public final Game game;
    public final ToolInvoker tools;
    public final DeadlineScheduler deadlines;
    private final JsonMapper json = new MessageCodec().json();

    public Table(Path root) {
        this(root, Optional.empty());
    }

    /** A table whose combat engine reads monsters, spells and weapons from {@code compendium}. */
    public Table(Path root, Compendium compendium) {
        this(root, Optional.of(compendium));
    }

    private Table(Path root, Optional<Compendium> compendium) {
        JsonMapper mapper = new MessageCodec().json();
        game = Game.create(root, McpConfig.DEFAULT_TURN, mapper, clock, random, RULES);
        game.feed().switchTo(feed);
        ToolKit kit = new ToolKit(game.lock(), mapper);
        tools = new ToolInvoker(compendium.map(c -> GameTools.groups(kit, game, c))
                .orElseGet(() -> GameTools.groups(kit, game)));
        deadlines = new DeadlineScheduler(game.lock(), game.combat());
    }

    /** Calls a tool that must succeed; returns its JSON. Arguments are name, value pairs. */
    public JsonNode ok(String tool, Object... args) {
        CallToolResult r = tools.call(tool, map(args));
        assertThat(r.isError()).as(tool + " → " + text(r)).isFalse();
        return json.readTree(text(r));
    }

    /** Calls a tool that must fail with isError; returns the message. */
    public String error(String tool, Object... args) {
        CallToolResult r = tools.call(tool, map(args));
        assertThat(r.isError()).as(tool + " should fail, got " + text(r)).isTrue();
        return text(r);
    }

    /** A campaign with the named characters (fighters), each played by "player-<character>". */
    public Table withParty(String... names) {
        ok("create_campaign", "name", "Test " + clock.instant().toEpochMilli());
        for (String n : names) {
            ok("create_character", "name", n, "class", "Fighter", "abilities", Map.of("con", 14), "player", "P" + n);
        }
        feed.clear();
        return this;
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    public static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    static Map<String, Object> map(Object... args) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            m.put((String) args[i], args[i + 1]);
        }
        return m;
    }

    /** Convenience for list arguments. */
    public static List<Object> list(Object... items) {
        return List.of(items);
    }
}
