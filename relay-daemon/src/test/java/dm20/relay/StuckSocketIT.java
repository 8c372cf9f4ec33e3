package dm20.relay;

import dm20.protocol.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;

import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone that stops reading for good (its socket open, its buffers full) is not only dropped from the table: the
 * relay ends the connection too, although the sender writing to it is blocked and its close frame can never go out.
 * Heartbeat 1 s, so a dropped socket gets 3 s to end before it is aborted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckSocketIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String BULK = "x".repeat(16_000);
    /** A masked, empty client ping frame. */
    private static final byte[] PING = {(byte) 0x89, (byte) 0x80, 0, 0, 0, 0};

    private RelayHarness relay;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        relay = new RelayHarness(tmp);
        relay.openSession("epoch-1");
        relay.start("--socket-queue-frames", "16", "--heartbeat-seconds", "1");
    }

    @AfterAll
    void stop() {
        relay.close();
    }

    @Test
    void phoneThatNeverReadsAgain_isDropped_andItsConnectionEnded() throws Exception {
        try (Socket stuck = SlowSocketIT.stalledHello(relay.port(), token("p1"))) {
            relay.awaitConnectedSeats(1, WAIT);
            for (int batch = 0; relay.connectedSeats() == 1; batch++) {
                assertThat(batch).as("the stuck phone was dropped within 200 batches").isLessThan(200);
                for (int i = 0; i < 20; i++) {
                    relay.post(Fixtures.narrative("bulk" + batch + "-" + i, BULK, Visibility.everyone()));
                }
            }
            // the relay's writes to it are blocked; it must still end the connection: a write from here then fails
            // (the relay's side is closed, so the kernel answers with a reset)
            OutputStream out = stuck.getOutputStream();
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean ended = false;
            while (!ended) {
                assertThat(System.nanoTime()).as("the relay ended the stuck connection within %s", WAIT)
                        .isLessThan(deadline);
                try {
                    out.write(PING);
                    out.flush();
                    RelayHarness.sleep(50);
                } catch (IOException e) {
                    ended = true;
                }
            }
        }
        // the relay still serves everyone else
        WsClient healthy = relay.connect().hello(token("p2"));
        healthy.awaitType("welcome");
        long seq = relay.post(Fixtures.narrative("after", "AFTER", Visibility.everyone()));
        healthy.await(f -> f.path("seq").asLong() == seq, WAIT);
        healthy.close();
        assertThat(relay.stderr()).as("an aborted connection is not an error in the log")
                .doesNotContain("Exception").doesNotContain("SEVERE");
    }
}
