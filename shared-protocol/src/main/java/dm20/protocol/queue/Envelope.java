package dm20.protocol.queue;

/**
 * A message with its position on the bus.
 *
 * @param sequence the queue index: strictly increasing along a queue, not contiguous across day files
 * @param message  the decoded message
 */
public record Envelope<M>(long sequence, M message) {
}
