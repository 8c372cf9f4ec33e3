package dm20.mcp;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Counts JSON-RPC requests read from stdin and responses written to stdout, and holds back the end of stdin
 * until every request read has been answered (at most {@link #DRAIN}): the SDK's transport drops calls still
 * in flight when its input ends, so a client that writes a request and closes its end, like
 * {@code echo … | dm20 mcp}, would otherwise get no answer. Thread-safe.
 */
final class StdioTraffic {

    private static final int MAX_LINE = 1 << 20;
    /** The longest the end of stdin is held back for unanswered requests. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private final JsonMapper json = JsonMapper.builder().build();
    private long requests;
    private long responses;

    /**
     * {@code in}, counting each line that is a request (has both {@code id} and {@code method}); its end of
     * stream is reported only once those requests are answered.
     */
    InputStream counting(InputStream in) {
        return new FilterInputStream(in) {
            private final LineScanner lines = new LineScanner(StdioTraffic.this::request);

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    lines.accept(new byte[] {(byte) b}, 0, 1);
                } else {
                    drain();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    lines.accept(b, off, n);
                } else if (n < 0) {
                    drain();
                }
                return n;
            }
        };
    }

    private void drain() throws IOException {
        try {
            if (!awaitAnswered(DRAIN)) {
                org.slf4j.LoggerFactory.getLogger(StdioTraffic.class)
                        .warn("stdin closed with requests unanswered after {} s", DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while answering the last requests");
        }
    }

    /** {@code out}, counting each line written that is a response (starts with a result or an error). */
    OutputStream counting(OutputStream out) {
        return new FilterOutputStream(out) {
            private final LineScanner lines = new LineScanner(StdioTraffic.this::response);

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                lines.accept(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                lines.accept(b, off, len);
            }
        };
    }

    /** Waits until every request read so far has its response written, or {@code timeout} passes. */
    synchronized boolean awaitAnswered(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (responses < requests) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private synchronized void request(String line) {
        try {
            JsonNode n = json.readTree(line);
            if (n != null && n.has("id") && n.has("method")) {
                requests++;
            }
        } catch (JacksonException e) {
            // not ours to judge: the transport answers malformed input itself
        }
    }

    private synchronized void response(String line) {
        // our own serializer writes "jsonrpc" and "id" first; look at the head only, not at large results
        String head = line.substring(0, Math.min(line.length(), 80));
        if (head.contains("\"result\"") || head.contains("\"error\"")) {
            responses++;
            notifyAll();
        }
    }

    /** Splits a byte stream into UTF-8 lines (each capped at 1 MiB) and hands each complete line on. */
    private static final class LineScanner {
        private final java.util.function.Consumer<String> sink;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineScanner(java.util.function.Consumer<String> sink) {
            this.sink = sink;
        }

        synchronized void accept(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    sink.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else if (line.size() < MAX_LINE) {
                    line.write(b[i]);
                }
            }
        }
    }
}
