package dm20.mcp;

import dm20.mcp.party.PartyTools;
import dm20.mcp.prompts.PromptCatalog;
import dm20.mcp.wiring.Invocation;
import dm20.mcp.wiring.McpConfig;
import dm20.mcp.wiring.Wiring;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The mcp-server's composition root: reads the command line ({@link McpConfig}; {@code --help} prints the usage
 * on stderr), wires the game, its tool groups and the deadline scheduler ({@link Wiring}), and serves MCP over
 * stdio until stdin closes (then exits 0). The human-DM console has its own entry point,
 * {@code dm20.mcp.console.ConsoleMain}. stdout carries
 * JSON-RPC only: the real stdout is kept for the transport and {@code System.out} points at stderr.
 * Launch with {@code -Xlog:disable -Xlog:all=warning:stderr} so JVM logging cannot reach stdout.
 */
public final class McpMain {

    private static final Logger LOG = LoggerFactory.getLogger(McpMain.class);
    private static final Duration RULES_PRELOAD_DELAY = Duration.ofSeconds(2);

    private McpMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream transportOut = System.out;
        System.setOut(System.err);
        McpConfig config;
        try {
            switch (McpConfig.parse(args, System.getenv(), Path.of(System.getProperty("user.home")))) {
                case Invocation.Run<McpConfig> run -> config = run.config();
                case Invocation.Help<McpConfig> help -> {
                    // stdout belongs to JSON-RPC even here: a host that passes --help reads the usage from stderr
                    System.err.print(help.usage());
                    System.exit(0);
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("mcp-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Wiring wiring = Wiring.wire(config, Clock.systemUTC(), List.of(PartyTools.factory(System.getenv())));
        config.campaign().ifPresent(name -> {
            var loaded = wiring.invoker().call("load_campaign", java.util.Map.of("campaign", name));
            LOG.info("--campaign {}: {}", name, Boolean.TRUE.equals(loaded.isError()) ? "not loaded: "
                    + loaded.content() : "loaded");
        });
        serve(wiring, System.in, transportOut);
        System.exit(0);
    }

    /**
     * Serves MCP on {@code in}/{@code out} until {@code in} reaches end of stream and every request read has been
     * answered ({@link StdioTransport}: a call is read, run and answered on one thread; the server's own tool calls
     * by {@link ToolCallLane}, everything else by the SDK).
     */
    public static void serve(Wiring wiring, InputStream in, OutputStream out) {
        JsonMapper json = JsonMapper.builder().build();
        var tools = wiring.invoker().specifications();
        SchemaValidator validator = new SchemaValidator(json, tools.stream().map(t -> t.tool().inputSchema()).toList());
        StdioTransport transport = new StdioTransport(new JacksonMcpJsonMapper(json), in, out,
                Optional.of(new ToolCallLane(tools, validator)));
        McpSyncServer server = McpServer.sync(transport)
                .immediateExecution(true)
                .jsonSchemaValidator(validator)
                .serverInfo("dm20-mcp-server", "0.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).prompts(false).resources(false, false).build())
                .tools(tools)
                .prompts(PromptCatalog.packaged().specifications())
                .resources(wiring.resources().specifications())
                .build();
        wiring.deadlines().start(Duration.ofSeconds(1));
        preloadRules(wiring.game().rules());
        LOG.info("serving {} tools over stdio", wiring.invoker().names().size());
        try {
            transport.awaitEndOfInput();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wiring.deadlines().close();
        server.closeGracefully();
        LOG.info("stdin closed; exiting");
    }

    /**
     * Reads the rules data in the background a moment after start: late enough not to slow the answer to
     * {@code initialize} (the cold-start budget), early enough that the DM's first lookup is fast. Then prepares the
     * party bus's classes ({@link dm20.protocol.queue.PartyBus#prepare}), so that the first {@code party_start} does
     * not pay for Chronicle's initialization.
     */
    private static void preloadRules(dm20.mcp.rules.Rulebook rules) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(RULES_PRELOAD_DELAY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                rules.load();
            } catch (RuntimeException e) {
                LOG.warn("rules data could not be loaded: {}", e.toString());
            }
            dm20.protocol.queue.PartyBus.prepare();
        }, "rules-preload");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
