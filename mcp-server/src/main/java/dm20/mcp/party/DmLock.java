package dm20.mcp.party;

import dm20.mcp.game.GameException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * One DM per campaign: an OS file lock on {@code party/dm.lock}, held by the server process that runs
 * Party Mode for as long as its session is open. The OS releases it when that process dies (kill -9
 * included), so the next server takes over cleanly; while it lives, a second server is refused with its
 * pid. The file holds the owner's pid and start time for that message (the lock, not the text, decides).
 */
final class DmLock implements AutoCloseable {

    static final String FILE = "dm.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DmLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the campaign's DM lock.
     *
     * @throws GameException naming the process that holds it, if another live process does
     */
    static DmLock acquire(Path partyDir, String campaign) {
        try {
            Files.createDirectories(partyDir);
            FileChannel channel = FileChannel.open(partyDir.resolve(FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String owner = owner(channel);
                channel.close();
                throw new GameException("another dm20 server (" + owner + ") runs Party Mode for " + campaign
                        + ": only one DM per campaign. Use that one, or stop it (close its Claude Code window,"
                        + " its console, or end that process) and call party_start again.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DmLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String owner(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(200);
        channel.read(buf, 0);
        String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).strip();
        return text.startsWith("pid ") ? text : "pid unknown";
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
