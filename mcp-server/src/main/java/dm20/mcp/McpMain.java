package dm20.mcp;

import dm20.mcp.game.DeadlineScheduler;
import dm20.mcp.game.Game;
import dm20.mcp.tools.GameTools;
import dm20.mcp.console.ConsoleMain;
import dm20.mcp.party.PartyTools;
import dm20.mcp.prompts.PromptCatalog;
import dm20.mcp.session.SessionTools;
import dm20.mcp.tools.ToolGroup;
import dm20.mcp.tools.ToolInvoker;
import dm20.mcp.tools.ToolKit;
import dm20.protocol.message.MessageCodec;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The mcp-server's composition root: reads the configuration, wires the game, its tool groups and the
 * deadline scheduler, and serves MCP over stdio until stdin closes (then exits 0). stdout carries
 * JSON-RPC only: the real stdout is kept for the transport and {@code System.out} points at stderr.
 * Launch with {@code -Xlog:disable -Xlog:all=warning:stderr} so JVM logging cannot reach stdout.
 */
public final class McpMain {

    private static final Logger LOG = LoggerFactory.getLogger(McpMain.class);

    /** The wired server parts, for {@link #serve} and for a non-MCP console mode ({@link #invoker}). */
    public record Wiring(Game game, ToolKit kit, ToolInvoker invoker, DeadlineScheduler deadlines) {
    }

    private McpMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("console")) {
            // the human-DM console owns the terminal; no JSON-RPC on stdout there
            ConsoleMain.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        PrintStream transportOut = System.out;
        System.setOut(System.err);
        McpConfig config;
        try {
            config = McpConfig.parse(args, System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println("mcp-server: " + e.getMessage());
            System.exit(2);
            return;
        }
        Wiring wiring = wire(config, Clock.systemUTC(), List.of(PartyTools.factory(System.getenv())));
        config.campaign().ifPresent(name -> {
            var loaded = wiring.invoker().call("load_campaign", java.util.Map.of("campaign", name));
            LOG.info("--campaign {}: {}", name, Boolean.TRUE.equals(loaded.isError()) ? "not loaded: "
                    + loaded.content() : "loaded");
        });
        serve(wiring, System.in, transportOut);
        System.exit(0);
    }

    /**
     * Wires the game and its tools. {@code extraGroups} build further tool groups (e.g. party mode's) on
     * the same kit and game.
     */
    public static Wiring wire(McpConfig config, Clock clock,
                              List<java.util.function.BiFunction<ToolKit, Game, ToolGroup>> extraGroups) {
        JsonMapper json = new MessageCodec().json();
        Game game = Game.create(config.campaignRoot(), config.turnDeadline(), json, clock, new SecureRandom());
        ToolKit kit = new ToolKit(game.lock(), json);
        List<ToolGroup> groups = new ArrayList<>(GameTools.groups(kit, game));
        groups.add(new SessionTools(kit, game));
        extraGroups.forEach(g -> groups.add(g.apply(kit, game)));
        return new Wiring(game, kit, new ToolInvoker(groups), new DeadlineScheduler(game.lock(), game.combat()));
    }

    /** Serves MCP on {@code in}/{@code out} until {@code in} reaches end of stream. */
    public static void serve(Wiring wiring, InputStream in, OutputStream out) {
        CountDownLatch eof = new CountDownLatch(1);
        StdioTraffic traffic = new StdioTraffic();
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(
                        new JacksonMcpJsonMapper(JsonMapper.builder().build()),
                        new EofSignal(traffic.counting(in), eof), traffic.counting(out)))
                .serverInfo("dm20-mcp-server", "0.1.0")
                .capabilities(ServerCapabilities.builder().tools(false).prompts(false).build())
                .tools(wiring.invoker().specifications())
                .prompts(PromptCatalog.packaged().specifications())
                .build();
        wiring.deadlines().start(Duration.ofSeconds(1));
        LOG.info("serving {} tools over stdio", wiring.invoker().names().size());
        try {
            eof.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        wiring.deadlines().close();
        server.closeGracefully();
        LOG.info("stdin closed; exiting");
    }

    /** Counts down a latch when the wrapped stream reaches end of stream or fails. */
    private static final class EofSignal extends FilterInputStream {
        private final CountDownLatch eof;

        EofSignal(InputStream in, CountDownLatch eof) {
            super(in);
            this.eof = eof;
        }

        @Override
        public int read() throws IOException {
            return signal(() -> super.read());
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return signal(() -> super.read(b, off, len));
        }

        private int signal(IoRead read) throws IOException {
            try {
                int n = read.get();
                if (n < 0) {
                    eof.countDown();
                }
                return n;
            } catch (IOException e) {
                eof.countDown();
                throw e;
            }
        }

        private interface IoRead {
            int get() throws IOException;
        }
    }
}
