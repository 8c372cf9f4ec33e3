package dm20.mcp.party;

import dm20.protocol.Role;
import dm20.protocol.Tokens;

import java.util.Objects;
import java.util.Optional;

/**
 * A seat with its secret token, as kept in {@code party/seats.json} (owner-only) so links survive restarts.
 *
 * @param seatId      stable seat id ({@code seat-<playerId>}, {@code seat-observer}, {@code seat-host})
 * @param role        what the seat may do
 * @param displayName shown on the host screen and in the feed
 * @param playerId    for player seats
 * @param characterId for player seats
 * @param token       the secret; only its hash leaves this process
 */
public record SeatLink(String seatId, Role role, String displayName, Optional<String> playerId,
                       Optional<String> characterId, String token) {

    public SeatLink {
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(displayName, "displayName");
        playerId = playerId == null ? Optional.empty() : playerId;
        characterId = characterId == null ? Optional.empty() : characterId;
        Objects.requireNonNull(token, "token");
    }

    /** The page path with the token in the fragment, which never reaches a server log or a Referer. */
    public String path() {
        return (role == Role.DM ? "/host#" : "/play#") + token;
    }

    /** What the bus may carry. */
    public String tokenHash() {
        return Tokens.hash(token);
    }

    SeatLink withToken(String newToken) {
        return new SeatLink(seatId, role, displayName, playerId, characterId, newToken);
    }

    SeatLink withName(String name) {
        return new SeatLink(seatId, role, name, playerId, characterId, token);
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "SeatLink[" + seatId + ", " + role + ", " + displayName + "]";
    }
}
