package dm20.protocol.queue;

import java.util.Optional;

/**
 * Reads one queue in order. Not thread-safe: one thread polls a reader. Entries that cannot be decoded
 * are logged to stderr and skipped; they never stop the reader.
 *
 * <p>A named reader persists its position: after a restart it resumes after the last message whose
 * handler returned normally (at-least-once: a crash inside the handler re-delivers that message).
 *
 * @param <M> the direction's message type
 */
public interface BusReader<M> extends AutoCloseable {

    /** Handles one message inside the read; throwing leaves the message unread. */
    @FunctionalInterface
    interface Handler<M> {
        void handle(Envelope<M> envelope) throws Exception;
    }

    /**
     * Hands the next message, if any, to {@code handler}. Undecodable entries are skipped (and logged).
     *
     * @return true if a message was handled, false if the reader is at the end of the queue
     * @throws Exception what the handler threw; the reader's position does not advance past it
     */
    boolean poll(Handler<M> handler) throws Exception;

    /** The next message, if any, consuming it. */
    Optional<Envelope<M>> next();

    /** Positions the reader so the next message is the first with a sequence greater than {@code sequence}. */
    void seekAfter(long sequence);

    /** Positions the reader so the next message is the first with a sequence of at least {@code sequence}. */
    void seekTo(long sequence);

    /**
     * Positions the reader at the last message of type {@code type}, so that it is the next one read, or at the start
     * of the queue if there is none. The scan goes back from the end and decodes only entries whose text names that
     * type first, as the codec writes them: its cost is the number of entries after the one found, not the queue's
     * length.
     *
     * @return the message found
     */
    <T extends M> Optional<Envelope<T>> rewindToLast(Class<T> type);

    /** The message at {@code sequence}, read without moving this reader; empty if there is none there or it cannot be decoded. */
    Optional<Envelope<M>> read(long sequence);

    /** Positions the reader at the start of the queue. */
    void toStart();

    /** Positions the reader at the end: only messages appended from now on will be read. */
    void toEnd();

    @Override
    void close();
}
