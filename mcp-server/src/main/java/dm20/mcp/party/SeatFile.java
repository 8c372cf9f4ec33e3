package dm20.mcp.party;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code party/seats.json}: the seats and their tokens, written atomically with owner-only permissions
 * (0600), because it is the one file holding secrets. Read by the relay only to show the host screen.
 * Not thread-safe; callers serialize.
 */
final class SeatFile {

    /** The file's shape: {@code {"seats":[…]}} with each seat's {@code path} for the relay. */
    record Content(List<Map<String, Object>> seats) {
    }

    private final Path file;
    private final JsonMapper json;

    SeatFile(Path partyDir, JsonMapper json) {
        this.file = partyDir.resolve("seats.json");
        this.json = json;
    }

    /** The seats on disk; none if the file does not exist. A corrupt file is an error naming it. */
    List<SeatLink> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            Content c = json.readValue(file.toFile(), Content.class);
            return c.seats().stream().map(m -> json.convertValue(withoutPath(m), SeatLink.class)).toList();
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a valid seats file (" + e.getMessage()
                    + "); move it away to issue new links", e);
        }
    }

    /** Replaces the file atomically, owner read/write only. */
    void write(List<SeatLink> seats) {
        List<Map<String, Object>> rows = seats.stream().map(this::row).toList();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "seats", ".tmp");
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            json.writeValue(tmp.toFile(), new Content(rows));
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    Path path() {
        return file;
    }

    private Map<String, Object> row(SeatLink s) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new LinkedHashMap<>(json.convertValue(s, Map.class));
        m.put("path", s.path());
        return m;
    }

    private static Map<String, Object> withoutPath(Map<String, Object> m) {
        Map<String, Object> copy = new LinkedHashMap<>(m);
        copy.remove("path");
        return copy;
    }
}
