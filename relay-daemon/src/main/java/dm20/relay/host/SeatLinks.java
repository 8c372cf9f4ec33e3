package dm20.relay.host;

import dm20.protocol.Role;
import dm20.protocol.json.WireFormatException;
import dm20.protocol.json.WireJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Reads the join paths per seat id from {@code party/seats.json} (docs/protocol.md §2.3). Read on every call,
 * so a rotation is picked up at once. A missing or broken file reads as no links (logged without its
 * content). Read with the wire binder ({@link WireJson}, Helidon's JSON): the relay loads no other JSON library.
 * Thread-safe.
 *
 * <p>The host's own link can never land among the links shown to players: {@link Links#players()} holds only
 * {@link PlayerLink}s, which by construction are {@code /play#} paths of non-DM seats; the DM seat's link,
 * whatever path the file gives it, goes to {@link Links#host()} only.
 */
public final class SeatLinks {

    private static final Logger LOG = Logger.getLogger(SeatLinks.class.getName());
    private static final String PLAY = "/play#";

    /**
     * A join link a player or the TV may scan.
     *
     * @param seatId the seat
     * @param path   {@code /play#TOKEN}; never a DM seat's path
     */
    public record PlayerLink(String seatId, String path) {
        public PlayerLink {
            Objects.requireNonNull(seatId, "seatId");
            if (path == null || !path.startsWith(PLAY) || path.length() == PLAY.length()) {
                throw new IllegalArgumentException("a player link is a /play# path");
            }
        }
    }

    /**
     * What {@code seats.json} lists, split by who may see it.
     *
     * @param players seat id → player or observer link (never the host's)
     * @param host    the host (DM) seat's own link, for the host screen's "for you only" box
     */
    public record Links(Map<String, PlayerLink> players, Optional<HostLink> host) {
        public Links {
            players = Map.copyOf(players);
            Objects.requireNonNull(host, "host");
        }

        static Links none() {
            return new Links(Map.of(), Optional.empty());
        }
    }

    /**
     * The host seat's link.
     *
     * @param seatId the DM seat
     * @param path   {@code /host#TOKEN}
     */
    public record HostLink(String seatId, String path) {
        public HostLink {
            Objects.requireNonNull(seatId, "seatId");
            Objects.requireNonNull(path, "path");
        }
    }

    /** The file's shape as far as the relay reads it; other fields (names, player ids) are ignored. */
    record SeatsFile(List<Row> seats) {
    }

    /** One seat; every field may be absent, and a seat without an id is skipped. */
    record Row(Optional<String> seatId, Optional<String> role, Optional<String> token, Optional<String> path) {
    }

    private final Path file;

    public SeatLinks(Path file) {
        this.file = file;
    }

    /** The links in the file now; a seat whose role is DM, or which is in {@code dmSeatIds}, is never a player link. */
    public Links read(java.util.Set<String> dmSeatIds) {
        Map<String, PlayerLink> players = new LinkedHashMap<>();
        Optional<HostLink> host = Optional.empty();
        try {
            // the wire binder refuses anything after the object; a file may end with a newline
            SeatsFile content = WireJson.read(Files.readString(file).strip(), SeatsFile.class);
            for (Row seat : content.seats()) {
                String seatId = seat.seatId().orElse("");
                String path = seat.path().orElse("");
                String token = seat.token().orElse("");
                boolean dm = Role.DM.name().equals(seat.role().orElse("")) || dmSeatIds.contains(seatId);
                if (seatId.isEmpty()) {
                    continue;
                }
                if (dm) {
                    String own = path.startsWith("/host#") ? path : token.isEmpty() ? "" : "/host#" + token;
                    if (host.isEmpty() && !own.isEmpty()) {
                        host = Optional.of(new HostLink(seatId, own));
                    }
                } else if (path.startsWith(PLAY) && path.length() > PLAY.length()) {
                    players.put(seatId, new PlayerLink(seatId, path));
                }
            }
        } catch (NoSuchFileException e) {
            return Links.none();
        } catch (IOException | WireFormatException e) {   // also invalid UTF-8
            LOG.warning("cannot read " + file + " (" + e.getClass().getSimpleName() + "); host links omitted");
            return Links.none();
        }
        return new Links(players, host);
    }
}
