package dm20.mcp.console;

import dm20.mcp.McpConfig;
import dm20.mcp.McpMain;
import dm20.mcp.party.PartyTools;
import dm20.mcp.tools.ToolInvoker;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

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
 * {@code mcp-server console [--demo | --campaign NAME] [--campaign-root DIR] [--port N] [--host H]
 * [--public-url URL]}: wires the same game and party tools as the MCP server, loads (or creates, for the
 * demo) the campaign, starts Party Mode and hands the terminal to a {@link Console}. A watcher thread takes
 * each new action with {@code party_wait} as it arrives and shows it.
 */
public final class ConsoleMain {

    static final String USAGE = "usage: console (--demo | --campaign NAME) [--campaign-root DIR] [--port 8080]"
            + " [--host 0.0.0.0] [--public-url URL] [--turn-seconds N]";

    private ConsoleMain() {
    }

    /** Console options, validated. */
    record Options(boolean demo, Optional<String> campaign, List<String> mcpArgs, Map<String, Object> party) {
        static Options parse(String[] args) {
            boolean demo = false;
            Optional<String> campaign = Optional.empty();
            List<String> mcp = new ArrayList<>();
            Map<String, Object> party = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--demo" -> {
                        demo = true;
                        continue;
                    }
                    case "--campaign" -> campaign = Optional.of(value);
                    case "--campaign-root", "--turn-seconds" -> mcp.addAll(List.of(args[i], value));
                    case "--port" -> party.put("port", Integer.parseInt(value));
                    case "--host" -> party.put("host", value);
                    case "--public-url" -> party.put("public_url", value);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
                }
                if (value.isBlank()) {
                    throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
                }
                i++;
            }
            if (demo == campaign.isPresent()) {
                throw new IllegalArgumentException("give exactly one of --demo or --campaign NAME; " + USAGE);
            }
            return new Options(demo, campaign, mcp, party);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        McpConfig config;
        try {
            options = Options.parse(args);
            config = McpConfig.parse(options.mcpArgs().toArray(String[]::new), System.getenv(),
                    Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println("console: " + e.getMessage());
            System.exit(2);
            return;
        }
        McpMain.Wiring wiring = McpMain.wire(config, Clock.systemUTC(), List.of(PartyTools.factory(System.getenv())));
        wiring.deadlines().start(Duration.ofSeconds(1));
        System.exit(run(options, wiring.invoker(), wiring.kit().json(), System.out));
    }

    static int run(Options options, ToolInvoker tools, tools.jackson.databind.json.JsonMapper json, PrintStream out)
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
        printSeats(campaign, json.valueToTree(started.structuredContent()), out);
        Console console = new Console(tools, json, out);
        Thread watcher = Thread.ofPlatform().daemon(true).name("console-watcher").start(() -> watch(tools, console));
        console.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        watcher.interrupt();
        return 0;
    }

    /** The seat links as a table a host can read; the QR codes are on the host screen. */
    static void printSeats(String campaign, tools.jackson.databind.JsonNode summary, PrintStream out) {
        out.println("Party Mode is running for '" + campaign + "' (" + summary.path("relay").asString() + ").");
        out.println("Players scan their QR code on the host screen (link below), or open their link:");
        for (var seat : summary.path("seats")) {
            out.printf("  %-28s %-8s %s%n", seat.path("name").asString(), seat.path("role").asString(),
                    seat.path("url").asString());
        }
        out.println("Host screen (QR codes and presence for a big screen): " + summary.path("hostScreen").asString());
    }

    /** Takes each new action as it arrives (when the DM is not already answering one) and shows it. */
    private static void watch(ToolInvoker tools, Console console) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (console.answering()) {
                    Thread.sleep(200);
                    continue;
                }
                CallToolResult r = tools.call("party_wait", Map.of("timeout_seconds", 10));
                if (!Boolean.TRUE.equals(r.isError()) && DemoCampaign.text(r).contains("\"actionId\"")) {
                    while (!console.offer(r)) {
                        Thread.sleep(200);
                    }
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
