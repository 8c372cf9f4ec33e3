package dm20.relay;

import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dm20.relay.Fixtures.T0;
import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/** Start, failure, restart and stop of the real relay process. */
class RelayLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static List<String> history(RelayHarness relay, String seat) {
        WsClient ws = relay.connect().hello(token(seat));
        ws.awaitType("welcome");
        List<String> frames = ws.drain(Duration.ofMillis(400)).stream().map(JsonNode::toString).toList();
        ws.close();
        return frames;
    }

    @Test
    void killNine_thenRestart_rebuildsTheSameState() throws Exception {
        try (RelayHarness relay = new RelayHarness(dir)) {
            relay.post(new OutboxMessage.SessionOpened("old-epoch", "Old", T0));
            relay.post(Fixtures.narrative("old", "OLD SESSION", Visibility.everyone()));
            relay.openSession("epoch-k");
            for (int i = 0; i < 30; i++) {
                relay.post(Fixtures.narrative("n" + i, "scene " + i, Visibility.everyone()));
                relay.post(Fixtures.narrative("s" + i, "SECRET[p1] " + i, Visibility.player("p1")));
            }
            relay.post(new OutboxMessage.CharacterUpdated("c1", Optional.of("p1"), Fixtures.sheet("c1", "Thorin"), T0));
            relay.start();
            var accepted = relay.postJson("/action", Optional.of(token("p1")), "{\"text\":\"I wait\"}");
            assertThat(accepted.statusCode()).isEqualTo(202);
            String actionId = RelayFeedIT.RelayHarnessJson.field(accepted.body(), "actionId");
            List<String> before = history(relay, "p1");

            relay.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            relay.start();

            assertThat(history(relay, "p1")).isEqualTo(before).noneMatch(f -> f.contains("OLD SESSION")).hasSize(62);
            assertThat(relay.get("/action/" + actionId, Optional.of(token("p1"))).body()).contains("\"status\":\"queued\"");
            assertThat(relay.get("/character", Optional.of(token("p1"))).body()).contains("Thorin");
        }
    }

    @Test
    void start_portTaken_exitsWith2AndReportsRelayFailed() throws Exception {
        try (RelayHarness relay = new RelayHarness(dir);
             ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process p = relay.launch("--port", String.valueOf(taken.getLocalPort()));
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(2);
            InboxMessage failed = relay.awaitInbox(m -> m instanceof InboxMessage.RelayFailed, WAIT);
            assertThat(((InboxMessage.RelayFailed) failed).reason()).contains(String.valueOf(taken.getLocalPort()));
            assertThat(relay.stderr()).contains("relay-daemon: cannot start: cannot listen on");
        }
    }

    @Test
    void start_secondRelayOnTheSameCampaign_failsWithAClearReason() throws Exception {
        try (RelayHarness first = new RelayHarness(dir)) {
            first.start();
            try (RelayHarness second = new RelayHarness(dir)) {
                Process p = second.launch();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).isEqualTo(2);
                assertThat(second.stderr()).contains("another relay already serves");
            }
            assertThat(first.get("/status", Optional.empty()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void sigterm_closesSocketsWith1001ReportsStoppedAndReleasesThePort() throws Exception {
        try (RelayHarness relay = new RelayHarness(dir)) {
            relay.openSession("epoch-t");
            relay.start();
            WsClient ws = relay.connect().hello(token("p2"));
            ws.awaitType("welcome");
            relay.process().destroy();
            assertThat(ws.awaitType("closing").path("reason").asString()).contains("stopping");
            assertThat(ws.awaitClose(WAIT)).isEqualTo(1001);
            assertThat(relay.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(relay.awaitInbox(m -> m instanceof InboxMessage.RelayStopped, WAIT)).isNotNull();
            assertPortFree(relay.port());
        }
    }

    @Test
    void run_servingEveryAsset_leavesNothingInTheTempFolder() throws Exception {
        Path tmp = java.nio.file.Files.createDirectories(dir.resolve("jvm-tmp"));
        try (RelayHarness relay = new RelayHarness(dir)) {
            relay.openSession("epoch-tmp");
            relay.start("-Djava.io.tmpdir=" + tmp);
            try (var assets = java.nio.file.Files.list(Path.of("..", "web", "static"))) {
                for (Path asset : assets.toList()) {
                    String name = asset.getFileName().toString();
                    assertThat(relay.get("/static/" + name, Optional.empty()).statusCode()).as(name).isEqualTo(200);
                }
            }
            assertThat(relay.get("/play", Optional.empty()).statusCode()).isEqualTo(200);
            relay.process().destroy();
            assertThat(relay.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (var left = java.nio.file.Files.list(tmp)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList()).as("files left in java.io.tmpdir").isEmpty();
        }
    }

    @Test
    void sessionClosed_tellsEverySocketAndStopsTheRelay() throws Exception {
        try (RelayHarness relay = new RelayHarness(dir)) {
            relay.openSession("epoch-c");
            relay.start();
            WsClient ws = relay.connect().hello(token("tv"));
            ws.awaitType("welcome");
            relay.post(new OutboxMessage.SessionClosed("the DM ended the session", T0));
            assertThat(ws.awaitType("closing").path("reason").asString()).isEqualTo("the DM ended the session");
            assertThat(ws.awaitClose(WAIT)).isEqualTo(4000);
            assertThat(relay.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(relay.process().exitValue()).isZero();
            assertThat(relay.awaitInbox(m -> m instanceof InboxMessage.RelayStopped, WAIT)).isNotNull();
            assertPortFree(relay.port());
        }
    }

    @Test
    void heartbeat_silentSocketIsDroppedAndPresenceReported_healthyOneStays() throws Exception {
        try (RelayHarness relay = new RelayHarness(dir)) {
            relay.openSession("epoch-b");
            relay.start("--heartbeat-seconds", "1");
            WsClient healthy = relay.connect().hello(token("p1"));
            healthy.awaitType("welcome");
            try (java.net.Socket silent = silentSocket(relay.port(), token("p3"))) {
                relay.awaitInbox(m -> m instanceof InboxMessage.PresenceChanged pc && pc.seatId().equals("p3")
                        && pc.connections() == 1, WAIT);
                relay.awaitInbox(m -> m instanceof InboxMessage.PresenceChanged pc && pc.seatId().equals("p3")
                        && pc.connections() == 0, WAIT);
            }
            healthy.send("{\"type\":\"ping\"}");
            healthy.awaitType("pong");
            assertThat(relay.get("/status", Optional.empty()).body()).contains("\"connected\":1");
        }
    }

    /** A WebSocket that says hello and then never answers anything (a phone that vanished). */
    private static java.net.Socket silentSocket(int port, String token) throws IOException {
        java.net.Socket s = new java.net.Socket("127.0.0.1", port);
        String origin = "http://127.0.0.1:" + port;
        s.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nOrigin: " + origin
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        java.io.InputStream in = s.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] hello = ("{\"type\":\"hello\",\"token\":\"" + token + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream frame = new java.io.ByteArrayOutputStream();
        frame.write(0x81);
        frame.write(0x80 | hello.length);
        frame.write(new byte[4]);
        frame.write(hello);
        s.getOutputStream().write(frame.toByteArray());
        return s;
    }

    private static void assertPortFree(int port) throws IOException {
        long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                RelayHarness.sleep(50);
            }
        }
    }
}
