package dm20.mcp.party;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the inbox last said about the relay.
 *
 * @param state    up, failed or stopped; {@code UNKNOWN} before any relay event
 * @param sequence inbox sequence of the event (-1 if none)
 * @param urls     base URLs while up, preferred first
 * @param pid      the relay's process id while up
 * @param reason   why it failed or stopped
 */
record RelayStatus(State state, long sequence, List<String> urls, Optional<Long> pid, Optional<String> reason,
                   Optional<Instant> at) {

    enum State { UNKNOWN, UP, FAILED, STOPPED }

    static final RelayStatus UNKNOWN = new RelayStatus(State.UNKNOWN, -1, List.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    RelayStatus {
        urls = List.copyOf(urls);
    }

    /**
     * Up, and answering: its {@code /status} responds on one of its URLs. A pid alone cannot tell, because a
     * relay in a container reports a pid of another namespace.
     */
    boolean alive() {
        return state == State.UP && urls.stream().anyMatch(RelayStatus::answers);
    }

    /**
     * Whether {@code GET /status} answers 200 at {@code baseUrl}. A plain {@code http} URL is probed on a socket of
     * its own (connect, one request, {@code Connection: close}): a JDK {@code HttpClient} would start a selector
     * thread and hand the exchange across threads, which made {@code party_status} cost milliseconds. Any other
     * URL (e.g. an {@code https} public URL) goes through the JDK client.
     */
    private static boolean answers(String baseUrl) {
        try {
            java.net.URI uri = java.net.URI.create(baseUrl + "/status");
            if ("http".equals(uri.getScheme()) && uri.getHost() != null) {
                return probe(uri);
            }
            try (var http = java.net.http.HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
                var request = java.net.http.HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).GET().build();
                return http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final java.time.Duration CONNECT_TIMEOUT = java.time.Duration.ofSeconds(1);
    private static final java.time.Duration ANSWER_TIMEOUT = java.time.Duration.ofSeconds(2);

    /** One HTTP/1.1 exchange on a fresh socket: true if the status line says 200. */
    private static boolean probe(java.net.URI uri) throws java.io.IOException {
        int port = uri.getPort() > 0 ? uri.getPort() : 80;
        try (var socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
            socket.setTcpNoDelay(true);
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            String status = line(in);
            long length = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                if (h.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Long.parseLong(h.substring(15).strip());
                }
            }
            // read the body too: closing with unread bytes resets the connection, which the relay would log
            // (it answers "Connection: close" but leaves closing to the client)
            in.skipNBytes(Math.min(length, 1 << 20));
            return status.matches("HTTP/1\\.[01] 200( .*)?");
        } catch (NumberFormatException | java.io.EOFException e) {
            return false;
        }
    }

    /** One header line (ISO-8859-1, without its line end); empty at the end of the headers or of the stream. */
    private static String line(java.io.InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r' && b.length() < 8192) {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    Optional<String> url() {
        return urls.stream().findFirst();
    }
}
