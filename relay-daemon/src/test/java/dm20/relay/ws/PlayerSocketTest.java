package dm20.relay.ws;

import dm20.relay.Fixtures;
import dm20.relay.feed.Frame;
import dm20.relay.feed.FrameCodec;
import dm20.relay.live.CloseCodes;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.socket.SocketContext;
import io.helidon.websocket.WsSession;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class PlayerSocketTest {

    /** A session whose sends block until released, like a phone that stopped reading. */
    private static final class StuckSession implements WsSession {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger closedWith = new AtomicInteger();

        @Override
        public WsSession send(String text, boolean last) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(text);
            return this;
        }

        @Override
        public WsSession send(BufferData bufferData, boolean last) {
            return this;
        }

        @Override
        public WsSession ping(BufferData bufferData) {
            return this;
        }

        @Override
        public WsSession pong(BufferData bufferData) {
            return this;
        }

        @Override
        public WsSession close(int code, String reason) {
            closedWith.set(code);
            return this;
        }

        @Override
        public WsSession terminate() {
            return this;
        }

        @Override
        public SocketContext socketContext() {
            throw new UnsupportedOperationException("not used");
        }
    }

    @Test
    void send_queueOverflows_closesThatSocketWithoutBlockingTheCaller() throws Exception {
        StuckSession session = new StuckSession();
        CountDownLatch gone = new CountDownLatch(1);
        PlayerSocket socket = new PlayerSocket(session, new EncodedFrames(new FrameCodec()), 8, Fixtures.T0,
                s -> gone.countDown());
        long start = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            socket.send(new Frame.Pong());
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
        assertThat(gone.await(1, TimeUnit.SECONDS)).isTrue();
        session.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (session.closedWith.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.closedWith.get()).isEqualTo(1008);
        assertThat(session.sent.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void send_healthySession_deliversInOrderThenCloses() throws Exception {
        StuckSession session = new StuckSession();
        session.release.countDown();
        PlayerSocket socket = new PlayerSocket(session, new EncodedFrames(new FrameCodec()), 64, Fixtures.T0, s -> { });
        for (int i = 0; i < 20; i++) {
            socket.send(new Frame.Error("e" + i, "m"));
        }
        socket.close(CloseCodes.SESSION_CLOSED, "bye");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (session.closedWith.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.sent).hasSize(20).first().asString().contains("\"error\":\"e0\"");
        assertThat(session.sent.getLast()).contains("\"error\":\"e19\"");
        assertThat(session.closedWith.get()).isEqualTo(CloseCodes.SESSION_CLOSED);
    }

    @Test
    void sendAll_moreFramesThanTheQueueHolds_isOneEntry_deliveredPackedAndInOrder() throws Exception {
        StuckSession session = new StuckSession();
        AtomicInteger gone = new AtomicInteger();
        PlayerSocket socket = new PlayerSocket(session, new EncodedFrames(new FrameCodec()), 4, Fixtures.T0,
                s -> gone.incrementAndGet());
        List<Frame> history = java.util.stream.IntStream.range(0, 500)
                .<Frame>mapToObj(i -> new Frame.Error("h" + i, "catching up")).toList();
        socket.send(new Frame.Pong());
        socket.sendAll(history);
        socket.send(new Frame.Error("live", "m"));
        socket.close(CloseCodes.SESSION_CLOSED, "bye");
        session.release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (session.closedWith.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.closedWith.get()).as("closed as asked, not as too slow").isEqualTo(CloseCodes.SESSION_CLOSED);
        List<String> lines = session.sent.stream().flatMap(m -> java.util.Arrays.stream(m.split("\n"))).toList();
        assertThat(lines).hasSize(502);
        assertThat(lines.getFirst()).contains("\"pong\"");
        for (int i = 0; i < 500; i++) {
            assertThat(lines.get(1 + i)).contains("\"error\":\"h" + i + "\"");
        }
        assertThat(lines.getLast()).contains("\"error\":\"live\"");
        assertThat(session.sent.size()).as("packed: far fewer messages than frames").isLessThan(60);
        assertThat(gone.get()).isEqualTo(1);
    }

    @Test
    void stopped_peerGone_skipsWaitingFramesAndReportsTheSocketGoneOnce() throws Exception {
        StuckSession session = new StuckSession();
        AtomicInteger gone = new AtomicInteger();
        CountDownLatch goneOnce = new CountDownLatch(1);
        PlayerSocket socket = new PlayerSocket(session, new EncodedFrames(new FrameCodec()), 64, Fixtures.T0, s -> {
            gone.incrementAndGet();
            goneOnce.countDown();
        });
        for (int i = 0; i < 5; i++) {
            socket.send(new Frame.Error("e" + i, "m"));
        }
        socket.stopped();
        socket.send(new Frame.Error("after", "m"));
        session.release.countDown();
        assertThat(goneOnce.await(2, TimeUnit.SECONDS)).isTrue();
        socket.close(CloseCodes.SESSION_CLOSED, "bye");
        socket.send(new Frame.Error("later", "m"));
        assertThat(session.sent).as("only the frame already being written when the peer went").hasSizeLessThanOrEqualTo(1);
        assertThat(session.closedWith.get()).as("no close frame to a peer that has gone").isZero();
        assertThat(gone.get()).isEqualTo(1);
    }

    @Test
    void sameHost_originMustNameTheServedHost() {
        assertThat(WsEndpoint.sameHost("http://192.168.1.5:8080", "192.168.1.5:8080")).isTrue();
        assertThat(WsEndpoint.sameHost("https://Table.local", "table.local")).isTrue();
        assertThat(WsEndpoint.sameHost("http://evil.example:8080", "192.168.1.5:8080")).isFalse();
        assertThat(WsEndpoint.sameHost("http://192.168.1.5:9999", "192.168.1.5:8080")).isFalse();
        assertThat(WsEndpoint.sameHost("null", "192.168.1.5:8080")).isFalse();
        assertThat(WsEndpoint.sameHost("::bad::", "x")).isFalse();
    }
}
