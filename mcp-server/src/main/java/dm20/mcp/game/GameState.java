package dm20.mcp.game;

import java.util.Objects;

/**
 * Where the story stands.
 *
 * @param currentLocation where the party is
 * @param session         session number, from 1
 * @param inGameDate      the in-world date or time, free text
 * @param notes           the DM's running notes
 */
public record GameState(String currentLocation, int session, String inGameDate, String notes) {

    /** A fresh campaign's state. */
    public static final GameState START = new GameState("", 1, "", "");

    public GameState {
        currentLocation = Objects.requireNonNullElse(currentLocation, "");
        if (session < 1) {
            throw new IllegalArgumentException("session must be at least 1, got " + session);
        }
        inGameDate = Objects.requireNonNullElse(inGameDate, "");
        notes = Objects.requireNonNullElse(notes, "");
    }
}
