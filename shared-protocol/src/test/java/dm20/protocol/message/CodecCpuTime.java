package dm20.protocol.message;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * On-demand companion to {@link CodecBenchmark} for a busy machine: the same codec work, timed in this
 * thread's CPU time (ThreadMXBean) instead of wall time, so that time spent waiting for a core on a
 * shared 2-vCPU box does not count. The two codecs alternate round by round; prints the median of 15
 * rounds per case, in ns of CPU per encode+decode.
 *
 * <pre>scripts/bench shared-protocol dm20.protocol.message.CodecCpuTime [ops per round, default 20000]</pre>
 */
public final class CodecCpuTime {

    private CodecCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String message : List.of("action_submitted", "action_resolved", "character_updated", "combat_updated")) {
            CodecBenchmark helidon = bench("helidon", message);
            CodecBenchmark jackson = bench("jackson", message);
            for (int i = 0; i < 5; i++) {
                round(helidon, ops, mx);
                round(jackson, ops, mx);
            }
            long[] h = new long[15];
            long[] j = new long[15];
            for (int i = 0; i < h.length; i++) {
                h[i] = round(helidon, ops, mx);
                j[i] = round(jackson, ops, mx);
            }
            System.out.printf("%-18s encode+decode CPU ns/op: helidon %,6d  jackson %,6d  (median of 15 x %d; bytes %d)%n",
                    message, median(h), median(j), ops, helidon.encode().length());
        }
    }

    private static CodecBenchmark bench(String codec, String message) {
        CodecBenchmark b = new CodecBenchmark();
        b.codec = codec;
        b.message = message;
        b.setUp();
        return b;
    }

    private static long round(CodecBenchmark b, int ops, ThreadMXBean mx) {
        long start = mx.getCurrentThreadCpuTime();
        int sink = 0;
        for (int i = 0; i < ops; i++) {
            sink += b.encodeDecode().hashCode() & 1;
        }
        long ns = (mx.getCurrentThreadCpuTime() - start) / ops;
        return sink < 0 ? -1 : ns;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
