package dm20.mcp.storage;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The JSON files of one campaign folder. The mcp-server is their only writer. A write goes to a temporary
 * file in the same folder, is forced to disk, then atomically renamed over the old file, so a crash at
 * any point leaves either the old or the new file, never half of one. A file that is not valid JSON or
 * not the expected shape is reported with its path and is never overwritten by a read. Not thread-safe:
 * callers hold the game lock.
 */
public final class CampaignStore {

    private final Path dir;
    private final JsonMapper json;
    private final ObjectWriter writer;

    public CampaignStore(Path dir, JsonMapper json) {
        this.dir = dir;
        this.json = json;
        this.writer = json.writerWithDefaultPrettyPrinter();
    }

    /** The campaign folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Reads {@code file} as {@code type}; empty if the file does not exist.
     *
     * @throws StorageException naming the file if it cannot be read or parsed
     */
    public <T> Optional<T> read(String file, TypeReference<T> type) {
        Path path = dir.resolve(file);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(Files.readString(path), type));
        } catch (JacksonException e) {
            throw new StorageException("campaign file " + path + " is not valid: " + e.getOriginalMessage()
                    + location(e) + ". Fix or remove the file; nothing was changed.", e);
        } catch (IOException e) {
            throw new StorageException("cannot read campaign file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces {@code file} with {@code value} as pretty JSON, atomically.
     *
     * @throws StorageException naming the file if it cannot be written (the old file is then unchanged)
     */
    public void write(String file, Object value) {
        Path target = dir.resolve(file);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + file + ".", ".tmp");
            byte[] bytes = writer.writeValueAsBytes(value);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | JacksonException e) {
            deleteQuietly(temp);
            throw new StorageException("cannot write campaign file " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // The temp file is hidden and harmless; the write error is what the caller must see.
        }
    }

    private static String location(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
