package dm20.mcp.game;

import dm20.protocol.Role;
import dm20.protocol.Viewer;
import dm20.protocol.sheet.CharacterSheet;

import java.util.Optional;

/**
 * Who may do what (the PermissionResolver): the DM everything; a player only their own character; an
 * observer nothing but reading the public feed. Stateless.
 */
public final class Permissions {

    private Permissions() {
    }

    /** @throws GameException unless {@code viewer} is the DM */
    public static void requireDm(Viewer viewer, String action) {
        if (viewer.role() != Role.DM) {
            throw new GameException("only the DM may " + action + " (acting as " + describe(viewer) + ")");
        }
    }

    /** Whether {@code viewer} may read or change the character owned by {@code owner}. */
    public static boolean mayUse(Viewer viewer, Optional<Player> owner) {
        return switch (viewer.role()) {
            case DM -> true;
            case PLAYER -> owner.map(p -> viewer.is(p.id())).orElse(false);
            case OBSERVER -> false;
        };
    }

    /** @throws GameException unless {@code viewer} may change this character */
    public static void requireCanChange(Viewer viewer, CharacterSheet sheet, Optional<Player> owner) {
        if (!mayUse(viewer, owner)) {
            throw new GameException(refusal(viewer, "change", sheet));
        }
    }

    /** @throws GameException unless {@code viewer} may see this character's sheet */
    public static void requireCanView(Viewer viewer, CharacterSheet sheet, Optional<Player> owner) {
        if (!mayUse(viewer, owner)) {
            throw new GameException(refusal(viewer, "see", sheet));
        }
    }

    private static String refusal(Viewer viewer, String verb, CharacterSheet sheet) {
        if (viewer.role() == Role.OBSERVER) {
            return "an observer may not " + verb + " character sheets";
        }
        return describe(viewer) + " may " + verb + " only their own character, not " + sheet.name();
    }

    private static String describe(Viewer viewer) {
        return viewer.playerId().orElse(viewer.role().name().toLowerCase(java.util.Locale.ROOT));
    }
}
