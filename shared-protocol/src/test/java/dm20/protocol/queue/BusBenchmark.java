package dm20.protocol.queue;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.testing.ChildJvm;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load harness for the bus, run on demand (not part of the test run): a second JVM appends outbox messages
 * while this JVM tails them with the production {@link BusPoller}. Reports cross-process latency
 * percentiles at a steady rate, sustained throughput, the idle CPU cost of a quiet table and the cost of
 * a synced inbox append. See docs/performance.md for how to run it and the recorded numbers.
 */
public final class BusBenchmark {

    private BusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // diskSyncedAppend needs Chronicle's native msync, which the bus does without (PartyBus.NATIVE_MSYNC);
        // the other measures never msync, so keeping it changes nothing for them.
        System.setProperty(PartyBus.NATIVE_MSYNC, "true");
        System.out.println("LOAD at the start (1/5/15 min): " + loadAverage());
        latency(1_000, 20);
        latency(10_000, 10);
        throughput(500_000);
        quietCpu(20);
        inboxAppend(2_000);
        diskSyncedAppend(500);
        System.out.println("LOAD at the end (1/5/15 min): " + loadAverage());
    }

    /** The machine's load average ({@code /proc/loadavg}), so that every run says how busy the machine was. */
    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static void latency(int rate, int seconds) throws Exception {
        int count = rate * seconds;
        long[] latencies = new long[count];
        AtomicInteger n = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Path dir = Files.createTempDirectory("bus-bench");
        try (PartyBus bus = PartyBus.open(dir);
             BusPoller<OutboxMessage> poller = new BusPoller<>("bench", bus.outboxReader(Optional.empty()), e -> {
                 long now = System.nanoTime();
                 long sent = Long.parseLong(((OutboxMessage.NarrativePosted) e.message()).text());
                 int i = n.getAndIncrement();
                 latencies[i] = now - sent;
                 if (i == count - 1) {
                     done.countDown();
                 }
             })) {
            runWriter(dir, count, rate);
            done.await();
        }
        int warm = Math.min(count / 10, 2000);
        long[] sorted = Arrays.copyOfRange(latencies, warm, count);
        Arrays.sort(sorted);
        System.out.printf("LATENCY at %,d msg/s (%,d msgs after %,d warm-up): p50 %.1f us, p90 %.1f us, p99 %.1f us,"
                        + " p99.9 %.1f us, max %.1f us%n", rate, sorted.length, warm, pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e3);
    }

    static void throughput(int count) throws Exception {
        AtomicInteger n = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        long[] firstLast = new long[2];
        Path dir = Files.createTempDirectory("bus-bench");
        try (PartyBus bus = PartyBus.open(dir);
             BusPoller<OutboxMessage> poller = new BusPoller<>("bench", bus.outboxReader(Optional.empty()), e -> {
                 int i = n.getAndIncrement();
                 if (i == 0) {
                     firstLast[0] = System.nanoTime();
                 }
                 if (i == count - 1) {
                     firstLast[1] = System.nanoTime();
                     done.countDown();
                 }
             })) {
            runWriter(dir, count, 0);
            done.await();
        }
        double secs = (firstLast[1] - firstLast[0]) / 1e9;
        System.out.printf("THROUGHPUT writer JVM -> reader JVM: %,d msgs read in %.3f s = %,.0f msg/s%n",
                count, secs, count / secs);
    }

    static void quietCpu(int seconds) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path dir = Files.createTempDirectory("bus-bench");
        try (PartyBus bus = PartyBus.open(dir);
             BusPoller<OutboxMessage> poller = new BusPoller<>("bench", bus.outboxReader(Optional.empty()), e -> { })) {
            Thread.sleep(6_000); // let the poller reach its coldest back-off
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            double share = (os.getProcessCpuTime() - cpu0) * 100.0 / (System.nanoTime() - t0);
            System.out.printf("QUIET TABLE: whole reader JVM used %.2f %% of one core over %d s of silence%n",
                    share, seconds);
        }
    }

    static void inboxAppend(int count) throws Exception {
        Path dir = Files.createTempDirectory("bus-bench");
        long[] took = new long[count];
        try (PartyBus bus = PartyBus.open(dir)) {
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                bus.inboxWriter().append(new InboxMessage.ActionSubmitted("a-" + i, "s", "p", "c", "I attack",
                        false, Instant.now()));
                took[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(took);
        System.out.printf("INBOX APPEND (the bus's own: mapped file, ring, JSONL line):"
                + " p50 %.1f us, p99 %.1f us%n", pct(took, 50), pct(took, 99));
    }

    /**
     * What an append would cost if it waited for the disk: the same writer on a queue whose sync mode is
     * {@code SyncMode.SYNC} ({@code msync(MS_SYNC)}); the bus does not use it (docs/performance.md, Bus).
     */
    static void diskSyncedAppend(int count) throws Exception {
        Path dir = Files.createTempDirectory("bus-bench");
        long[] took = new long[count];
        MessageCodec codec = new MessageCodec();
        try (var queue = net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder.binary(dir.resolve("inbox"))
                .syncMode(net.openhft.chronicle.bytes.SyncMode.SYNC).build();
             var writer = new ChronicleWriter<InboxMessage>(queue, codec::encodeBytes,
                     new AuditLog(dir.resolve("actions.jsonl")), PartyBus.Durability.SYNC)) {
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                writer.append(new InboxMessage.ActionSubmitted("a-" + i, "s", "p", "c", "I attack", false,
                        Instant.now()));
                took[i] = System.nanoTime() - t;
            }
        }
        Arrays.sort(took);
        System.out.printf("DISK-SYNCED APPEND (msync MS_SYNC, not used by the bus): p50 %.1f us, p99 %.1f us%n",
                pct(took, 50), pct(took, 99));
    }

    private static void runWriter(Path dir, int count, int rate) throws Exception {
        Process writer = new ProcessBuilder(ChildJvm.mainCommand(BenchWriterProcess.class, dir.toString(),
                String.valueOf(count), String.valueOf(rate))).redirectErrorStream(true).start();
        try (var in = new BufferedReader(new InputStreamReader(writer.getInputStream()))) {
            in.lines().filter(l -> l.startsWith("WRITER")).forEach(System.out::println);
        }
        writer.waitFor();
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e3;
    }
}
