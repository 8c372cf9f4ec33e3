package dm20.relay.live;

import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable answers to the queries on {@link LiveTable}, each built under one acquisition of its lock, so
 * one answer never mixes two sessions (campaign and epoch from different {@code session_opened}s) and never
 * sees a registry mid-change. They hold no reference to mutable state.
 */
public sealed interface TableView {

    /**
     * What {@code GET /status} tells anyone: no ids, names or tokens.
     *
     * @param connected seats with at least one open socket
     */
    record Status(boolean session, int seats, int connected) implements TableView { }

    /** The current session as a seat sees it. */
    record Session(String campaign, String epoch) implements TableView {
        public Session {
            Objects.requireNonNull(campaign, "campaign");
            Objects.requireNonNull(epoch, "epoch");
        }
    }

    /** A seat with its live presence. */
    record SeatPresence(Seat seat, int connections, Optional<Instant> lastSeen) implements TableView {
        public SeatPresence {
            Objects.requireNonNull(seat, "seat");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }

    /** A pending action with the display name of its seat ({@code ?} if the seat is gone). */
    record Pending(ActionRecord action, String displayName) implements TableView {
        public Pending {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /** The host screen's data: the session, every seat with presence, the pending queue. */
    /**
     * The host screen's data.
     *
     * @param locked   whether the host locked the room
     * @param admitted the seats whose links work now (every seat while unlocked)
     */
    record Host(Session session, List<SeatPresence> seats, List<Pending> pending, boolean locked,
                List<String> admitted) implements TableView {
        public Host {
            Objects.requireNonNull(session, "session");
            seats = List.copyOf(seats);
            pending = List.copyOf(pending);
            admitted = List.copyOf(admitted);
        }
    }
}
