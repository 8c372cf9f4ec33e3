package dm20.mcp;

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
            throw new IllegalArgumentException("turn deadline must not be negative, got " + turnDeadline);
        }
    }

    /**
     * Reads {@code --campaign-root DIR}, {@code --campaign NAME} and {@code --turn-seconds N} from {@code args},
     * falling back (for the root) to the
     * environment variable {@code DM20_CAMPAIGN_ROOT}, then {@code ~/.dm20/campaigns}.
     *
     * @throws IllegalArgumentException naming the bad or unknown argument
     */
    public static McpConfig parse(String[] args, Map<String, String> env, Path home) {
        Path root = env.containsKey("DM20_CAMPAIGN_ROOT") && !env.get("DM20_CAMPAIGN_ROOT").isBlank()
                ? Path.of(env.get("DM20_CAMPAIGN_ROOT")) : home.resolve(".dm20").resolve("campaigns");
        Duration turn = DEFAULT_TURN;
        Optional<String> campaign = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--campaign-root" -> root = Path.of(requireValue(args[i], value));
                case "--turn-seconds" -> turn = Duration.ofSeconds(seconds(requireValue(args[i], value)));
                case "--campaign" -> campaign = Optional.of(requireValue(args[i], value));
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "'; usage: [--campaign-root DIR] [--campaign NAME] [--turn-seconds N]");
            }
            i++;
        }
        return new McpConfig(root, turn, campaign);
    }

    private static String requireValue(String flag, String value) {
        if (value.isBlank() || value.startsWith("--")) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }

    private static long seconds(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--turn-seconds must be a whole number of seconds, got '" + value + "'");
        }
    }
}
