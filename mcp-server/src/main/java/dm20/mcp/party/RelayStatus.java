package dm20.mcp.party;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the inbox last said about the relay.
 *
 * @param state    up, failed or stopped; {@code UNKNOWN} before any relay event
 * @param sequence inbox sequence of the event (-1 if none)
 * @param urls     base URLs while up, preferred first
 * @param pid      the relay's process id while up
 * @param reason   why it failed or stopped
 */
record RelayStatus(State state, long sequence, List<String> urls, Optional<Long> pid, Optional<String> reason,
                   Optional<Instant> at) {

    enum State { UNKNOWN, UP, FAILED, STOPPED }

    static final RelayStatus UNKNOWN = new RelayStatus(State.UNKNOWN, -1, List.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    RelayStatus {
        urls = List.copyOf(urls);
    }

    /** Up, and its process (when on this machine) is still alive. */
    boolean alive() {
        return state == State.UP && pid.map(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                .orElse(false);
    }

    Optional<String> url() {
        return urls.stream().findFirst();
    }
}
