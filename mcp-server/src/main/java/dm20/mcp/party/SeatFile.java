package dm20.mcp.party;

import dm20.protocol.Role;
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
import java.util.List;
import java.util.Optional;

/**
 * {@code party/seats.json}: the seats and their tokens, written atomically with owner-only permissions
 * (0600), because it is the one file holding secrets. Read by the relay only to show the host screen.
 * Not thread-safe; callers serialize.
 */
final class SeatFile {

    /** The file's shape: {@code {"seats":[…]}}. A persisted wire: add components only at the end. */
    record Content(List<Row> seats) {
    }

    /** One seat as stored: the {@link SeatLink} and its page {@code path} (token in the fragment) for the relay. */
    record Row(String seatId, Role role, String displayName, Optional<String> playerId, Optional<String> characterId,
               String token, String path) {

        static Row of(SeatLink s) {
            return new Row(s.seatId(), s.role(), s.displayName(), s.playerId(), s.characterId(), s.token(), s.path());
        }

        SeatLink seat() {
            return new SeatLink(seatId, role, displayName, playerId, characterId, token);
        }

        /** Never print the token. */
        @Override
        public String toString() {
            return "Row[" + seatId + ", " + role + ", " + displayName + "]";
        }
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
            return c.seats().stream().map(Row::seat).toList();
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException(file + " is not a valid seats file (" + e.getMessage()
                    + "); move it away to issue new links", e);
        }
    }

    /** Replaces the file atomically, owner read/write only. */
    void write(List<SeatLink> seats) {
        List<Row> rows = seats.stream().map(Row::of).toList();
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
}
