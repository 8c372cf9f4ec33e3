package dm20.relay.state;

import dm20.protocol.Role;
import dm20.protocol.Viewer;
import dm20.protocol.message.OutboxMessage.SeatIssued;

import java.util.Objects;
import java.util.Optional;

/**
 * A seat at the table as the relay knows it from {@code seat_issued}.
 *
 * @param tokenHash lowercase hex SHA-256 of the seat's current token
 */
public record Seat(String seatId, Role role, String displayName, Optional<String> playerId,
                   Optional<String> characterId, String tokenHash) {

    public Seat {
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(playerId, "playerId");
        Objects.requireNonNull(characterId, "characterId");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }

    static Seat of(SeatIssued issued) {
        return new Seat(issued.seatId(), issued.role(), issued.displayName(), issued.playerId(),
                issued.characterId(), issued.tokenHash());
    }

    /**
     * Who this seat is when filtering what goes to the web. The DM seat sees the web like an observer:
     * DM-only content never leaves the relay (the DM reads it in the terminal).
     */
    public Viewer webViewer() {
        return role == Role.PLAYER ? Viewer.player(playerId.orElseThrow()) : Viewer.observer();
    }

    /** True for a player seat whose player is {@code otherPlayerId}. */
    public boolean isPlayer(String otherPlayerId) {
        return role == Role.PLAYER && playerId.map(otherPlayerId::equals).orElse(false);
    }
}
