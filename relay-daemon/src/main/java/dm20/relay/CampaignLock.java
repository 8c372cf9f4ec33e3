package dm20.relay;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One relay per campaign directory: an OS file lock on {@code party/relay.lock}, held for the process's
 * life and released by the OS if the process dies (kill -9 included). Holds the owner's pid for humans.
 */
final class CampaignLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private CampaignLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty if another process (or this one) holds it. */
    static Optional<CampaignLock> tryAcquire(Path partyDir) throws IOException {
        Files.createDirectories(partyDir);
        FileChannel channel = FileChannel.open(partyDir.resolve("relay.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
        return Optional.of(new CampaignLock(channel, lock));
    }

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
