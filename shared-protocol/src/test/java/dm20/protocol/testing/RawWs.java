package dm20.protocol.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A minimal RFC 6455 client on a blocking socket (meant for a virtual thread): the upgrade, masked text
 * frames out, unmasked frames in, pongs for pings. It hands each text frame to a {@link Listener} with the
 * {@link System#nanoTime()} taken as soon as the frame's header arrived, before any parsing. About 10 KB of
 * heap per socket, so a thousand of them do not make the client the bottleneck. Not thread-safe for
 * writing; the reader loop owns the input.
 */
public final class RawWs implements AutoCloseable {

    /** Receives the relay's frames on the reading thread: each line of a text message (docs/protocol.md §2). */
    public interface Listener {
        void text(long arrivedNanos, String frame);
    }

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    private RawWs(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 4096);
    }

    /** Connects and upgrades; throws unless the relay answers 101. */
    public static RawWs connect(int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        RawWs ws = new RawWs(s);
        String origin = "http://127.0.0.1:" + port;
        String req = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin
                + "\r\n\r\n";
        ws.out.write(req.getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String status = ws.headLine();
        if (!status.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("upgrade refused: " + status);
        }
        while (!ws.headLine().isEmpty()) {
            // skip the upgrade's headers
        }
        return ws;
    }

    /** Sends one masked text frame. */
    public synchronized void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        frame(0x1, payload);
    }

    private synchronized void frame(int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        byte[] f = new byte[2 + (n < 126 ? 0 : 2) + 4 + n];
        int i = 0;
        f[i++] = (byte) (0x80 | opcode);
        if (n < 126) {
            f[i++] = (byte) (0x80 | n);
        } else {
            f[i++] = (byte) (0x80 | 126);
            f[i++] = (byte) (n >>> 8);
            f[i++] = (byte) n;
        }
        int mask = ThreadLocalRandom.current().nextInt();
        byte[] m = {(byte) (mask >>> 24), (byte) (mask >>> 16), (byte) (mask >>> 8), (byte) mask};
        System.arraycopy(m, 0, f, i, 4);
        i += 4;
        for (int k = 0; k < n; k++) {
            f[i + k] = (byte) (payload[k] ^ m[k & 3]);
        }
        out.write(f);
        out.flush();
    }

    /**
     * Reads frames until the connection closes; returns the close code (or -1 if the socket ended without
     * a close frame).
     */
    public int readLoop(Listener listener) {
        try {
            while (true) {
                int b0 = in.read();
                if (b0 < 0) {
                    return -1;
                }
                long now = System.nanoTime();
                int b1 = in.read();
                long len = b1 & 0x7f;
                if (len == 126) {
                    len = (in.read() << 8) | in.read();
                } else if (len == 127) {
                    len = 0;
                    for (int k = 0; k < 8; k++) {
                        len = (len << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) len);
                int opcode = b0 & 0x0f;
                switch (opcode) {
                    case 0x1 -> {
                        // one frame per line: a message may carry several (the relay packs a history)
                        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
                            listener.text(now, line);
                        }
                    }
                    case 0x9 -> frame(0xA, payload);
                    case 0x8 -> {
                        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            return -1;
        }
    }

    private String headLine() throws IOException {
        return HttpLines.read(in, "connection closed during the upgrade");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
