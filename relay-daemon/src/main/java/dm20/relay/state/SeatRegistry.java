package dm20.relay.state;

import dm20.protocol.Tokens;
import dm20.protocol.message.OutboxMessage.SeatIssued;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The seats of the current session, keyed by seat id. A re-issue of a seat id replaces the old token hash
 * (rotation); a revoked seat is removed. Not thread-safe: owned by {@link TableState}.
 */
final class SeatRegistry {

    /** What a {@code seat_issued} did to an existing seat. */
    enum IssueOutcome { NEW, ROTATED, UPDATED }

    private final Map<String, Seat> seats = new LinkedHashMap<>();
    /** Each seat's token hash as ASCII bytes, kept so that a request does not re-encode every seat's hash. */
    private final Map<String, byte[]> hashes = new HashMap<>();

    /** Adds or replaces a seat; a different token hash for a known seat is a rotation. */
    IssueOutcome issue(SeatIssued issued) {
        Seat fresh = Seat.of(issued);
        Seat old = seats.put(fresh.seatId(), fresh);
        hashes.put(fresh.seatId(), fresh.tokenHash().getBytes(StandardCharsets.US_ASCII));
        if (old == null) {
            return IssueOutcome.NEW;
        }
        return Tokens.sameHash(old.tokenHash(), fresh.tokenHash()) ? IssueOutcome.UPDATED : IssueOutcome.ROTATED;
    }

    /** Removes a seat; true if it existed. */
    boolean revoke(String seatId) {
        hashes.remove(seatId);
        return seats.remove(seatId) != null;
    }

    void clear() {
        seats.clear();
        hashes.clear();
    }

    Optional<Seat> byId(String seatId) {
        return Optional.ofNullable(seats.get(seatId));
    }

    /**
     * The seat whose current token is {@code token}. Every seat's hash is compared in constant time and
     * the loop never exits early, so timing says nothing about which seat (if any) came close.
     */
    Optional<Seat> authenticate(String token) {
        byte[] hash = Tokens.hash(token).getBytes(StandardCharsets.US_ASCII);
        Seat found = null;
        for (Seat seat : seats.values()) {
            // Tokens.sameHash's comparison, on bytes encoded once per seat.
            if (MessageDigest.isEqual(hashes.get(seat.seatId()), hash)) {
                found = seat;
            }
        }
        return Optional.ofNullable(found);
    }

    List<Seat> all() {
        return List.copyOf(seats.values());
    }

    int size() {
        return seats.size();
    }
}
