package dm20.relay;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.PresenceChanged;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class InboxPresenceTest {

    @Test
    void changed_whileTheWriterIsBusy_collapsesPerSeatKeepsSeatOrderAndFlushWaitsForAll() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        InboxPresence presence = new InboxPresence((InboxMessage m) -> {
            PresenceChanged p = (PresenceChanged) m;
            if (written.isEmpty()) {
                firstStarted.countDown();
                await(release);
            }
            written.add(p.seatId() + "=" + p.connections());
            return written.size();
        }, Clock.systemUTC());

        presence.changed("tv", 1);
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
        presence.changed("p1", 1);
        presence.changed("tv", 2);
        presence.changed("p1", 0);
        presence.changed("tv", 3);
        release.countDown();
        presence.flush();

        assertThat(written).containsExactly("tv=1", "p1=0", "tv=3");
    }

    @Test
    void flush_withNothingPending_returnsAtOnce() {
        InboxPresence presence = new InboxPresence(m -> 1, Clock.systemUTC());
        long start = System.nanoTime();
        presence.flush();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
