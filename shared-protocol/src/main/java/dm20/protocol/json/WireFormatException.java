package dm20.protocol.json;

/**
 * JSON text could not be read as the expected record: malformed JSON ({@link #malformed()}), or a field
 * of the wrong type, or a value the record refuses. The message names the field or the invariant.
 */
public final class WireFormatException extends RuntimeException {

    private final boolean malformed;

    WireFormatException(String message, boolean malformed, Throwable cause) {
        super(message, cause);
        this.malformed = malformed;
    }

    /** True when the text is not well-formed JSON (truncated, bad token), as opposed to a bad value. */
    public boolean malformed() {
        return malformed;
    }
}
