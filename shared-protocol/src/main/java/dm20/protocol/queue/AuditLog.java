package dm20.protocol.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A human-readable JSONL mirror of a queue: one JSON object per line, flushed per line. Reading it back
 * skips (and logs) lines that are not complete JSON objects, such as a line cut short by a crash.
 * Thread-safe for one writing process.
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Path file;
    private Writer writer;

    public AuditLog(Path file) {
        this.file = file;
    }

    /** Appends one line and flushes it. A failure is logged: the queue, not this mirror, is the record. */
    public synchronized void append(String json) {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            }
            writer.write(json);
            writer.write('\n');
            writer.flush();
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
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                LOG.warn("cannot close {}: {}", file, e.getMessage());
            }
            writer = null;
        }
    }
}
