package dm20.protocol.queue;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.Samples;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartyBusTest {

    @TempDir
    Path dir;

    @Test
    void append_returnsIncreasingSequences_readerSeesThemInOrder() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.outboxReader(Optional.empty())) {
            List<Long> written = new ArrayList<>();
            for (OutboxMessage m : Samples.allOutbox()) {
                written.add(bus.outboxWriter().append(m));
            }

            List<Envelope<OutboxMessage>> read = drain(reader);
            assertThat(written).isSorted().doesNotHaveDuplicates();
            assertThat(read).extracting(Envelope::sequence).containsExactlyElementsOf(written);
            assertThat(read).extracting(Envelope::message).containsExactlyElementsOf(Samples.allOutbox());
            assertThat(bus.lastOutboxSequence()).contains(written.getLast());
        }
    }

    @Test
    void namedReader_reopened_resumesAfterLastHandledMessage() {
        try (PartyBus bus = PartyBus.open(dir)) {
            Samples.allInbox().forEach(bus.inboxWriter()::append);
            try (var reader = bus.inboxReader(Optional.of("mcp"))) {
                reader.next();
                reader.next();
            }
            try (var reader = bus.inboxReader(Optional.of("mcp"))) {
                assertThat(drain(reader)).extracting(Envelope::message)
                        .containsExactlyElementsOf(Samples.allInbox().subList(2, Samples.allInbox().size()));
            }
        }
    }

    @Test
    void poll_handlerThrows_messageIsNotConsumed() throws Exception {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.inboxReader(Optional.of("mcp"))) {
            bus.inboxWriter().append(Samples.allInbox().get(0));

            assertThatThrownBy(() -> reader.poll(e -> {
                throw new IllegalStateException("crash while handling");
            })).hasMessage("crash while handling");
            assertThat(reader.next()).map(Envelope::message).contains(Samples.allInbox().get(0));
        }
    }

    @Test
    void reader_undecodableEntry_isSkippedAndReadingGoesOn() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.inboxReader(Optional.empty())) {
            bus.inboxWriter().append(Samples.allInbox().get(0));
            writeRaw(dir.resolve("party/bus/inbox"), "{\"type\":\"teleport\"}");
            writeRaw(dir.resolve("party/bus/inbox"), "{not json");
            bus.inboxWriter().append(Samples.allInbox().get(1));

            assertThat(drain(reader)).extracting(Envelope::message)
                    .containsExactly(Samples.allInbox().get(0), Samples.allInbox().get(1));
        }
    }

    @Test
    void seekAfter_knownSequence_startsWithTheNextMessage() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.outboxReader(Optional.empty())) {
            List<Long> seqs = Samples.allOutbox().stream().map(bus.outboxWriter()::append).toList();

            reader.seekAfter(seqs.get(3));
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.get(4));
            reader.seekAfter(seqs.getLast());
            assertThat(reader.next()).isEmpty();
            reader.toStart();
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.getFirst());
        }
    }

    @Test
    void seekAfter_sequenceBetweenEntries_startsWithTheFirstGreater() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.outboxReader(Optional.empty())) {
            List<Long> seqs = Samples.allOutbox().stream().map(bus.outboxWriter()::append).toList();

            reader.seekAfter(seqs.getFirst() - 1);
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.getFirst());
        }
    }

    @Test
    void rewindToLast_positionsAtTheLastOfThatType_andReadsOnFromIt() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.outboxReader(Optional.empty())) {
            var first = new OutboxMessage.SessionOpened("e-1", "Keep", Samples.AT);
            var second = new OutboxMessage.SessionOpened("e-2", "Keep", Samples.AT,
                    Optional.of(new OutboxMessage.Resume(-1, -1, List.of())));
            var after = new OutboxMessage.ActionClaimed("a-1", "s-1", Samples.AT);
            bus.outboxWriter().append(first);
            Samples.allOutbox().forEach(bus.outboxWriter()::append);   // another session_opened among them
            long at = bus.outboxWriter().append(second);
            // text that starts like one but is not: skipped without stopping the scan
            writeRaw(dir.resolve("party/bus/outbox"), "{\"type\":\"session_opened\",\"epoch\":\"\"}");
            long then = bus.outboxWriter().append(after);

            assertThat(reader.rewindToLast(OutboxMessage.SessionOpened.class))
                    .contains(new Envelope<>(at, second));
            assertThat(drain(reader)).extracting(Envelope::sequence).containsExactly(at, then);
            assertThat(reader.rewindToLast(OutboxMessage.SessionClosed.class)).map(e -> e.message().reason())
                    .contains("party mode stopped");
        }
    }

    @Test
    void rewindToLast_noneOfThatType_leavesTheReaderAtTheStart() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.inboxReader(Optional.empty())) {
            assertThat(reader.rewindToLast(InboxMessage.RelayStarted.class)).isEmpty();
            assertThat(reader.next()).isEmpty();
            long first = bus.inboxWriter().append(new InboxMessage.PresenceChanged("s-1", 1, Samples.AT));
            bus.inboxWriter().append(new InboxMessage.PresenceChanged("s-1", 0, Samples.AT));
            reader.next();

            assertThat(reader.rewindToLast(InboxMessage.RelayStarted.class)).isEmpty();
            assertThat(reader.next()).map(Envelope::sequence).contains(first);
        }
    }

    @Test
    void read_atASequence_doesNotMoveTheReader_andUnknownSequencesAreEmpty() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.inboxReader(Optional.empty())) {
            List<Long> seqs = Samples.allInbox().stream().map(bus.inboxWriter()::append).toList();

            assertThat(reader.read(seqs.get(2))).contains(new Envelope<>(seqs.get(2), Samples.allInbox().get(2)));
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.getFirst());
            assertThat(reader.read(seqs.getLast() + 1)).isEmpty();
            assertThat(reader.read(-1)).isEmpty();
        }
    }

    @Test
    void seekTo_aSequence_readsThatMessageNext() {
        try (PartyBus bus = PartyBus.open(dir); var reader = bus.outboxReader(Optional.empty())) {
            List<Long> seqs = Samples.allOutbox().stream().map(bus.outboxWriter()::append).toList();

            reader.seekTo(seqs.get(3));
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.get(3));
            reader.seekTo(seqs.getFirst() - 1);
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.getFirst());
            reader.seekTo(seqs.getLast() + 1);
            assertThat(reader.next()).isEmpty();
            reader.seekTo(-1);
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.getFirst());
            reader.seekAfter(-1);
            assertThat(reader.next()).map(Envelope::sequence).contains(seqs.getFirst());
        }
    }

    @Test
    void append_mirrorsEachMessageAsOneJsonLine() throws Exception {
        MessageCodec codec = new MessageCodec();
        try (PartyBus bus = PartyBus.open(dir)) {
            Samples.allInbox().forEach(bus.inboxWriter()::append);
            Samples.allOutbox().forEach(bus.outboxWriter()::append);
        }

        assertThat(AuditLog.readAll(dir.resolve("party/actions.jsonl"), codec::decodeInbox))
                .containsExactlyElementsOf(Samples.allInbox());
        assertThat(AuditLog.readAll(dir.resolve("party/responses.jsonl"), codec::decodeOutbox))
                .containsExactlyElementsOf(Samples.allOutbox());
    }

    @Test
    void auditLog_truncatedLine_isSkipped() throws Exception {
        MessageCodec codec = new MessageCodec();
        Path file = dir.resolve("actions.jsonl");
        String good = codec.encode(Samples.allInbox().get(0));
        Files.writeString(file, good + "\n" + good.substring(0, 20) + "\n" + good + "\n", StandardCharsets.UTF_8);

        assertThat(AuditLog.readAll(file, codec::decodeInbox)).hasSize(2);
        assertThat(AuditLog.readAll(dir.resolve("missing.jsonl"), codec::decodeInbox)).isEmpty();
    }

    @Test
    void open_unwritableDirectory_isBusExceptionNamingThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> PartyBus.open(file)).isInstanceOf(BusException.class)
                .hasMessageContaining("not-a-dir");
    }

    private static <M> List<Envelope<M>> drain(BusReader<M> reader) {
        List<Envelope<M>> out = new ArrayList<>();
        for (var e = reader.next(); e.isPresent(); e = reader.next()) {
            out.add(e.get());
        }
        return out;
    }

    private static void writeRaw(Path queueDir, String text) {
        try (ChronicleQueue q = SingleChronicleQueueBuilder.binary(queueDir).build();
             ExcerptAppender a = q.createAppender();
             DocumentContext dc = a.writingDocument()) {
            dc.wire().bytes().writeUtf8(text);
        }
    }

    @Test
    void prepare_namesChronicleClassesThatExist_andTheBusOpensAfterIt() throws Exception {
        for (String name : PartyBus.PREPARED) {
            assertThat(Class.forName(name, false, PartyBus.class.getClassLoader())).as(name).isNotNull();
        }
        PartyBus.prepare();
        try (PartyBus bus = PartyBus.open(dir)) {
            bus.outboxWriter().append(Samples.allOutbox().get(0));
            try (BusReader<OutboxMessage> reader = bus.outboxReader(Optional.empty())) {
                assertThat(reader.next()).isPresent();
            }
        }
    }
}
