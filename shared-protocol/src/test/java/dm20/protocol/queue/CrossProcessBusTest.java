package dm20.protocol.queue;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A real second JVM writes the inbox while this JVM tails it, and is killed -9 mid-stream. */
class CrossProcessBusTest {

    private static final int TOTAL = 1500;

    @Test
    @Timeout(120)
    void namedTailer_writerKilledMidStreamAndRestarted_readsEveryAckedActionExactlyOnceInOrder(@TempDir Path dir)
            throws Exception {
        List<Envelope<InboxMessage>> read = new CopyOnWriteArrayList<>();
        List<Integer> acked = new ArrayList<>();
        try (PartyBus bus = PartyBus.open(dir);
             BusPoller<InboxMessage> poller = new BusPoller<>("test-tail", bus.inboxReader(Optional.of("mcp")), read::add)) {

            Process first = ChildJvm.start(ChildJvm.mainCommand(ActionWriterProcess.class, dir.toString(), "0",
                    String.valueOf(TOTAL), "300"));
            acked.addAll(readAcks(first, 400));
            first.destroyForcibly().waitFor();

            Process second = ChildJvm.start(ChildJvm.mainCommand(ActionWriterProcess.class, dir.toString(), "resume",
                    String.valueOf(TOTAL)));
            acked.addAll(readAcks(second, Integer.MAX_VALUE));
            assertThat(second.waitFor()).isZero();

            waitUntil(() -> read.size() >= TOTAL);
        }

        List<String> ids = read.stream().map(e -> ((InboxMessage.ActionSubmitted) e.message()).actionId()).toList();
        assertThat(acked).hasSizeGreaterThanOrEqualTo(400);
        assertThat(ids).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.range(0, TOTAL).mapToObj(n -> "a-" + n).toList());
        assertThat(read).extracting(Envelope::sequence).isSorted().doesNotHaveDuplicates();
    }

    @Test
    @Timeout(60)
    void outbox_relayReaderInAnotherProcessAndMcpReader_seeTheSameSequence(@TempDir Path dir) throws Exception {
        List<String> here = new ArrayList<>();
        try (PartyBus bus = PartyBus.open(dir)) {
            for (int i = 0; i < 300; i++) {
                bus.outboxWriter().append(dm20.protocol.message.Samples.allOutbox().get(i % 13));
            }
            try (BusReader<dm20.protocol.message.OutboxMessage> mcpSide = bus.outboxReader(Optional.of("mcp"))) {
                for (var e = mcpSide.next(); e.isPresent(); e = mcpSide.next()) {
                    here.add("SEQ " + e.get().sequence() + " " + e.get().message().getClass().getSimpleName());
                }
            }
        }
        Process relaySide = ChildJvm.start(ChildJvm.mainCommand(SequencePrinterProcess.class, dir.toString()));
        List<String> there = new BufferedReader(new InputStreamReader(relaySide.getInputStream(), StandardCharsets.UTF_8))
                .lines().takeWhile(l -> !l.equals("END")).filter(l -> l.startsWith("SEQ ")).toList();

        assertThat(relaySide.waitFor()).isZero();
        assertThat(here).hasSize(300).isEqualTo(there);
    }

    static List<Long> drain(BusReader<InboxMessage> reader) {
        List<Long> seqs = new ArrayList<>();
        for (var e = reader.next(); e.isPresent(); e = reader.next()) {
            seqs.add(e.get().sequence());
        }
        return seqs;
    }

    /** Reads "ACK n seq" lines until {@code limit} acks, DONE, or the end of the stream. */
    static List<Integer> readAcks(Process process, int limit) throws Exception {
        List<Integer> acks = new ArrayList<>();
        var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && acks.size() < limit; line = in.readLine()) {
            if (line.startsWith("ACK ")) {
                acks.add(Integer.parseInt(line.split(" ")[1]));
            } else if (line.equals("DONE")) {
                break;
            }
        }
        return acks;
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
