package dm20.protocol.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A human-readable JSONL mirror of a queue: one JSON object per line, each written through to the file (one
 * {@code write} call, no buffer kept in the process). Reading it back
 * skips (and logs) lines that are not complete JSON objects, such as a line cut short by a crash.
 * Thread-safe for one writing process.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path file;
    private OutputStream out;
    /** The line being written: the JSON and its newline, so that one {@code write(2)} writes it. */
    private byte[] line = new byte[512];

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Appends one line and flushes it. A failure is logged: the queue, not this mirror, is the record. */
    public void append(String json) {
        append(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Appends one line given as UTF-8 (without its newline) and writes it through at once, in one {@code write}
     * call (not a {@code Writer} encoding it char by char). A failure is logged.
     */
    public synchronized void append(byte[] utf8) {
        try {
            if (out == null) {
                out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE);
            }
            int n = utf8.length + 1;
            if (line.length < n) {
                line = new byte[Math.max(n, line.length * 2)];
            }
            System.arraycopy(utf8, 0, line, 0, utf8.length);
            line[utf8.length] = '\n';
            out.write(line, 0, n);
        } catch (IOException e) {
            LOG.error("cannot write the audit line to {}: {}", file, e.getMessage());
        }
    }

    /**
     * Reads every decodable line of a JSONL file; undecodable lines are logged with their line number
     * and skipped. A missing file reads as empty.
     */
    public static <T> List<T> readAll(Path file, Function<String, T> decoder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<T> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(decoder.apply(line));
            } catch (RuntimeException e) {
                LOG.warn("skipping line {} of {}: {}", i + 1, file, e.getMessage());
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", file, e.getMessage());
            }
            out = null;
        }
    }
}
