package dm20.relay.http;

import dm20.relay.live.LiveTable;
import dm20.relay.state.Seat;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

import java.util.Optional;

/**
 * Finds the seat of a request from {@code Authorization: Bearer TOKEN} (and from nothing else: no query
 * parameters, no cookies). The token is hashed and compared; it is never logged. Thread-safe.
 */
public final class BearerAuth {

    private static final String PREFIX = "Bearer ";
    private final LiveTable table;

    public BearerAuth(LiveTable table) {
        this.table = table;
    }

    /** The seat whose current token the request carries, if any. */
    public Optional<Seat> seat(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, PREFIX, 0, PREFIX.length()))
                .map(h -> h.substring(PREFIX.length()).strip())
                .filter(t -> !t.isEmpty() && t.length() <= 256)
                .flatMap(table::authenticate);
    }
}
