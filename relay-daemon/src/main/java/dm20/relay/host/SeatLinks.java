package dm20.relay.host;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Reads the join paths ({@code /play#TOKEN}) per seat id from {@code party/seats.json}
 * (docs/protocol.md §2.3). Read on every call, so a rotation is picked up at once. A missing or broken
 * file reads as no links (logged without its content). Thread-safe.
 */
public final class SeatLinks {

    private static final Logger LOG = Logger.getLogger(SeatLinks.class.getName());

    private final Path file;
    private final JsonMapper json;

    public SeatLinks(Path file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /** seat id → path (e.g. {@code /play#TOKEN}). */
    public Map<String, String> paths() {
        Map<String, String> paths = new HashMap<>();
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            for (JsonNode seat : root.path("seats")) {
                String seatId = seat.path("seatId").asString("");
                String path = seat.path("path").asString("");
                if (!seatId.isEmpty() && path.startsWith("/")) {
                    paths.put(seatId, path);
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | JacksonException e) {
            LOG.warning("cannot read " + file + " (" + e.getClass().getSimpleName() + "); host links omitted");
        }
        return paths;
    }
}
