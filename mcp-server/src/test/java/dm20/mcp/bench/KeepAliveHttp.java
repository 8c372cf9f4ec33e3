package dm20.mcp.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one kept-alive socket, written out by hand so a measured round trip is the
 * server's and the loopback's: the JDK {@code HttpClient} hands each exchange across its selector and
 * executor threads, which costs milliseconds on 2 busy cores. Only what the relay answers is understood:
 * a status line, headers, and a body by {@code Content-Length} or chunked. Not thread-safe.
 */
final class KeepAliveHttp implements AutoCloseable {

    /** A response's status and body. */
    record Response(int statusCode, String body) {
    }

    private final String authority;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    KeepAliveHttp(URI base) throws IOException {
        this.authority = base.getAuthority();
        this.socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Sends one request ({@code body} may be empty) and reads the whole response. */
    Response send(String method, String path, String bearer, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + authority + "\r\nAuthorization: Bearer " + bearer
                + (bytes.length > 0 ? "\r\nContent-Type: application/json" : "") + "\r\nContent-Length: "
                + bytes.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.US_ASCII));
        request.write(bytes);
        out.write(request.toByteArray());
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        int status = Integer.parseInt(line().split(" ", 3)[1]);
        int length = 0;
        boolean chunked = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        return new Response(status, chunked ? chunks() : new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
            body.write(in.readNBytes(size));
            line();
        }
        line();
        return body.toString(StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                s.append((char) c);
            }
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
