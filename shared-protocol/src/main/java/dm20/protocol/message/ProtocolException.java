package dm20.protocol.message;

/** A message could not be decoded: malformed JSON, a missing or unknown type, or an invalid field. */
public final class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
