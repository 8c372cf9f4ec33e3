package dm20.mcp.console;

import dm20.mcp.party.PartyAnswer;
import dm20.mcp.party.PartyTools;
import dm20.mcp.wiring.Invocation;
import dm20.mcp.wiring.McpConfig;
import dm20.mcp.wiring.Wiring;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import dm20.mcp.tools.ToolInvoker;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The human-DM console's entry point ({@code ./dm20 console} / {@code ./dm20 demo}; see {@link Cli} for the
 * options): wires the same game and party tools as the MCP server, loads (or creates, for the demo) the
 * campaign, starts Party Mode, shows the seat links and QR codes on this terminal (the host's screen; never on
 * stderr or in a log) and hands the terminal to a {@link Console}. A watcher thread takes each new action with
 * {@code party_wait} as it arrives and shows it.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    /** The console's options as picocli reads them; {@link #options} validates them. */
    @Command(name = "console", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, version = "dm20 0.1.0",
            description = "Play the DM by hand: Party Mode on a campaign (or the built-in demo) with a console.")
    static final class Cli {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--demo", required = true, description = "play the built-in demo campaign")
            boolean demo;

            @Option(names = "--campaign", required = true, paramLabel = "NAME", description = "the campaign to play")
            String campaign;
        }

        @Option(names = "--campaign-root", paramLabel = "DIR",
                description = "folder with one folder per campaign (default: $DM20_CAMPAIGN_ROOT, else ~/.dm20/campaigns)")
        Path campaignRoot;

        @Option(names = "--turn-seconds", paramLabel = "N", defaultValue = "300",
                description = "default combat turn deadline in seconds; 0 = none (default: ${DEFAULT-VALUE})")
        long turnSeconds;

        @Option(names = "--port", paramLabel = "N", description = "TCP port for the phones, 0..65535 (default 8080)")
        Integer port;

        @Option(names = "--host", paramLabel = "H", description = "interface to bind (default 0.0.0.0 = the LAN)")
        String host;

        @Option(names = "--public-url", paramLabel = "URL",
                description = "base URL the QR codes point at, e.g. behind a reverse proxy")
        String publicUrl;

        Options options(Map<String, String> env, Path home) {
            if (which.campaign != null && which.campaign.isBlank()) {
                throw new IllegalArgumentException("--campaign needs a name, got a blank one");
            }
            if (port != null && (port < 0 || port > 65535)) {
                throw new IllegalArgumentException("--port must be 0..65535, got " + port);
            }
            List<String> mcpArgs = new ArrayList<>(List.of("--turn-seconds", Long.toString(turnSeconds)));
            if (campaignRoot != null) {
                mcpArgs.addAll(List.of("--campaign-root", campaignRoot.toString()));
            }
            McpConfig config = switch (McpConfig.parse(mcpArgs.toArray(String[]::new), env, home)) {
                case Invocation.Run<McpConfig> r -> r.config();
                case Invocation.Help<McpConfig> h -> throw new IllegalStateException("no help was asked for");
            };
            Map<String, Object> party = new LinkedHashMap<>();
            Optional.ofNullable(port).ifPresent(p -> party.put("port", p));
            Optional.ofNullable(host).ifPresent(h -> party.put("host", h));
            Optional.ofNullable(publicUrl).ifPresent(u -> party.put("public_url", u));
            return new Options(which.demo, Optional.ofNullable(which.campaign), config, party);
        }
    }

    /**
     * The console's validated options.
     *
     * @param party the {@code party_start} arguments ({@code port}, {@code host}, {@code public_url}) given
     */
    record Options(boolean demo, Optional<String> campaign, McpConfig config, Map<String, Object> party) {
        Options {
            party = Map.copyOf(party);
        }

        /**
         * @throws IllegalArgumentException naming the bad, missing or unknown option, with the usage
         */
        static Invocation<Options> parse(String[] args, Map<String, String> env, Path home) {
            return Invocation.parse(new Cli(), args, cli -> cli.options(env, home));
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            switch (Options.parse(args, System.getenv(), Path.of(System.getProperty("user.home")))) {
                case Invocation.Run<Options> run -> options = run.config();
                case Invocation.Help<Options> help -> {
                    System.out.print(help.usage());
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("console: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path log = logToFile(options.config().campaignRoot());
        Wiring wiring = Wiring.wire(options.config(), Clock.systemUTC(), List.of(PartyTools.factory(System.getenv())));
        wiring.deadlines().start(Duration.ofSeconds(1));
        System.out.println("(library log lines go to " + log + ")");
        System.exit(run(options, wiring.invoker(), wiring.kit().json(), System.out));
    }

    /**
     * Sends the libraries' log lines (Chronicle's INFO lines and the like) to {@code console.log} under the campaign
     * root instead of the DM's screen. Must run before the first logger is made. Nothing logged carries a token or
     * a seat link. Falls back to warnings only on the terminal if the file cannot be made.
     */
    static Path logToFile(Path campaignRoot) {
        Path log = campaignRoot.resolve("console.log");
        try {
            java.nio.file.Files.createDirectories(campaignRoot);
            System.setProperty("org.slf4j.simpleLogger.logFile", log.toString());
        } catch (java.io.IOException | RuntimeException e) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        return log;
    }

    static int run(Options options, ToolInvoker tools, JsonMapper json, PrintStream out)
            throws Exception {
        String campaign = options.demo() ? new DemoCampaign(tools, json).loadOrCreate() : options.campaign().get();
        CallToolResult loaded = tools.call("load_campaign", Map.of("campaign", campaign));
        if (Boolean.TRUE.equals(loaded.isError())) {
            out.println("cannot load campaign: " + DemoCampaign.text(loaded));
            return 1;
        }
        CallToolResult started = tools.call("party_start", options.party());
        if (Boolean.TRUE.equals(started.isError())) {
            out.println("Party Mode did not start: " + DemoCampaign.text(started));
            if (DemoCampaign.text(started).contains("cannot listen")) {
                out.println("Another program uses that port: try another one, e.g. --port 8081");
            }
            return 1;
        }
        if (options.demo()) {
            tools.call("share_info", Map.of("text", new DemoCampaign(tools, json).opening()));
        }
        PartyAnswer.Started answer = PartyAnswer.read(json, json.writeValueAsString(started.structuredContent()),
                PartyAnswer.Started.class);
        printSeats(answer, out);
        Console console = new Console(tools, json, out, isTerminal());
        console.seats(answer.seats());
        Thread watcher = Thread.ofPlatform().daemon(true).name("console-watcher").start(() -> watch(tools, json, console));
        console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        watcher.interrupt();
        return 0;
    }

    /** Whether the console talks to a terminal (not a pipe), as far as this JDK can tell. */
    private static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c); // JDK 22+
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * The seats as a compact table on this terminal, the host's screen: first the host-screen link, marked for the
     * DM only (it sees every seat's secrets), then one line per player and the TV. The players' QR codes are on the
     * host screen; {@code qr <name>} shows one here. Never on stderr or in a log.
     */
    static void printSeats(PartyAnswer.Started started, PrintStream out) {
        out.println("Party Mode is running for '" + started.campaign() + "' (" + started.relay() + ").");
        out.println();
        out.println("  FOR YOU ONLY — the host screen (every player's QR code, who is online, the queue).");
        out.println("  Open it on this machine; never show this link to a player:");
        out.println("    " + started.hostScreen());
        out.println();
        int width = started.seats().stream().filter(s -> s.role() != dm20.protocol.Role.DM)
                .mapToInt(s -> s.name().length()).max().orElse(4);
        out.printf("  %-" + width + "s  %-8s  %s%n", "Seat", "Role", "Link");
        for (PartyAnswer.Seat seat : started.seats()) {
            if (seat.role() != dm20.protocol.Role.DM) {
                out.printf("  %-" + width + "s  %-8s  %s%n", seat.name(),
                        seat.role().name().toLowerCase(java.util.Locale.ROOT), seat.url());
            }
        }
        out.println();
        out.println("Players scan their QR code on the host screen, or type 'qr <name>' here to show one.");
    }

    /**
     * Follows the table for the console: takes each new action as it arrives (when the DM is not already answering
     * one) and shows it; while the DM answers one, says when more arrive; shows every turn that times out.
     */
    private static void watch(ToolInvoker tools, JsonMapper json, Console console) {
        int announcedPending = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (console.answering()) {
                    announcedPending = whileAnswering(tools, json, console, announcedPending);
                    Thread.sleep(1000);
                    continue;
                }
                announcedPending = 0;
                CallToolResult r = tools.call("party_wait", Map.of("timeout_seconds", 10));
                if (Boolean.TRUE.equals(r.isError())) {
                    Thread.sleep(1000);
                    continue;
                }
                switch (PartyAnswer.read(json, DemoCampaign.firstText(r), PartyAnswer.Taken.class)) {
                    case PartyAnswer.NoneWaiting none -> console.notices(none.notices());
                    case PartyAnswer.Claimed claimed -> {
                        while (!console.offer(r)) {
                            Thread.sleep(200);
                        }
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                console.announce("! the action watcher stumbled: " + e.getMessage());
            }
        }
    }

    /** Shows timeouts and newly queued actions while the DM answers one; returns how many pending were shown. */
    private static int whileAnswering(ToolInvoker tools, JsonMapper json, Console console, int announced) {
        CallToolResult r = tools.call("party_status", Map.of());
        if (Boolean.TRUE.equals(r.isError())) {
            return announced;
        }
        PartyAnswer.Status s = PartyAnswer.read(json, DemoCampaign.firstText(r), PartyAnswer.Status.class);
        console.notices(s.notices());
        int pending = s.queue().getOrDefault(dm20.mcp.party.QueuedAction.Status.PENDING, 0);
        if (pending > announced) {
            s.next().ifPresent(n -> console.announce("... " + pending + " more waiting, the next: \"" + n.text()
                    + "\" (it comes up when you resolve this one)"));
        }
        return pending;
    }
}
