package dm20.protocol;

import java.util.Optional;

/**
 * The single rule deciding whether a viewer may see something with a given visibility. Stateless and
 * thread-safe; used by the relay before a frame reaches a socket and by the MCP tools that act for a
 * player.
 */
public final class VisibilityRules {

    private VisibilityRules() {
    }

    /**
     * Whether {@code viewer} may see information marked {@code visibility}.
     *
     * <ul>
     *   <li>the DM sees everything;</li>
     *   <li>{@code PUBLIC}: everyone;</li>
     *   <li>{@code PARTY}: every player, no observer;</li>
     *   <li>{@code PLAYERS}: only the listed players;</li>
     *   <li>{@code DM_ONLY}: nobody but the DM.</li>
     * </ul>
     */
    public static boolean canSee(Visibility visibility, Viewer viewer) {
        if (viewer.role() == Role.DM) {
            return true;
        }
        return switch (visibility.scope()) {
            case PUBLIC -> true;
            case PARTY -> viewer.role() == Role.PLAYER;
            case PLAYERS -> viewer.playerId().map(visibility.players()::contains).orElse(false);
            case DM_ONLY -> false;
        };
    }

    /** Whether {@code viewer} may see private text addressed to {@code playerId}. */
    public static boolean canSeePrivateTo(String playerId, Viewer viewer) {
        return viewer.role() == Role.DM || viewer.is(playerId);
    }

    /**
     * Whether {@code viewer}, whose own character is {@code ownCharacter}, may see the sheet of
     * {@code characterId}: the DM sees every sheet, a player only their own character's, an observer none.
     */
    public static boolean canSeeSheet(String characterId, Viewer viewer, Optional<String> ownCharacter) {
        return switch (viewer.role()) {
            case DM -> true;
            case PLAYER -> ownCharacter.map(characterId::equals).orElse(false);
            case OBSERVER -> false;
        };
    }

    /**
     * Whether {@code viewer} may ask for a roll of {@code characterId}, a character controlled by
     * {@code owner} (its player, if any): a player only for the character they control, never an observer.
     * The relay applies it with the seat's own character; the mcp-server again with the campaign's owner.
     */
    public static boolean canRollFor(String characterId, Viewer viewer, Optional<String> owner) {
        return switch (viewer.role()) {
            case DM -> true;
            case PLAYER -> owner.map(viewer::is).orElse(false) && !characterId.isBlank();
            case OBSERVER -> false;
        };
    }
}
