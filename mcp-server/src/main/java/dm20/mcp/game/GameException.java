package dm20.mcp.game;

/**
 * A game rule or an argument was violated ("no character named 'Thorn' — did you mean 'Thorin'?",
 * "not your character"). The message is written for the caller (the DM model) to read and act on; the
 * tool layer turns it into an {@code isError} result. Bugs are other exceptions.
 */
public final class GameException extends RuntimeException {

    public GameException(String message) {
        super(message);
    }
}
