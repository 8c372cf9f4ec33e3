package dm20.protocol.queue;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.OutboxMessage;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.posix.PosixAPI;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The bus of one campaign directory: {@code party/bus/inbox} (relay → mcp) and {@code party/bus/outbox}
 * (mcp → relay) Chronicle Queues, mirrored line by line into {@code party/actions.jsonl} and
 * {@code party/responses.jsonl}. Each queue has one writing process; any number of readers, in any
 * process, may tail either.
 *
 * <p>Durability: an append returns once the entry is in the memory-mapped queue file, which survives the
 * writing process being killed (the page belongs to the kernel's page cache, not to the process): that is what makes an
 * action a player was told is queued survive the relay's kill -9. It does not wait for the disk, so an OS crash or a
 * power cut can lose the last seconds; docs/performance.md, Bus, measures what waiting for the disk
 * ({@code msync(MS_SYNC)} per append) would cost. Both queues are opened with {@link Durability#PROCESS_CRASH}.
 *
 * <p>Thread-safe. Close it once, when the process is done with the bus.
 */
public final class PartyBus implements AutoCloseable {

    /** How far an append has travelled before it returns. */
    public enum Durability {
        /** In the mapped file: survives kill -9 of the writer, not a power cut. */
        PROCESS_CRASH,
        /**
         * Also msync'ed with the queue's sync mode. Only a queue built with a sync mode that waits ({@code SYNC}) in a
         * process that kept Chronicle's native layer ({@link #NATIVE_MSYNC}) gets anything more from it: Chronicle's
         * default mode is {@code MS_ASYNC}, a no-op on Linux. The bus uses neither; {@code BusBenchmark} measures it.
         */
        SYNC
    }

    /**
     * System property: {@code true} keeps Chronicle's native POSIX layer, for a queue built with a real sync mode
     * ({@code MS_SYNC}); read once, when this class loads.
     */
    public static final String NATIVE_MSYNC = "dm20.bus.nativeMsync";

    static {
        // Keep Chronicle from printing to stdout (the mcp-server's stdout is JSON-RPC) or phoning home.
        System.setProperty("chronicle.analytics.disable", "true");
        System.setProperty("chronicle.announcer.disable", "true");
        System.setProperty("disable.resource.warning", "true");
        // Two threads Chronicle would start in each process, both idle at a table (≈ 0.3 MB of the relay's idle
        // resident set, docs/performance.md, eighth pass): a disk-space checker whose only act is a warning in the
        // process's log when a queue's disk is nearly full (a log nobody reads at a table), and a releaser that
        // unmaps a released file in the background instead of on the thread that released it (a queue's previous
        // day's file once a day, the queues when the process stops: a munmap, microseconds). Either can be turned
        // back on with its system property.
        setIfAbsent("chronicle.disk.monitor.disable", "true");
        setIfAbsent("background.releaser", "false");
        // Chronicle's POSIX layer (jnr-ffi) serves the bus only for msync, and with the queues' sync mode (Chronicle's
        // default, ASYNC) that is msync(MS_ASYNC): a no-op on Linux since 2.6.19 (msync(2)), and on no system what
        // makes an append survive a killed process (the mapped page already does) or a power cut (it does not wait for
        // the disk). Loading it cost every start ≈ 300 classes, 200 of them generated at run time, which no AOT cache
        // holds (≈ 170 ms of a relay's start; docs/performance.md, Start-up). Chronicle's own fallback is used
        // instead; a run that wants the native layer (a benchmark of MS_SYNC) sets NATIVE_MSYNC before the bus loads.
        if (!Boolean.getBoolean(NATIVE_MSYNC)) {
            PosixAPI.useNoOpPosixApi();
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * Chronicle classes whose static initialization is most of a process's first {@link #open} (≈ 70–85 ms of its
     * ≈ 115 ms on the development machine, measured by initializing them first; docs/performance.md, Start-up). None
     * of them starts a thread or touches a file when initialized (Chronicle's disk-space monitor, which starts one,
     * is left out). {@code PartyBusTest} fails if a Chronicle upgrade renames one.
     */
    static final List<String> PREPARED = List.of(
            "net.openhft.chronicle.core.OS",
            "net.openhft.chronicle.bytes.BytesStore",
            "net.openhft.chronicle.bytes.MappedFile",
            "net.openhft.chronicle.bytes.MappedBytes",
            "net.openhft.chronicle.wire.Wires",
            "net.openhft.chronicle.wire.WireType",
            "net.openhft.chronicle.wire.BinaryWire",
            "net.openhft.chronicle.queue.RollCycles",
            "net.openhft.chronicle.queue.impl.table.SingleTableStore",
            "net.openhft.chronicle.queue.impl.single.SCQIndexing",
            "net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore",
            "net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder",
            "net.openhft.chronicle.queue.impl.single.SingleChronicleQueue",
            "net.openhft.chronicle.queue.impl.single.StoreAppender",
            "net.openhft.chronicle.queue.impl.single.StoreTailer");

    /**
     * Initializes Chronicle's queue classes ahead of the first {@link #open}, for a process that may open the bus
     * later and has time now: the mcp-server calls it in the background after start, so that the DM's first
     * {@code party_start} does not pay for it. Opens nothing, writes nothing; a class that cannot be initialized is
     * left for {@link #open} to report. Any thread, any number of times.
     */
    public static void prepare() {
        ClassLoader loader = PartyBus.class.getClassLoader();
        for (String name : PREPARED) {
            try {
                Class.forName(name, true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // open() meets the same problem and says so
            }
        }
    }

    private final Path partyDir;
    private final MessageCodec codec;
    private final ChronicleQueue inbox;
    private final ChronicleQueue outbox;
    private final ChronicleWriter<InboxMessage> inboxWriter;
    private final ChronicleWriter<OutboxMessage> outboxWriter;

    private PartyBus(Path partyDir, MessageCodec codec, Durability inboxDurability, Durability outboxDurability)
            throws IOException {
        this.partyDir = partyDir;
        this.codec = codec;
        Files.createDirectories(partyDir.resolve("bus"));
        this.inbox = queue(partyDir.resolve("bus").resolve("inbox"));
        this.outbox = queue(partyDir.resolve("bus").resolve("outbox"));
        this.inboxWriter = new ChronicleWriter<>(inbox, codec::encodeBytes, new AuditLog(partyDir.resolve("actions.jsonl")),
                inboxDurability);
        this.outboxWriter = new ChronicleWriter<>(outbox, codec::encodeBytes,
                new AuditLog(partyDir.resolve("responses.jsonl")), outboxDurability);
    }

    /**
     * Opens (creating if needed) the bus of a campaign directory; both queues {@link Durability#PROCESS_CRASH}
     * safe (see the class comment).
     *
     * @throws BusException if the queues cannot be opened
     */
    public static PartyBus open(Path campaignDir) {
        return open(campaignDir, Durability.PROCESS_CRASH, Durability.PROCESS_CRASH);
    }

    /**
     * Opens the bus with explicit durability per queue.
     *
     * @throws BusException if the queues cannot be opened
     */
    public static PartyBus open(Path campaignDir, Durability inbox, Durability outbox) {
        Path partyDir = campaignDir.resolve("party");
        try {
            return new PartyBus(partyDir, new MessageCodec(), inbox, outbox);
        } catch (IOException | RuntimeException e) {
            throw new BusException("cannot open the party bus in " + partyDir + ": " + e.getMessage(), e);
        }
    }

    private static ChronicleQueue queue(Path dir) {
        return SingleChronicleQueueBuilder.binary(dir).build();
    }

    /** {@code campaignDir/party}. */
    public Path partyDir() {
        return partyDir;
    }

    /** The codec the bus encodes with. */
    public MessageCodec codec() {
        return codec;
    }

    /** The inbox writer; only the relay process may use it. */
    public BusWriter<InboxMessage> inboxWriter() {
        return inboxWriter;
    }

    /** The outbox writer; only the mcp-server process may use it. */
    public BusWriter<OutboxMessage> outboxWriter() {
        return outboxWriter;
    }

    /**
     * A reader of the inbox.
     *
     * @param name a tailer name to resume after restarts, or empty for a reader starting at the queue's start
     */
    public BusReader<InboxMessage> inboxReader(Optional<String> name) {
        return new ChronicleReader<>(inbox, name, codec::decodeInbox, MessageCodec::typeName);
    }

    /** A reader of the outbox; see {@link #inboxReader(Optional)}. */
    public BusReader<OutboxMessage> outboxReader(Optional<String> name) {
        return new ChronicleReader<>(outbox, name, codec::decodeOutbox, MessageCodec::typeName);
    }

    /** The sequence of the last outbox message, if any. */
    public Optional<Long> lastOutboxSequence() {
        return lastIndex(outbox);
    }

    /** The sequence of the last inbox message, if any. */
    public Optional<Long> lastInboxSequence() {
        return lastIndex(inbox);
    }

    private static Optional<Long> lastIndex(ChronicleQueue queue) {
        long index = queue.lastIndex();
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    @Override
    public void close() {
        inboxWriter.close();
        outboxWriter.close();
        inbox.close();
        outbox.close();
    }
}
