package dm20.mcp.game;

import dm20.protocol.Role;

import java.util.Objects;
import java.util.Optional;

/**
 * A human at the table. Identity is public; a seat token (made by party mode) is the secret.
 *
 * @param id          stable id, {@code player-<slug of the first name>}
 * @param name        display name
 * @param role        {@link Role#PLAYER} (controls {@code characterId}) or {@link Role#OBSERVER}
 * @param characterId the character this player controls; present exactly for players
 */
public record Player(String id, String name, Role role, Optional<String> characterId) {
    public Player {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        characterId = characterId == null ? Optional.empty() : characterId;
        if (role == Role.DM) {
            throw new IllegalArgumentException("the DM is not a registered player");
        }
        if ((role == Role.PLAYER) != characterId.isPresent()) {
            throw new IllegalArgumentException("player " + id + ": a PLAYER controls a character, an OBSERVER none");
        }
    }
}
