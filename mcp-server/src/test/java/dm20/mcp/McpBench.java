package dm20.mcp;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * On-demand benchmark (not part of the test run): cold start of the packaged jar to its {@code initialize}
 * answer, and stdio round-trip latency of get_character, update_character and roll_dice. See
 * docs/performance.md (mcp-server section) for the command and the recorded numbers. Bounded: a fixed number of runs and calls.
 */
public final class McpBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}";

    private final BufferedReader out;
    private final OutputStream in;
    private int id = 1;

    private McpBench(Process p) {
        this.out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        this.in = p.getOutputStream();
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "mcp-server/target/mcp-server.jar").toAbsolutePath();
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long[] starts = new long[5];
        for (int i = 0; i < starts.length; i++) {
            long t0 = System.nanoTime();
            Process p = start(jar);
            new McpBench(p).request(INIT);
            starts[i] = System.nanoTime() - t0;
            p.getOutputStream().close();
            p.waitFor();
        }
        System.out.printf("cold start to initialize answer: %s ms (5 runs)%n", ms(starts));
        Process p = start(jar);
        McpBench b = new McpBench(p);
        b.request(INIT);
        b.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        b.tool("create_campaign", "{\"name\":\"Bench\"}");
        b.tool("create_character", "{\"name\":\"Thorin\",\"class\":\"Fighter\"}");
        b.measure("get_character", "{\"character\":\"thorin\"}", calls);
        b.measure("update_character", "{\"character\":\"Thorin\",\"notes\":\"bench\"}", calls);
        b.measure("roll_dice", "{\"expression\":\"1d20+5\",\"label\":\"attack\"}", calls);
        p.getOutputStream().close();
        p.waitFor();
    }

    private static Process start(Path jar) throws Exception {
        Path root = Files.createTempDirectory("mcp-bench");
        return new ProcessBuilder(JAVA, "-Xlog:disable", "-Xlog:all=warning:stderr", "-jar", jar.toString(),
                "--campaign-root", root.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void measure(String tool, String args, int calls) throws Exception {
        for (int i = 0; i < calls / 4; i++) {
            tool(tool, args);
        }
        long[] t = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            tool(tool, args);
            t[i] = System.nanoTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf("%-17s p50 %.3f ms  p99 %.3f ms  max %.3f ms  (%d calls)%n", tool, t[calls / 2] / 1e6,
                t[(int) (calls * 0.99)] / 1e6, t[calls - 1] / 1e6, calls);
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
