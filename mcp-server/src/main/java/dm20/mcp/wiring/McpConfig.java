package dm20.mcp.wiring;

import dm20.protocol.cli.PlainArgs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The mcp-server's configuration, read once at start and validated.
 *
 * @param campaignRoot folder holding one folder per campaign
 * @param turnDeadline default time a player has for a combat turn before it is passed automatically;
 *                     zero disables turn deadlines
 * @param campaign     a campaign (name or id) to load at start, so a fresh server is ready to play
 */
public record McpConfig(Path campaignRoot, Duration turnDeadline, Optional<String> campaign) {

    /** The default turn deadline: five minutes. */
    public static final Duration DEFAULT_TURN = Duration.ofMinutes(5);

    private static final String DEFAULT_TURN_SECONDS = "300";

    /** A configuration that loads no campaign at start. */
    public McpConfig(Path campaignRoot, Duration turnDeadline) {
        this(campaignRoot, turnDeadline, Optional.empty());
    }

    public McpConfig {
        Objects.requireNonNull(campaignRoot, "campaignRoot");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(turnDeadline, "turnDeadline");
        campaignRoot = campaignRoot.toAbsolutePath().normalize();
        if (turnDeadline.isNegative()) {
            throw new IllegalArgumentException("--turn-seconds must not be negative, got " + turnDeadline.toSeconds());
        }
    }

    /** The server's options as picocli reads them; {@link #config} validates them. */
    @Command(name = "mcp", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, version = "dm20 0.1.0",
            description = "The dm20 MCP server on stdio (what Claude Code launches). stdout carries JSON-RPC only.")
    public static final class Options {
        @Option(names = "--campaign-root", paramLabel = "DIR",
                description = "folder with one folder per campaign (default: $DM20_CAMPAIGN_ROOT, else ~/.dm20/campaigns)")
        Path campaignRoot;

        @Option(names = "--campaign", paramLabel = "NAME", description = "a campaign (name or id) to load at start")
        String campaign;

        @Option(names = "--turn-seconds", paramLabel = "N", defaultValue = DEFAULT_TURN_SECONDS,
                description = "default combat turn deadline in seconds; 0 = none (default: ${DEFAULT-VALUE})")
        long turnSeconds;

        /** The validated configuration; the root falls back to {@code DM20_CAMPAIGN_ROOT}, then {@code ~/.dm20/campaigns}. */
        public McpConfig config(Map<String, String> env, Path home) {
            Path root = campaignRoot != null ? campaignRoot
                    : Optional.ofNullable(env.get("DM20_CAMPAIGN_ROOT")).filter(s -> !s.isBlank()).map(Path::of)
                    .orElse(home.resolve(".dm20").resolve("campaigns"));
            if (campaign != null && campaign.isBlank()) {
                throw new IllegalArgumentException("--campaign needs a name, got a blank one");
            }
            return new McpConfig(root, Duration.ofSeconds(turnSeconds), Optional.ofNullable(campaign));
        }
    }

    /**
     * Reads {@code --campaign-root DIR}, {@code --campaign NAME}, {@code --turn-seconds N} and {@code --help}. A plain
     * command line (known options, each once, a plain decimal number: what {@code .mcp.json} and the launcher pass)
     * is read by {@link #plain} without picocli, whose ≈ 170 classes cannot go into the server's AOT cache (their
     * class files are too old to be linked ahead of time) and were loaded and verified at every start
     * (docs/performance.md). Anything else — help, a typo, a bad value — goes to picocli, so every answer and error
     * is picocli's as before.
     *
     * @throws IllegalArgumentException naming the bad, missing or unknown option, with the usage
     */
    public static Invocation<McpConfig> parse(String[] args, Map<String, String> env, Path home) {
        Optional<McpConfig> plain = plain(args, env, home);
        return plain.isPresent() ? new Invocation.Run<>(plain.get()) : parseWithPicocli(args, env, home);
    }

    /** {@link #parse} with picocli alone (no plain fast path); the tests compare both. */
    static Invocation<McpConfig> parseWithPicocli(String[] args, Map<String, String> env, Path home) {
        return Invocation.parse(new Options(), args, o -> o.config(env, home));
    }

    /**
     * The configuration of a plain command line, read as picocli reads it: {@code --name value} or
     * {@code --name=value}, each known option at most once, the number as plain decimal digits, no value that starts
     * with {@code -} or {@code @} or is empty. Empty for anything else (help, unknown or repeated options, other
     * number forms, a value the configuration refuses), which then goes to picocli.
     */
    static Optional<McpConfig> plain(String[] args, Map<String, String> env, Path home) {
        Optional<Map<String, String>> read = PlainArgs.read(args, PLAIN_OPTIONS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> values = read.get();
        try {
            Options options = new Options();
            options.campaignRoot = values.containsKey("--campaign-root") ? Path.of(values.get("--campaign-root")) : null;
            options.campaign = values.get("--campaign");
            options.turnSeconds = PlainArgs.number(values.getOrDefault("--turn-seconds",
                    DEFAULT_TURN_SECONDS));
            return Optional.of(options.config(env, home));
        } catch (IllegalArgumentException e) {   // also InvalidPathException
            return Optional.empty();   // picocli gives the error, with the usage
        }
    }

    private static final java.util.Set<String> PLAIN_OPTIONS = java.util.Set.of("--campaign-root", "--campaign",
            "--turn-seconds");
}
