package dm20.protocol.testing;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code dm20.Hop} stamps of one or more JFR recordings ({@code -Ddm20.hops=true}, shared-protocol
 * {@code queue.Hop}), lined up with a harness's own {@link System#nanoTime()} stamps: for each measured
 * message, the first and the last stamp of a hop between its start and the next message's start. Processes on
 * one machine share {@code nanoTime}, so a server's, a relay's and a harness's stamps compare directly.
 */
public final class HopTimes {

    private final Map<String, long[]> stamps;
    /** Per hop, in the order of {@link #stamps}: the stamping thread's CPU time, -1 for a virtual thread. */
    private final Map<String, long[]> cpu;
    /** Likewise the bytes the stamping thread had allocated, -1 for a virtual thread or an older recording. */
    private final Map<String, long[]> allocated;

    private HopTimes(Map<String, long[]> stamps, Map<String, long[]> cpu, Map<String, long[]> allocated) {
        this.stamps = stamps;
        this.cpu = cpu;
        this.allocated = allocated;
    }

    private static long allocated(RecordedEvent e) {
        return e.hasField("threadAllocated") ? e.getLong("threadAllocated") : -1;
    }

    /**
     * Reads the hops of each recording, each hop named {@code prefix + hop} with the prefix given beside its file
     * (e.g. {@code "mcp:"} and {@code "relay:"}, so two processes' {@code bus.read} stay apart).
     *
     * @throws IOException if a recording cannot be read
     */
    public static HopTimes read(Map<String, Path> recordingsByPrefix) throws IOException {
        Map<String, List<long[]>> all = new TreeMap<>();
        for (var r : recordingsByPrefix.entrySet()) {
            try (RecordingFile file = new RecordingFile(r.getValue())) {
                while (file.hasMoreEvents()) {
                    RecordedEvent e = file.readEvent();
                    if (e.getEventType().getName().equals("dm20.Hop")) {
                        all.computeIfAbsent(r.getKey() + e.getString("hop"), k -> new ArrayList<>())
                                .add(new long[] {e.getLong("nanos"), e.getLong("threadCpu"), allocated(e)});
                    }
                }
            }
        }
        Map<String, long[]> sorted = new TreeMap<>();
        Map<String, long[]> cpu = new TreeMap<>();
        Map<String, long[]> allocated = new TreeMap<>();
        all.forEach((hop, xs) -> {
            xs.sort(Comparator.comparingLong(x -> x[0]));
            sorted.put(hop, xs.stream().mapToLong(x -> x[0]).toArray());
            cpu.put(hop, xs.stream().mapToLong(x -> x[1]).toArray());
            allocated.put(hop, xs.stream().mapToLong(x -> x[2]).toArray());
        });
        return new HopTimes(sorted, cpu, allocated);
    }

    /** The hops seen, by name. */
    public List<String> hops() {
        return List.copyOf(stamps.keySet());
    }

    /**
     * For each start (ascending {@code nanoTime}s): the time from it to the first ({@code last} false) or the last
     * stamp of {@code hop} before the next start, or -1 where there is none.
     */
    public long[] since(String hop, long[] starts, boolean last) {
        return since(hop, starts, null, last);
    }

    /** As {@link #since(String, long[], boolean)}, each window also ending at {@code ends[i]} (inclusive) if given. */
    public long[] since(String hop, long[] starts, long[] ends, boolean last) {
        return find(hop, starts, ends, last, null);
    }

    /**
     * The stamping thread's CPU time at the first stamp of {@code hop} in each window (as {@link #since}), or -1;
     * the difference between two hops that one platform thread stamps is what that step cost it in CPU.
     */
    public long[] threadCpu(String hop, long[] starts, long[] ends) {
        return find(hop, starts, ends, false, cpu);
    }

    /** As {@link #threadCpu}, the bytes the stamping thread had allocated. */
    public long[] threadAllocated(String hop, long[] starts, long[] ends) {
        return find(hop, starts, ends, false, allocated);
    }

    private long[] find(String hop, long[] starts, long[] ends, boolean last, Map<String, long[]> value) {
        long[] out = new long[starts.length];
        Arrays.fill(out, -1);
        long[] xs = stamps.get(hop);
        long[] vs = value == null ? null : value.get(hop);
        if (xs == null) {
            return out;
        }
        for (int i = 0; i < starts.length; i++) {
            long to = i + 1 < starts.length ? starts[i + 1] : Long.MAX_VALUE;
            if (ends != null) {
                to = Math.min(to, ends[i] + 1);
            }
            int at = Arrays.binarySearch(xs, starts[i]);
            for (int k = at < 0 ? -at - 1 : at; k < xs.length && xs[k] < to; k++) {
                if (out[i] < 0 || last) {
                    out[i] = vs != null ? vs[k] : xs[k] - starts[i];
                }
                if (!last) {
                    break;
                }
            }
        }
        return out;
    }

    /** The median of the values that are ≥ 0, or -1 if there are none. */
    public static long median(long[] nanos) {
        long[] s = Arrays.stream(nanos).filter(x -> x >= 0).sorted().toArray();
        return s.length == 0 ? -1 : s[s.length / 2];
    }
}
