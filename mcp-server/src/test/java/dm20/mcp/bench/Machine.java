package dm20.mcp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What the machine was doing while a benchmark ran, read from {@code /proc} (Linux): the load average and the
 * CPU counters of {@code /proc/stat} (so the share of time the hypervisor stole between two snapshots), and a
 * process's resident set ({@code VmRSS} of {@code /proc/<pid>/status}). Every number a benchmark prints comes
 * with these, because on a shared 2-core VM the load decides the tails.
 */
public final class Machine {

    /** The load average line and the summed CPU counters (jiffies) at one moment. */
    public record Snapshot(String loadAverage, long steal, long total) {

        /** Steal as a share of all CPU time from {@code earlier} to this snapshot, e.g. {@code "0.3 %"}. */
        public String stealSince(Snapshot earlier) {
            long dt = total - earlier.total;
            return dt <= 0 ? "n/a" : "%.1f %%".formatted(100.0 * (steal - earlier.steal) / dt);
        }

        /** {@code load average 0.52 0.61 0.70 1/345 12345, steal 0.1 % (over the last ...)}. */
        public String describe(Snapshot earlier) {
            return "load average " + loadAverage + ", steal " + stealSince(earlier);
        }
    }

    private Machine() {
    }

    /** Now. Unknown fields (not Linux) read as "unknown" and 0. */
    public static Snapshot snapshot() {
        String load = read(Path.of("/proc/loadavg")).map(String::strip).orElse("unknown");
        long steal = 0;
        long total = 0;
        Optional<String> stat = read(Path.of("/proc/stat"));
        if (stat.isPresent()) {
            String cpu = stat.get().lines().filter(l -> l.startsWith("cpu ")).findFirst().orElse("cpu");
            long[] f = Arrays.stream(cpu.substring(3).trim().split("\\s+")).filter(s -> !s.isEmpty())
                    .mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user
            for (int i = 0; i < Math.min(8, f.length); i++) {
                total += f[i];
            }
            steal = f.length > 7 ? f[7] : 0;
        }
        return new Snapshot(load, steal, total);
    }

    /** The load average and the steal over the next {@code millis} (a snapshot before a run). */
    public static String describeNow(long millis) throws InterruptedException {
        Snapshot a = snapshot();
        Thread.sleep(millis);
        Snapshot b = snapshot();
        return b.describe(a) + " (steal over " + millis + " ms)";
    }

    /** The resident set of a process in MB (VmRSS), or -1 if it is gone or unreadable. */
    public static double rssMegabytes(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status")).flatMap(s -> s.lines()
                .filter(l -> l.startsWith("VmRSS:")).findFirst())
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0).orElse(-1.0);
    }

    /** CPU time (user + system) a process has used so far, in nanoseconds (10 ms granularity on Linux). */
    public static long cpuNanos(ProcessHandle p) {
        return p.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /**
     * Time the process's threads have spent runnable but waiting for a CPU, summed over the threads alive now, in
     * nanoseconds (the second field of {@code /proc/<pid>/task/<tid>/schedstat}); -1 where the kernel keeps none.
     * The difference over a run says how much of its latency was the 2 cores being taken by someone else.
     */
    public static long runQueueNanos(long pid) {
        return schedstat(pid, 1);
    }

    /**
     * Time the process's threads have spent on a CPU, summed over the threads alive now, in nanoseconds (the first
     * field of {@code /proc/<pid>/task/<tid>/schedstat}: exact, where {@link #cpuNanos} counts 10 ms ticks); -1 where
     * the kernel keeps none.
     */
    public static long runNanos(long pid) {
        return schedstat(pid, 0);
    }

    private static long schedstat(long pid, int field) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        long sum = 0;
        try (var threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                Optional<String> line = read(t.resolve("schedstat"));
                if (line.isPresent()) {
                    String[] f = line.get().trim().split("\\s+");
                    sum += f.length > field ? Long.parseLong(f[field]) : 0;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
