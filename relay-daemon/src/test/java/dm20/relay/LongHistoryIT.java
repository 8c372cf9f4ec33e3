package dm20.relay;

import dm20.protocol.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone that slept through more frames than a socket may queue (the relay's {@code --socket-queue-frames}, 1,024
 * by default; 16 here, as if the phone's network were slow) still catches up on reconnect: its history is not counted
 * frame by frame against that queue. Also the first load of many observers at once: each gets the same window, in
 * order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongHistoryIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int MISSED = 2_500;

    private RelayHarness relay;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        relay = new RelayHarness(dir);
        relay.openSession("epoch-1");
        // a small queue, as a phone on a slow network ends up with: history must not count frame by frame
        relay.start("--socket-queue-frames", "16");
    }

    @AfterAll
    void stop() {
        relay.close();
    }

    /**
     * Waits until the relay has folded the outbox up to {@code seq} (a fresh socket's {@code welcome} says how far),
     * so what follows is a history, not a burst of live frames, which a 16-frame queue would rightly refuse.
     */
    private void awaitFolded(long seq) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            WsClient probe = relay.connect().hello(token("tv"));   // the observer seat: room for 200 sockets
            long folded = probe.awaitType("welcome").path("lastSeq").asLong();
            probe.close();
            if (folded >= seq) {
                return;
            }
            assertThat(System.nanoTime()).as("the relay folded up to %d within %s", seq, WAIT).isLessThan(deadline);
            RelayHarness.sleep(20);
        }
    }

    @Test
    void reconnect_afterMoreFramesThanTheSocketQueue_getsEveryMissedFrameAndStaysOpen() {
        WsClient first = relay.connect().hello(token("p3"));
        first.awaitType("welcome");
        long since = relay.post(Fixtures.narrative("mark", "MARK", Visibility.everyone()));
        first.await(f -> f.path("seq").asLong() == since, WAIT);
        first.close();
        List<Long> missed = new ArrayList<>();
        for (int i = 0; i < MISSED; i++) {
            missed.add(relay.post(Fixtures.narrative("missed" + i, "MISSED " + i, Visibility.everyone())));
            if (i % 10 == 0) {
                relay.post(Fixtures.narrative("hidden" + i, "SECRET[p1] " + i, Visibility.player("p1")));
            }
        }
        awaitFolded(missed.getLast());

        WsClient back = relay.connect().hello(token("p3"), since, "epoch-1");
        back.await(f -> f.path("seq").asLong() == missed.getLast(), WAIT);
        List<JsonNode> seen = back.seen();
        assertThat(seen.getFirst().path("type").asString()).isEqualTo("welcome");
        assertThat(seen.subList(1, seen.size())).extracting(f -> f.path("seq").asLong())
                .containsExactlyElementsOf(missed);
        // still open: a live frame after the catch-up arrives too
        long live = relay.post(Fixtures.narrative("live", "LIVE", Visibility.everyone()));
        back.await(f -> f.path("seq").asLong() == live, WAIT);
        back.close();
    }

    @Test
    void firstLoad_ofManyObserversAtOnce_eachGetsTheSameWindowInOrder() {
        long last = -1;
        for (int i = 0; i < 250; i++) {
            last = relay.post(Fixtures.narrative("before-tv" + i, "BEFORE TV " + i, Visibility.everyone()));
            relay.post(Fixtures.narrative("dm-note" + i, "SECRET[dm] " + i, Visibility.dmOnly()));
        }
        long newest = last;
        awaitFolded(newest);
        List<WsClient> tvs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tvs.add(relay.connect().hello(token("tv")));
        }
        List<Long> expected = null;
        for (WsClient tv : tvs) {
            tv.await(f -> f.path("seq").asLong() == newest, WAIT);
            List<Long> seqs = tv.seen().stream().skip(1).map(f -> f.path("seq").asLong()).toList();
            assertThat(seqs).hasSize(200).isSorted().doesNotHaveDuplicates();
            assertThat(tv.seen()).noneMatch(f -> f.toString().contains("SECRET"));
            if (expected == null) {
                expected = seqs;
                assertThat(expected.getLast()).isEqualTo(newest);
            } else {
                assertThat(seqs).isEqualTo(expected);
            }
        }
        tvs.forEach(WsClient::close);
    }
}
