package dm20.relay.bench;

import dm20.protocol.testing.HttpLines;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One kept-alive HTTP/1.1 connection with a pre-built request: writes it, reads the status line, the
 * headers (only Content-Length is used) and the body. No pooling, no threads: the cheapest client there is,
 * so that a closed loop measures the server. Not thread-safe.
 */
final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] body = new byte[4096];
    private int bodyLength;

    RawHttp(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** A POST of {@code json} to {@code path} with a bearer token, as bytes ready to write. */
    static byte[] post(int port, String path, String token, String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + payload.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(payload, 0, all, h.length, payload.length);
        return all;
    }

    /** Sends {@code request} and returns the status code once the whole answer is read. */
    int exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("bad status line: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = 0;
        for (String h = line(); !h.isEmpty(); h = line()) {
            if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        if (length > body.length) {
            throw new IOException("answer too long: " + length);
        }
        int n = in.readNBytes(body, 0, length);
        if (n != length) {
            throw new IOException("connection closed mid-answer");
        }
        bodyLength = length;
        return code;
    }

    /** The last answer's body. */
    String body() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        return HttpLines.read(in, "connection closed");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
