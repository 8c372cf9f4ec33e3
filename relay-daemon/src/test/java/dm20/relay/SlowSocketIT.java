package dm20.relay;

import dm20.protocol.Visibility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A phone that stops reading (a real socket whose receive buffer fills) never delays the others: while the relay's
 * writes to it block, every push still reaches a healthy socket, in order, and the stalled one is dropped from the
 * table as too slow once its queue overflows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlowSocketIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String BULK = "x".repeat(16_000);

    private RelayHarness relay;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        relay = new RelayHarness(tmp);
        relay.openSession("epoch-1");
        relay.start("--socket-queue-frames", "16");
    }

    @AfterAll
    void stop() {
        relay.close();
    }

    @Test
    void stalledReader_neverDelaysAHealthySocket_andIsDroppedAsTooSlow() throws Exception {
        WsClient healthy = relay.connect().hello(token("p2"));
        healthy.awaitType("welcome");
        try (Socket stalled = stalledHello(relay.port(), token("p1"))) {
            relay.awaitConnectedSeats(2, WAIT);
            int batch = 0;
            // 16 KB frames: the stalled socket's kernel buffers fill within a few MB, then its 16-frame queue.
            while (relay.connectedSeats() == 2) {
                assertThat(batch).as("the stalled socket was dropped within 200 batches").isLessThan(200);
                for (int i = 0; i < 20; i++) {
                    relay.post(Fixtures.narrative("bulk" + batch + "-" + i, BULK, Visibility.everyone()));
                }
                String marker = "MARK " + batch;
                relay.post(Fixtures.narrative("mark" + batch, marker, Visibility.everyone()));
                healthy.await(f -> f.path("text").asString().equals(marker), WAIT);
                batch++;
            }
            assertThat(batch).as("the stalled socket needed a few batches to fill its buffers").isGreaterThan(0);
            String after = "AFTER";
            relay.post(Fixtures.narrative("after", after, Visibility.everyone()));
            healthy.await(f -> f.path("text").asString().equals(after), WAIT);
            List<String> markers = healthy.seen().stream().map(f -> f.path("text").asString())
                    .filter(t -> t.startsWith("MARK ")).toList();
            assertThat(markers).as("every marker, in order")
                    .isEqualTo(IntStream.range(0, batch).mapToObj(i -> "MARK " + i).toList());
            assertThat(healthy.seen().stream().filter(f -> BULK.equals(f.path("text").asString()))).hasSize(20 * batch);
        }
        healthy.close();
    }

    /** Upgrades and says hello on a socket with a small receive buffer, then never reads again. */
    static Socket stalledHello(int port, String token) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:"
                + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {   // the 101 and its headers, byte by byte: nothing more
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade: " + head);
            }
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        byte[] payload = ("{\"type\":\"hello\",\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);   // < 126 bytes; mask 0 (XOR with 0 leaves the payload as is)
        System.arraycopy(payload, 0, frame, 6, payload.length);
        out.write(frame);
        out.flush();
        return s;
    }
}
