package dm20.protocol.queue;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Stamps one hop of a DM's call and its outbox message on their way from the mcp-server's stdin to the phones'
 * sockets — in the server {@code mcp.read}, {@code mcp.parsed}, {@code tool.call}, {@code party.resolve},
 * {@code tool.done}, {@code mcp.send}, {@code mcp.written}; at any bus writer {@code bus.encoded}, {@code bus.committed},
 * {@code bus.rang}, {@code bus.mirrored}; at any bus reader {@code bus.woke}, {@code bus.entry}, {@code bus.read}; in the
 * relay {@code table.locked}, {@code table.fanned},
 * {@code ws.taken}, {@code ws.written} — as a JFR event named {@code dm20.Hop}, with {@link System#nanoTime()}, which
 * processes on one machine share, so a harness can line the hops up with its own stamps (RelayBench
 * {@code hops=on}, PartyBench {@code -Dbench.hops=true}; docs/performance.md).
 *
 * <p>Free when off: every call site tests {@link #ON}, a constant the JIT folds, fixed at start by the system
 * property {@code dm20.hops=true}. The event class is loaded by the first stamp, so a process that never stamps never
 * loads JFR (≈ 110 classes). With it on, the events still need a JFR recording to be kept.
 */
public final class Hop {

    /** Whether hops are stamped at all ({@code -Ddm20.hops=true}). */
    public static final boolean ON = Boolean.getBoolean("dm20.hops");

    private Hop() {
    }

    /** Commits a hop stamped now; call only when {@link #ON}. */
    public static void stamp(String hop) {
        stamp(hop, System.nanoTime());
    }

    /** Commits a hop stamped at {@code nanos} ({@link System#nanoTime()}); call only when {@link #ON}. */
    public static void stamp(String hop, long nanos) {
        boolean virtual = Thread.currentThread().isVirtual();
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        new Stamp(hop, nanos, virtual ? -1 : threads.getCurrentThreadCpuTime(),
                virtual ? -1 : threads.getCurrentThreadAllocatedBytes()).commit();
    }

    @Name("dm20.Hop")
    @Label("Message hop")
    @Category({"dm20", "Latency"})
    @Description("One hop of an outbox message on its way to the sockets, stamped with System.nanoTime()")
    @StackTrace(false)
    static final class Stamp extends Event {

        @Label("Hop")
        private final String hop;

        @Label("System.nanoTime()")
        private final long nanos;

        @Label("CPU time of the stamping thread (ns), -1 for a virtual thread")
        private final long threadCpu;

        @Label("Bytes the stamping thread has allocated, -1 for a virtual thread")
        private final long threadAllocated;

        Stamp(String hop, long nanos, long threadCpu, long threadAllocated) {
            this.hop = hop;
            this.nanos = nanos;
            this.threadCpu = threadCpu;
            this.threadAllocated = threadAllocated;
        }
    }
}
