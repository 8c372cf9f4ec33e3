package dm20.relay;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every phone reconnecting at once to a relay that has just started (a restart under a full table) gets its
 * WebSocket: the first upgrades a relay serves arrive together, and each is answered {@code 101}. Helidon 4.5.0 builds
 * the value list of its shared {@code Connection: Upgrade} header lazily, without synchronization, on the first
 * upgrade; two first upgrades at once failed one of them with a ConcurrentModificationException (found by RelayBench).
 */
class FirstUpgradesIT {

    private static final int SOCKETS = 32;

    @RepeatedTest(3)
    void freshRelay_manyFirstUpgradesAtOnce_everyOneIsSwitched(@TempDir Path tmp) throws Exception {
        try (RelayHarness relay = new RelayHarness(tmp)) {
            relay.openSession("epoch-1");
            relay.start();
            List<Socket> sockets = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(SOCKETS);
            try {
                for (int i = 0; i < SOCKETS; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", relay.port()), 10_000);
                    s.setSoTimeout(10_000);
                    sockets.add(s);
                }
                CyclicBarrier together = new CyclicBarrier(SOCKETS);
                List<Future<String>> answers = new ArrayList<>();
                for (Socket s : sockets) {
                    answers.add(pool.submit(() -> {
                        byte[] request = upgradeRequest(relay.port());
                        together.await(10, TimeUnit.SECONDS);
                        return statusLine(s, request);
                    }));
                }
                for (Future<String> answer : answers) {
                    assertThat(answer.get(20, TimeUnit.SECONDS)).isEqualTo("HTTP/1.1 101 Switching Protocols");
                }
            } finally {
                pool.shutdownNow();
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }

    private static byte[] upgradeRequest(int port) {
        return ("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:"
                + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Sends the upgrade and reads the answer's status line (or what came before the connection ended). */
    private static String statusLine(Socket s, byte[] request) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(request);
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\r'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
