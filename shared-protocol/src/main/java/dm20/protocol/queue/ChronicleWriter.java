package dm20.protocol.queue;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A {@link BusWriter} on a Chronicle Queue; appends are serialized by the object's monitor. The message is encoded
 * before the monitor is taken; under it the entry is written and committed (and synced, for
 * {@link PartyBus.Durability#SYNC}), the queue's listening readers are rung ({@link Doorbell}), and the JSONL mirror
 * line is written, so the mirror's order is the queue's.
 */
final class ChronicleWriter<M> implements BusWriter<M>, AutoCloseable {

    private final ChronicleQueue queue;
    private final Function<M, byte[]> encoder;
    private final AuditLog audit;
    private final PartyBus.Durability durability;
    private final Doorbell.Ringer ringer;
    private ExcerptAppender appender;

    /** @param encoder a message to its UTF-8 JSON */
    ChronicleWriter(ChronicleQueue queue, Function<M, byte[]> encoder, AuditLog audit,
                    PartyBus.Durability durability) {
        this.queue = queue;
        this.encoder = encoder;
        this.audit = audit;
        this.durability = durability;
        this.ringer = new Doorbell.Ringer(queue.file().toPath());
    }

    @Override
    public long append(M message) {
        byte[] json = Utf8Text.chronicleBytes(encoder.apply(message));
        if (Hop.ON) {
            Hop.stamp("bus.encoded");
        }
        synchronized (this) {
            long index;
            try {
                ExcerptAppender a = appender();
                try (DocumentContext dc = a.writingDocument()) {
                    Utf8Text.write(dc.wire().bytes(), json);
                }
                index = a.lastIndexAppended();
                if (durability == PartyBus.Durability.SYNC) {
                    a.sync();
                }
            } catch (RuntimeException e) {
                throw new BusException("cannot append to " + queue.file() + ": " + e.getMessage(), e);
            }
            if (Hop.ON) {
                Hop.stamp("bus.committed");
            }
            ringer.ring();   // wake the readers now: the mirror line below is not what they read
            if (Hop.ON) {
                Hop.stamp("bus.rang");
            }
            audit.append(json);
            if (Hop.ON) {
                Hop.stamp("bus.mirrored");
            }
            return index;
        }
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

    /**
     * The text of a queue entry as Chronicle's {@code writeUtf8(String)} lays it out, written in one copy instead of
     * a byte at a time: a stop-bit encoded length, then the characters, each UTF-16 unit on its own (so a surrogate
     * pair takes 3 + 3 bytes, not the 4 of standard UTF-8). For text without surrogates that is exactly the
     * standard UTF-8 bytes, which is every message but those with characters outside the BMP (e.g. emoji); those
     * are written by Chronicle's own method. {@link ChronicleReader} reads both with {@code readUtf8}.
     */
    static final class Utf8Text {

        private Utf8Text() {
        }

        /**
         * The UTF-8 bytes to store for {@code utf8}: the same array when it is ASCII (the common case), else the
         * bytes of its decoded text re-encoded (what a {@code String} round trip gives, malformed input replaced).
         */
        static byte[] chronicleBytes(byte[] utf8) {
            for (byte b : utf8) {
                if (b < 0) {
                    return new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
                }
            }
            return utf8;
        }

        /**
         * Writes {@code utf8} (well-formed UTF-8, as from {@link #chronicleBytes}) the way
         * {@code bytes.writeUtf8(new String(utf8, UTF_8))} would, byte for byte.
         */
        static void write(Bytes<?> bytes, byte[] utf8) {
            for (byte b : utf8) {
                if ((b & 0xF8) == 0xF0) {   // a 4-byte sequence: a character outside the BMP
                    bytes.writeUtf8(new String(utf8, StandardCharsets.UTF_8));
                    return;
                }
            }
            bytes.writeStopBit(utf8.length);
            bytes.write(utf8);
        }
    }
}
