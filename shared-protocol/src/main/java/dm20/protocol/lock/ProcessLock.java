package dm20.protocol.lock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OS file lock held for as long as a process plays one role for a campaign. The OS releases it when the
 * process dies (kill -9 included), so the next process takes over cleanly; while the holder lives, others are
 * refused. The file holds the holder's pid and start time for the humans reading a refusal: the lock, not the
 * text, decides. The mcp-server takes {@code party/dm.lock}, the relay {@code party/relay.lock}.
 *
 * <p>Not thread-safe; one owner closes it.
 */
public final class ProcessLock implements AutoCloseable {

    private static final int HOLDER_TEXT_LIMIT = 200;

    private final FileChannel channel;
    private final FileLock lock;

    private ProcessLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock on {@code file}, creating it and its directory if needed.
     *
     * @return the lock, or empty if another process (or another lock in this one) holds it; then
     *         {@link #holder(Path)} names the holder
     * @throws IOException if the file cannot be created or written
     */
    public static Optional<ProcessLock> tryAcquire(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n")
                .getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(true);
        return Optional.of(new ProcessLock(channel, lock));
    }

    /**
     * Who holds (or last held) the lock on {@code file}, as its holder wrote it: {@code "pid 123, since …"}, or
     * {@code "pid unknown"} if the file is missing, unreadable or holds something else.
     */
    public static String holder(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(HOLDER_TEXT_LIMIT);
            channel.read(buf, 0);
            String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
            return text.startsWith("pid ") ? text.lines().findFirst().orElse(text) : "pid unknown";
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    /** Releases the lock; the file stays (a later holder overwrites it). */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the OS releases it when the process ends
        }
    }
}
