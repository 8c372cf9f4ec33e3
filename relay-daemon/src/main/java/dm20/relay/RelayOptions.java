package dm20.relay;

import dm20.protocol.cli.PlainArgs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static dm20.protocol.cli.PlainArgs.number;

/**
 * The relay's command line, validated once at start; parsed with picocli ({@link Cli}), which names the option in
 * every error ("Missing required parameter for option '--port'", "Invalid value for option '--port'") and
 * answers {@code --help}. A plain command line (known options, each once, plain decimal numbers — what
 * {@code party_start} and the launcher pass) is read by {@link #plain} without loading picocli: its ≈ 170 classes
 * cannot go into the relay's AOT cache (their class files are too old to be linked ahead of time), so picocli
 * cost every relay start their loading and verification (docs/performance.md, relay start-up). Anything else —
 * help, a typo, a bad value — goes to picocli, so every answer and error is picocli's as before.
 *
 * <pre>--campaign DIR [--host 0.0.0.0] [--port 8080] [--public-url URL] [--heartbeat-seconds 20]
 * [--actions-per-minute 20] [--sockets-per-seat 4] [--observer-sockets 200] [--max-body-bytes 8192]
 * [--max-frame-bytes 4096] [--max-action-chars 2000] [--socket-queue-frames 1024] [--hello-timeout-seconds 5]</pre>
 *
 * @param port      0 binds an ephemeral port (reported in {@code relay_started} and on stderr)
 * @param publicUrl base URL advertised first in links (e.g. behind a proxy or in a container)
 * @param heartbeat interval of server pings; a socket silent for three intervals is dropped
 * @param limits    input bounds and socket caps: {@link Limits#DEFAULT} with what the command line sets
 */
