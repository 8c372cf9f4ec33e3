package dm20.mcp;

import dm20.mcp.bench.Machine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * On-demand benchmark (not part of the test run): cold start of the packaged server to its {@code initialize}
 * answer, and stdio round-trip latency of roll_dice, get_character and update_character, one call at a time,
 * with the server's own CPU time per call (from {@code /proc}, so it holds under load where wall-clock
 * latency does not). Prints the load average and steal before and after, and the server's RSS. See
 * docs/performance.md (mcp-server section) for the command and the recorded numbers. Bounded: a fixed number
 * of runs and calls.
 *
 * <p>Arguments: {@code [server (a .jar, run as java <-Dbench.jvm flags> -jar; or the launcher, run as
 * "<launcher> mcp"; default mcp-server/target/mcp-server.jar)] [calls per tool (default 4000)] [cold starts
 * (default 5)]}. {@code -Dbench.tools=roll_dice,…} picks the tools; {@code -Dbench.jfr=FILE} records the measured calls with JFR ({@code settings=profile}).
 */
public final class McpBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    /** The launcher's flags for the server (./dm20), without its AOT cache. */
    static final String LAUNCHER_FLAGS = "-Xlog:disable -Xlog:all=warning:stderr -XX:+UseSerialGC"
            + " -XX:TieredStopAtLevel=1 --sun-misc-unsafe-memory-access=allow";
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";

    private final Process process;
    private final BufferedReader out;
    private final OutputStream in;
    private int id = 1;

    private McpBench(Process p) {
        this.process = p;
        this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        this.in = p.getOutputStream();
    }

    public static void main(String[] args) throws Exception {
        Path server = Path.of(args.length > 0 ? args[0] : "mcp-server/target/mcp-server.jar").toAbsolutePath();
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int coldStarts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Machine.Snapshot begin = Machine.snapshot();
        System.out.printf("start: %s; %d cores; java %s; server: %s%n", Machine.describeNow(1000),
                Runtime.getRuntime().availableProcessors(), Runtime.version(), command(server, Path.of("ROOT")));
        long[] starts = new long[coldStarts];
        for (int i = 0; i < starts.length; i++) {
            long t0 = System.nanoTime();
            Process p = start(server);
            new McpBench(p).request(INIT);
            starts[i] = System.nanoTime() - t0;
            p.getOutputStream().close();
            p.waitFor();
        }
        if (coldStarts > 0) {
            System.out.printf("cold start to initialize answer: %s ms (%d runs)%n", ms(starts), coldStarts);
        }
        Process p = start(server);
        McpBench b = new McpBench(p);
        b.request(INIT);
        b.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        b.tool("create_campaign", "{\"name\":\"Bench\"}");
        b.tool("create_character", "{\"name\":\"Thorin\",\"class\":\"Fighter\"}");
        // the rules data loads in the background 2 s after start: wait for it so it is not in the measurement
        b.tool("search_rules", "{\"query\":\"fireball\"}");
        System.out.printf("server RSS after start-up: %.1f MB%n", Machine.rssMegabytes(serverPid(p)));
        String jfr = System.getProperty("bench.jfr", "");
        if (!jfr.isEmpty()) {   // started with jcmd: a recording started by a flag prints on the server's stdout
            jcmd(serverPid(p), "JFR.start", "name=bench", "settings=profile", "filename=" + Path.of(jfr).toAbsolutePath());
        }
        List<String> tools = List.of(System.getProperty("bench.tools", "roll_dice,get_character,update_character").split(","));
        if (tools.contains("roll_dice")) {
            b.measure("roll_dice", "{\"expression\":\"1d20+5\",\"label\":\"attack\"}", calls);
        }
        if (tools.contains("get_character")) {
            b.measure("get_character", "{\"character\":\"thorin\"}", calls);
        }
        if (tools.contains("update_character")) {
            b.measure("update_character", "{\"character\":\"Thorin\",\"notes\":\"bench\"}", calls);
        }
        System.out.printf("server RSS after the run: %.1f MB%n", Machine.rssMegabytes(serverPid(p)));
        if (!jfr.isEmpty()) {
            jcmd(serverPid(p), "JFR.stop", "name=bench");
        }
        p.getOutputStream().close();
        p.waitFor();
        System.out.printf("end: %s (steal over the whole run)%n", Machine.snapshot().describe(begin));
    }

    /** The java process serving: the launcher execs java, so it is the process itself. */
    private static long serverPid(Process p) {
        return p.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .orElse(p.toHandle()).pid();
    }

    private static void jcmd(long pid, String... args) throws Exception {
        Path jcmd = Path.of(JAVA).resolveSibling("jcmd");
        List<String> cmd = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static List<String> command(Path server, Path root) {
        List<String> cmd = new ArrayList<>();
        if (server.toString().endsWith(".jar")) {
            cmd.add(JAVA);
            cmd.addAll(List.of(System.getProperty("bench.jvm", LAUNCHER_FLAGS).trim().split("\\s+")));
            cmd.addAll(List.of("-jar", server.toString()));
        } else {
            cmd.addAll(List.of(server.toString(), "mcp"));
        }
        cmd.addAll(List.of("--campaign-root", root.toString()));
        return cmd;
    }

    private static Process start(Path server) throws Exception {
        Path root = Files.createTempDirectory("mcp-bench");
        return new ProcessBuilder(command(server, root)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void measure(String tool, String args, int calls) throws Exception {
        for (int i = 0; i < calls / 4; i++) {
            tool(tool, args);
        }
        long[] t = new long[calls];
        long cpu0 = Machine.cpuNanos(process.toHandle());
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            tool(tool, args);
            t[i] = System.nanoTime() - t0;
        }
        long cpu = Machine.cpuNanos(process.toHandle()) - cpu0;
        Arrays.sort(t);
        System.out.printf("%-17s p50 %.3f ms  p99 %.3f ms  max %.3f ms  server CPU %.0f µs/call  (%d calls)%n", tool,
                t[calls / 2] / 1e6, t[(int) (calls * 0.99)] / 1e6, t[calls - 1] / 1e6, cpu / 1e3 / calls, calls);
    }

    private void tool(String tool, String args) throws Exception {
        JsonNode r = request("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":{\"name\":\""
                + tool + "\",\"arguments\":" + args + "}}");
        if (r.get("result").get("isError").asBoolean()) {
            throw new IllegalStateException(tool + " failed: " + r);
        }
    }

    private JsonNode request(String line) throws Exception {
        send(line);
        return JSON.readTree(out.readLine());
    }

    private void send(String line) throws Exception {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    private static String ms(long[] nanos) {
        return Arrays.toString(Arrays.stream(nanos).map(n -> n / 1_000_000).toArray());
    }
}
