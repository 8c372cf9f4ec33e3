package dm20.mcp.storage;

/**
 * A campaign file could not be read or written: unreadable, not valid JSON, or not the expected shape.
 * The message names the file and says what is wrong, so a human can fix a hand-edited file.
 */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
