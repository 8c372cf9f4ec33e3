package dm20.protocol.queue;

import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