public record RelayOptions(Path campaign, String host, int port, Optional<String> publicUrl, Duration heartbeat,
                           Limits limits) {

    /** What a command line asks for: run with these options, or print the help. */
    public sealed interface Invocation {
        /** Run with {@code options}. */
        record Run(RelayOptions options) implements Invocation {
        }

        /** {@code --help} or {@code --version}: print {@code text} and exit 0. */
        record Help(String text) implements Invocation {
        }
    }

    // Limits.DEFAULT's values as constants: an annotation's description must be one.
    private static final int DEFAULT_ACTIONS = 20;
    private static final int DEFAULT_SOCKETS = 4;
    private static final int DEFAULT_OBSERVERS = 200;
    private static final int DEFAULT_BODY = 8 * 1024;
    private static final int DEFAULT_FRAME = 4 * 1024;
    private static final int DEFAULT_ACTION_CHARS = 2000;
    private static final int DEFAULT_QUEUE = 1024;
    private static final int DEFAULT_HELLO = 5;

    /** The options as picocli reads them; {@link #options} validates them. */
    @Command(name = "relay-daemon", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, version = "dm20 0.1.0",
            description = "The dm20 relay: serves the players' page for one campaign, fed by its outbox.")
    static final class Cli {
        @Option(names = "--campaign", required = true, paramLabel = "DIR", description = "the campaign's folder")
        Path campaign;

        @Option(names = "--host", paramLabel = "H", defaultValue = "0.0.0.0",
                description = "interface to bind (default: ${DEFAULT-VALUE} = the LAN)")
        String host;

        @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
                description = "TCP port, 0..65535; 0 = any free port (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--public-url", paramLabel = "URL",
                description = "base URL advertised first in links, e.g. behind a reverse proxy or in a container")
        String publicUrl;

        @Option(names = "--heartbeat-seconds", paramLabel = "N", defaultValue = "20",
                description = "seconds between pings; a socket silent for three is dropped (default: ${DEFAULT-VALUE})")
        long heartbeatSeconds;

        @Option(names = "--actions-per-minute", paramLabel = "N",
                description = "accepted actions per seat per minute (default: " + DEFAULT_ACTIONS + ")")
        int actionsPerMinute = DEFAULT_ACTIONS;

        @Option(names = "--sockets-per-seat", paramLabel = "N",
                description = "open WebSockets per player or host seat (default: " + DEFAULT_SOCKETS + ")")
        int socketsPerSeat = DEFAULT_SOCKETS;

        @Option(names = "--observer-sockets", paramLabel = "N",
                description = "open WebSockets for one observer (TV) seat (default: " + DEFAULT_OBSERVERS + ")")
        int observerSockets = DEFAULT_OBSERVERS;

        @Option(names = "--max-body-bytes", paramLabel = "N",
                description = "largest HTTP request body, 413 above it (default: " + DEFAULT_BODY + ")")
        int maxBodyBytes = DEFAULT_BODY;

        @Option(names = "--max-frame-bytes", paramLabel = "N",
                description = "largest WebSocket frame from a page, close 1009 above it (default: " + DEFAULT_FRAME + ")")
        int maxFrameBytes = DEFAULT_FRAME;

        @Option(names = "--max-action-chars", paramLabel = "N",
                description = "longest action text after trimming (default: " + DEFAULT_ACTION_CHARS + ")")
        int maxActionChars = DEFAULT_ACTION_CHARS;

        @Option(names = "--socket-queue-frames", paramLabel = "N",
                description = "frames queued for one socket before it is closed as too slow (default: "
                        + DEFAULT_QUEUE + ")")
        int socketQueueFrames = DEFAULT_QUEUE;

        @Option(names = "--hello-timeout-seconds", paramLabel = "N",
                description = "seconds a new socket has to say hello (default: " + DEFAULT_HELLO + ")")
        int helloTimeoutSeconds = DEFAULT_HELLO;

        RelayOptions options() {
            positive("--actions-per-minute", actionsPerMinute);
            positive("--sockets-per-seat", socketsPerSeat);
            positive("--observer-sockets", observerSockets);
            positive("--max-body-bytes", maxBodyBytes);
            positive("--max-frame-bytes", maxFrameBytes);
            positive("--max-action-chars", maxActionChars);
            positive("--socket-queue-frames", socketQueueFrames);
            positive("--hello-timeout-seconds", helloTimeoutSeconds);
            return new RelayOptions(campaign.toAbsolutePath().normalize(), host, port, Optional.ofNullable(publicUrl),
                    Duration.ofSeconds(heartbeatSeconds),
                    new Limits(maxBodyBytes, maxFrameBytes, maxActionChars, actionsPerMinute, socketsPerSeat,
                            observerSockets, socketQueueFrames, Duration.ofSeconds(helloTimeoutSeconds)));
        }

        private static void positive(String option, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException(option + " must be a positive number, got " + value);
            }
        }
    }

    public RelayOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (!Files.isDirectory(campaign)) {
            throw new IllegalArgumentException("--campaign must be an existing directory, got " + campaign);
        }
        publicUrl = publicUrl.map(RelayOptions::checkUrl);
        java.util.Objects.requireNonNull(limits, "limits");
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("--heartbeat-seconds must be positive");
        }
    }

    private static String checkUrl(String url) {
        URI uri = URI.create(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--public-url must be an http(s) URL, got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Reads a command line.
     *
     * @throws IllegalArgumentException naming the bad, missing or unknown option, followed by the usage
     */
    public static Invocation read(String... args) {
        Optional<RelayOptions> plain = plain(args);
        return plain.isPresent() ? new Invocation.Run(plain.get()) : readWithPicocli(args);
    }

    /** {@link #read} with picocli alone (no plain fast path); the tests compare both. */
    static Invocation readWithPicocli(String... args) {
        CommandLine cli = new CommandLine(new Cli());
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (parsed.isVersionHelpRequested()) {
                return new Invocation.Help(String.join("\n", cli.getCommandSpec().version()) + "\n");
            }
            if (parsed.isUsageHelpRequested()) {
                return new Invocation.Help(usage(cli));
            }
            return new Invocation.Run(((Cli) cli.getCommand()).options());
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\n" + usage(cli), e);
        }
    }

    /**
     * Reads a command line that must be one to run (not {@code --help}).
     *
     * @throws IllegalArgumentException naming the bad, missing or unknown option, or if help was asked for
     */
    public static RelayOptions parse(String... args) {
        return switch (read(args)) {
            case Invocation.Run run -> run.options();
            case Invocation.Help help -> throw new IllegalArgumentException("help was asked for:\n" + help.text());
        };
    }

    /**
     * The options of a plain command line, read as picocli reads them: {@code --name value} or
     * {@code --name=value}, each known option at most once, {@code --campaign} present, numbers as plain decimal
     * digits, no value that starts with {@code -} or {@code @}. Empty for anything else (help, unknown or repeated
     * options, other number forms, a value the options refuse), which then goes to picocli.
     */
    static Optional<RelayOptions> plain(String... args) {
        Optional<java.util.Map<String, String>> read = PlainArgs.read(args, PLAIN_OPTIONS);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, String> values = read.get();
        if (!values.containsKey("--campaign")) {
            return Optional.empty();
        }
        try {
            Cli cli = new Cli();
            cli.campaign = Path.of(values.get("--campaign"));
            cli.host = values.getOrDefault("--host", "0.0.0.0");
            cli.port = number(values.getOrDefault("--port", "8080"));
            cli.publicUrl = values.get("--public-url");
            cli.heartbeatSeconds = number(values.getOrDefault("--heartbeat-seconds", "20"));
            cli.actionsPerMinute = number(values.getOrDefault("--actions-per-minute", "" + DEFAULT_ACTIONS));
            cli.socketsPerSeat = number(values.getOrDefault("--sockets-per-seat", "" + DEFAULT_SOCKETS));
            cli.observerSockets = number(values.getOrDefault("--observer-sockets", "" + DEFAULT_OBSERVERS));
            cli.maxBodyBytes = number(values.getOrDefault("--max-body-bytes", "" + DEFAULT_BODY));
            cli.maxFrameBytes = number(values.getOrDefault("--max-frame-bytes", "" + DEFAULT_FRAME));
            cli.maxActionChars = number(values.getOrDefault("--max-action-chars", "" + DEFAULT_ACTION_CHARS));
            cli.socketQueueFrames = number(values.getOrDefault("--socket-queue-frames", "" + DEFAULT_QUEUE));
            cli.helloTimeoutSeconds = number(values.getOrDefault("--hello-timeout-seconds", "" + DEFAULT_HELLO));
            return Optional.of(cli.options());
        } catch (IllegalArgumentException e) {   // also InvalidPathException
            return Optional.empty();   // picocli gives the error, with the usage
        }
    }

    private static final java.util.Set<String> PLAIN_OPTIONS = java.util.Set.of("--campaign", "--host", "--port",
            "--public-url", "--heartbeat-seconds", "--actions-per-minute", "--sockets-per-seat", "--observer-sockets",
            "--max-body-bytes", "--max-frame-bytes", "--max-action-chars", "--socket-queue-frames",
            "--hello-timeout-seconds");

    private static String usage(CommandLine cli) {
        return cli.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** True when binding every interface. */
    public boolean wildcardHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }
}
