package dm20.relay.ws;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-off from the table's fan-out to one socket's sender thread: bounded, many producers, one consumer.
 * Lock-free: an offer is a compare-and-set on the count and an append to a linked queue, plus an unpark only
 * when the consumer is asleep. The {@code LinkedBlockingQueue} it replaces took two locks and a condition
 * signal per offer and a condition wait per take: about a third of the relay's CPU for a push to 1,000
 * sockets (docs/performance.md, Relay). Order: items from one producer are taken in the order offered.
 * Thread-safe; {@link #take} must only ever be called by one thread.
 */
final class Mailbox<T> {

    private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;
    /** The consumer while it is about to sleep or sleeping, else null. */
    private volatile Thread sleeper;

    /** @param capacity items held before {@link #offer} refuses (at least 1) */
    Mailbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds {@code item} unless {@code capacity} items are waiting; never blocks. */
    boolean offer(T item) {
        int n;
        do {
            n = size.get();
            if (n >= capacity) {
                return false;
            }
        } while (!size.compareAndSet(n, n + 1));
        append(item);
        return true;
    }

    /** Adds {@code item} even if full (a close must get through); never blocks. */
    void force(T item) {
        size.incrementAndGet();
        append(item);
    }

    private void append(T item) {
        items.add(item);
        // After the append (a volatile write): either the consumer's re-check after announcing its sleep sees
        // the item, or this read sees the consumer and wakes it. No wake-up is lost.
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Drops every waiting item. */
    void clear() {
        while (items.poll() != null) {
            size.decrementAndGet();
        }
    }

    /** Items waiting now. */
    int size() {
        return size.get();
    }

    /**
     * The next item, waiting (without a lock, parked) until there is one. One consumer thread only.
     *
     * @throws InterruptedException if the consumer is interrupted while it waits
     */
    T take() throws InterruptedException {
        while (true) {
            T item = items.poll();
            if (item == null) {
                sleeper = Thread.currentThread();
                item = items.poll();   // re-check after announcing the sleep (see append)
                if (item == null) {
                    LockSupport.park(this);
                }
                sleeper = null;
            }
            if (item != null) {
                size.decrementAndGet();
                return item;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
