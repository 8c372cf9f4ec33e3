package dm20.protocol.queue;

import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.Samples;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class BusPollerTest {

    @TempDir
    Path dir;

    @Test
    void awaitCaughtUp_afterAppends_returnsOnlyOnceEveryMessageIsHandled() throws Exception {
        List<OutboxMessage> handled = new CopyOnWriteArrayList<>();
        try (PartyBus bus = PartyBus.open(dir);
             var poller = new BusPoller<>("test-poller", bus.outboxReader(Optional.empty()), e -> {
                 Thread.sleep(20);   // a slow handler: the poller is still busy when the caller asks
                 handled.add(e.message());
             })) {
            for (int round = 0; round < 3; round++) {
                Samples.allOutbox().forEach(bus.outboxWriter()::append);

                assertThat(poller.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

                assertThat(handled).hasSize(Samples.allOutbox().size() * (round + 1));
            }
        }
    }

    @Test
    void awaitCaughtUp_oneAppendAfterAnIdleSpell_isHandledBeforeItReturns() throws Exception {
        List<OutboxMessage> handled = new CopyOnWriteArrayList<>();
        try (PartyBus bus = PartyBus.open(dir);
             var poller = new BusPoller<>("test-poller", bus.outboxReader(Optional.empty()), e -> handled.add(e.message()))) {
            assertThat(poller.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            bus.outboxWriter().append(Samples.allOutbox().getFirst());

            assertThat(poller.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();

            assertThat(handled).containsExactly(Samples.allOutbox().getFirst());
        }
    }

    @Test
    void awaitCaughtUp_closedPoller_isFalseWithinTheTimeout() throws Exception {
        try (PartyBus bus = PartyBus.open(dir)) {
            var poller = new BusPoller<>("test-poller", bus.outboxReader(Optional.empty()), e -> { });
            poller.close();

            assertThat(poller.awaitCaughtUp(Duration.ofSeconds(5))).isFalse();
        }
    }

    @Test
    void poller_busWriterAppends_sleepsOnTheDoorbellAndIsWokenByIt() throws Exception {
        List<OutboxMessage> handled = new CopyOnWriteArrayList<>();
        try (PartyBus bus = PartyBus.open(dir);
             var poller = new BusPoller<>("test-poller", bus.outboxReader(Optional.empty()), e -> handled.add(e.message()))) {
            awaitListening(dir.resolve("party/bus/outbox"));
            awaitAsleep(poller);

            bus.outboxWriter().append(Samples.allOutbox().getFirst());

            awaitHandled(handled, 1);
            // the ring may trail the commit: a poller woken by its timeout just then takes it after the handler
            awaitRing(poller);
            assertThat(poller.sleepsOnBell()).isTrue();
        }
    }

    @Test
    void poller_messageWithoutARing_pollsOnItsScheduleUntilTheBellRingsAgain() throws Exception {
        MessageCodec codec = new MessageCodec();
        List<OutboxMessage> handled = new CopyOnWriteArrayList<>();
        try (PartyBus bus = PartyBus.open(dir);
             var poller = new BusPoller<>("test-poller", bus.outboxReader(Optional.empty()), e -> handled.add(e.message()))) {
            awaitListening(dir.resolve("party/bus/outbox"));
            awaitAsleep(poller);
            assertThat(poller.sleepsOnBell()).isTrue();

            // a writer that does not ring (another network namespace, an older version): twice, each while asleep
            writeUnannounced(codec.encode(Samples.allOutbox().get(0)));
            awaitHandled(handled, 1);
            awaitAsleep(poller);
            assertThat(poller.sleepsOnBell()).as("one message without a ring may have raced it").isTrue();
            writeUnannounced(codec.encode(Samples.allOutbox().get(1)));
            awaitHandled(handled, 2);
            // the poller hands the message over first and decides about the bell after: wait for that decision
            long switched = System.nanoTime() + 30_000_000_000L;
            while (poller.sleepsOnBell() && System.nanoTime() < switched) {
                Thread.sleep(5);
            }
            assertThat(poller.sleepsOnBell()).isFalse();

            bus.outboxWriter().append(Samples.allOutbox().get(2));
            awaitHandled(handled, 3);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!poller.sleepsOnBell() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(poller.sleepsOnBell()).isTrue();
        }
    }

    /** An idle table: each process's poller wakes about ten times a second, not a hundred (its CPU while idle). */
    @Test
    void poller_idleOnTheBell_pollsOncePerTimeout() throws Exception {
        try (PartyBus bus = PartyBus.open(dir);
             var poller = new BusPoller<>("test-poller", bus.outboxReader(Optional.empty()), e -> { })) {
            awaitListening(dir.resolve("party/bus/outbox"));
            awaitAsleep(poller);
            long before = poller.emptyPolls();
            long started = System.nanoTime();

            Thread.sleep(2000);

            long polls = poller.emptyPolls() - before;
            double seconds = (System.nanoTime() - started) / 1e9;
            // about ten a second at most (a late wake-up only makes fewer), and a few to spare; 10 ms made 200 here
            assertThat(polls).isLessThanOrEqualTo((long) (seconds * 10) + 3);
            assertThat(polls).as("the safety net still looks on its own").isPositive();
        }
    }

    private void writeUnannounced(String json) {
        try (ChronicleQueue q = SingleChronicleQueueBuilder.binary(dir.resolve("party/bus/outbox")).build();
             ExcerptAppender a = q.createAppender();
             DocumentContext dc = a.writingDocument()) {
            dc.wire().bytes().writeUtf8(json);
        }
    }

    private static void awaitListening(Path queue) throws Exception {
        Path bells = Doorbell.bellDirectory(queue);
        long deadline = System.nanoTime() + 30_000_000_000L;
        while ((!Files.isDirectory(bells) || Files.list(bells).findAny().isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(Files.list(bells).count()).as("the poller registered its doorbell").isEqualTo(1);
    }

    private static void awaitAsleep(BusPoller<?> poller) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!poller.asleep() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(poller.asleep()).as("the poller went to sleep with nothing to read").isTrue();
    }

    private static void awaitRing(BusPoller<?> poller) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (poller.bellRings() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(poller.bellRings()).as("the poller heard the writer's ring").isPositive();
    }

    private static void awaitHandled(List<OutboxMessage> handled, int n) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (handled.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(handled).hasSize(n);
    }
}
