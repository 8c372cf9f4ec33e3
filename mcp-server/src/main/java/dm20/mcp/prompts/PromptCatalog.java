package dm20.mcp.prompts;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DM kit's prompts: the command files of {@code .claude/commands/dm/} as packaged into the jar under
 * {@code dm20/prompts/}. Every prompt is its command file, so a client using prompts and Claude Code using
 * the command files read the same words. Immutable, thread-safe.
 */
public final class PromptCatalog {

    /** The commands, in the order a session uses them; {@code PromptCatalogTest} checks this is every file. */
    public static final List<String> NAMES = List.of("session-start", "party-mode", "party-next", "party-auto",
            "party-status", "combat", "recap", "party-kick", "party-token", "party-stop", "session-end");

    /** The paragraph every command carries (whitespace aside): how narration fits a shared table. */
    public static final String TABLE_VOICE = "Table voice: every phone and the TV read public text, so public"
            + " narration (a `narrative`, a public `share_info`, monster turns) is in the third person and names the"
            + " character (\"Thorin's axe bites into the goblin\", never \"you\"). Only text for one player (a"
            + " `private` part, a `whisper`) speaks to that player in the second person (\"You notice a draft under"
            + " the door\").";

    private static final String ROOT = "/dm20/prompts/";

    private final Map<String, CommandFile> commands = new LinkedHashMap<>();

    private PromptCatalog(List<CommandFile> files) {
        files.forEach(f -> commands.put(f.name(), f));
    }

    /**
     * The packaged command files.
     *
     * @throws IllegalStateException if one is missing from the jar or malformed (a build defect)
     */
    public static PromptCatalog packaged() {
        return new PromptCatalog(NAMES.stream().map(PromptCatalog::read).toList());
    }

    private static CommandFile read(String name) {
        try (InputStream in = PromptCatalog.class.getResourceAsStream(ROOT + name + ".md")) {
            if (in == null) {
                throw new IllegalStateException("command file " + ROOT + name + ".md is not packaged");
            }
            return CommandFile.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command files, in {@link #NAMES} order. */
    public List<CommandFile> commands() {
        return List.copyOf(commands.values());
    }

    /** A command by name. */
    public Optional<CommandFile> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    /** One MCP prompt per command: one user message with the rendered body. */
    public List<SyncPromptSpecification> specifications() {
        return commands.values().stream().map(c -> new SyncPromptSpecification(
                new Prompt(c.name(), "DM: " + c.name().replace('-', ' '), c.description(), c.promptArguments()),
                (exchange, request) -> render(c, request.arguments()))).toList();
    }

    private static GetPromptResult render(CommandFile c, Map<String, Object> arguments) {
        Map<String, String> given = new LinkedHashMap<>();
        if (arguments != null) {
            arguments.forEach((k, v) -> given.put(k, v == null ? "" : String.valueOf(v)));
        }
        return new GetPromptResult(c.description(),
                List.of(new PromptMessage(Role.USER, new TextContent(c.render(given)))));
    }
}
