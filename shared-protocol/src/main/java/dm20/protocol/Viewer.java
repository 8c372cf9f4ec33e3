package dm20.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone looking at the game: the DM, a player (with their player id) or an observer.
 *
 * @param role     what the viewer may do
 * @param playerId the player's id; present exactly when {@code role} is {@link Role#PLAYER}
 */
public record Viewer(Role role, Optional<String> playerId) {

    public Viewer {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(playerId, "playerId");
        if ((role == Role.PLAYER) != playerId.isPresent()) {
            throw new IllegalArgumentException("a viewer has a player id exactly when it is a PLAYER; role "
                    + role + ", playerId " + playerId);
        }
    }

    public static Viewer dm() {
        return new Viewer(Role.DM, Optional.empty());
    }

    public static Viewer observer() {
        return new Viewer(Role.OBSERVER, Optional.empty());
    }

    public static Viewer player(String playerId) {
        return new Viewer(Role.PLAYER, Optional.of(playerId));
    }

    /** True if this viewer is the given player. */
    public boolean is(String otherPlayerId) {
        return playerId.map(otherPlayerId::equals).orElse(false);
    }
}
