package dm20.protocol.queue;

import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * The writing JVM of {@link BusBenchmark}: appends {@code count} outbox messages at {@code rate} per second
 * (0 = as fast as possible), each carrying its send time from {@link System#nanoTime()} (CLOCK_MONOTONIC,
 * comparable across processes on one Linux machine). Prints the append rate at the end.
 */
public final class BenchWriterProcess {

    private BenchWriterProcess() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        long interval = rate == 0 ? 0 : 1_000_000_000L / rate;
        Instant at = Instant.now();
        try (PartyBus bus = PartyBus.open(dir)) {
            BusWriter<OutboxMessage> writer = bus.outboxWriter();
            long start = System.nanoTime();
            long next = start;
            for (int i = 0; i < count; i++) {
                if (interval > 0) {
                    while (System.nanoTime() < next) {
                        LockSupport.parkNanos(Math.max(1, next - System.nanoTime() - 50_000));
                    }
                    next += interval;
                }
                writer.append(new OutboxMessage.NarrativePosted("n-" + i, Long.toString(System.nanoTime()),
                        Visibility.everyone(), at));
            }
            double secs = (System.nanoTime() - start) / 1e9;
            System.out.printf("WRITER appended %d in %.3f s = %.0f msg/s%n", count, secs, count / secs);
        }
    }
}
