package dm20.relay.ws;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The hand-off from the table's fan-out to one socket's sends: bounded, many producers, one consumer at a time,
 * and a consumer thread only while items are waiting. The offer that finds the mailbox empty starts a thread that
 * hands every item to the consumer, in order, and ends when none is left; the next offer starts another. An idle
 * socket therefore holds no thread: a parked virtual thread per socket kept its stack ({@code StackChunk}s) on the
 * heap, 3 MB for an audience of 1,000 (docs/performance.md, fourth pass).
 * <p>
 * Lock-free: an offer is an append to a linked queue and an increment of the count; the count going from zero
 * to one is the only thing that starts a thread, and only the running thread brings it back to zero, so at most
 * one thread consumes at a time and items from one producer are consumed in the order offered. The capacity is
 * checked before the append, so concurrent producers may overshoot it by their number (one fan-out thread and the
 * pinger here). Thread-safe.
 */
final class Mailbox<T> {

    private static final Logger LOG = Logger.getLogger(Mailbox.class.getName());

    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    /** Items appended and not yet consumed (the one being consumed included). */
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    private final ThreadFactory threads;
    private final Consumer<? super T> consumer;

    /**
     * @param capacity items held before {@link #offer} refuses (at least 1)
     * @param threads  makes the consuming thread whenever items start to wait
     * @param consumer gets every item, one at a time, in order; an exception it throws is logged and the next
     *                 item still comes
     */
    Mailbox(int capacity, ThreadFactory threads, Consumer<? super T> consumer) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        this.threads = threads;
        this.consumer = consumer;
    }

    /** Adds {@code item} unless {@code capacity} items are waiting; never blocks. */
    boolean offer(T item) {
        if (size.get() >= capacity) {
            return false;
        }
        append(item);
        return true;
    }

    /** Adds {@code item} even if full (a close must get through); never blocks. */
    void force(T item) {
        append(item);
    }

    private void append(T item) {
        items.add(item);
        // Counted after the append: whoever sees a count above zero finds at least that many items queued.
        if (size.getAndIncrement() == 0) {
            threads.newThread(this::drain).start();
        }
    }

    /** Items waiting or being consumed now. */
    int size() {
        return size.get();
    }

    private void drain() {
        do {
            T item = items.poll();   // never null: the count was raised after the append
            try {
                consumer.accept(item);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a queued item failed; going on with the next", e);
            }
        } while (size.decrementAndGet() > 0);
    }
}
