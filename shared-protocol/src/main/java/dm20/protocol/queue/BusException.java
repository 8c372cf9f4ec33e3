package dm20.protocol.queue;

/** The bus could not be opened or written. Anything not appended must not be acknowledged. */
public final class BusException extends RuntimeException {

    public BusException(String message, Throwable cause) {
        super(message, cause);
    }
}
