package dm20.protocol.queue;

/**
 * Appends messages to one queue. Thread-safe: appends are serialized.
 *
 * @param <M> the direction's message type
 */
public interface BusWriter<M> {

    /**
     * Appends a message and its audit line.
     *
     * @return the message's sequence
     * @throws BusException if the message could not be written; then nothing may be acknowledged
     */
    long append(M message);
}
