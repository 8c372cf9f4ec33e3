package dm20.protocol.queue;

import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.util.function.Function;

/**
 * A {@link BusWriter} on a Chronicle Queue; appends are serialized by the object's monitor. After each commit it
 * rings the queue's listening readers ({@link Doorbell}), then writes the JSONL mirror line.
 */
final class ChronicleWriter<M> implements BusWriter<M>, AutoCloseable {

    private final ChronicleQueue queue;
    private final Function<M, String> encoder;
    private final AuditLog audit;
    private final PartyBus.Durability durability;
    private final Doorbell.Ringer ringer;
    private ExcerptAppender appender;

    ChronicleWriter(ChronicleQueue queue, Function<M, String> encoder, AuditLog audit,
                    PartyBus.Durability durability) {
        this.queue = queue;
        this.encoder = encoder;
        this.audit = audit;
        this.durability = durability;
        this.ringer = new Doorbell.Ringer(queue.file().toPath());
    }

    @Override
    public synchronized long append(M message) {
        String json = encoder.apply(message);
        long index;
        try {
            ExcerptAppender a = appender();
            try (DocumentContext dc = a.writingDocument()) {
                dc.wire().bytes().writeUtf8(json);
            }
            index = a.lastIndexAppended();
            if (durability == PartyBus.Durability.SYNC) {
                a.sync();
            }
        } catch (RuntimeException e) {
            throw new BusException("cannot append to " + queue.file() + ": " + e.getMessage(), e);
        }
        ringer.ring();   // wake the readers now: the mirror line below is not what they read
        audit.append(json);
        return index;
    }

    private ExcerptAppender appender() {
        if (appender == null) {
            appender = queue.createAppender();
            // Appends may come from any thread; this object serializes them.
            appender.singleThreadedCheckDisabled(true);
        }
        return appender;
    }

    @Override
    public synchronized void close() {
        if (appender != null) {
            appender.close();
        }
        ringer.close();
        audit.close();
    }
}
