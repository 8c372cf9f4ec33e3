package dm20.mcp.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The machine's floor for a cross-process round trip, to read PartyBench's tails against: a line written to
 * {@code cat}'s stdin and read back from its stdout, {@code n} times, {@code gapMs} apart (as a DM's calls come:
 * both sides asleep in between), after 50 unmeasured. Nothing of ours runs; what it shows is the VM's scheduling.
 * <pre>java -cp mcp-server/target/test-classes dm20.mcp.bench.PipeFloor [n (400)] [gapMs (30)]</pre>
 */
public final class PipeFloor {

    private PipeFloor() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        long gapMs = args.length > 1 ? Long.parseLong(args[1]) : 30;
        Machine.Snapshot start = Machine.snapshot();
        Process cat = new ProcessBuilder(List.of("cat")).start();
        long[] t = new long[n];
        try (OutputStream in = cat.getOutputStream();
             BufferedReader out = new BufferedReader(new InputStreamReader(cat.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = -50; i < n; i++) {
                Thread.sleep(gapMs);
                byte[] line = ("ping " + i + "\n").getBytes(StandardCharsets.UTF_8);
                long sent = System.nanoTime();
                in.write(line);
                in.flush();
                if (out.readLine() == null) {
                    throw new IllegalStateException("cat ended");
                }
                if (i >= 0) {
                    t[i] = System.nanoTime() - sent;
                }
            }
        }
        cat.waitFor();
        Arrays.sort(t);
        System.out.printf("pipe round trip through cat, %d times %d ms apart: p50 %.3f, p90 %.3f, p99 %.3f, max %.3f ms"
                        + " (%s)%n", n, gapMs, t[n / 2] / 1e6, t[n * 9 / 10] / 1e6, t[n * 99 / 100] / 1e6, t[n - 1] / 1e6,
                Machine.snapshot().describe(start));
    }
}
