package dm20.protocol.queue;

import dm20.protocol.message.ProtocolException;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/** A {@link BusReader} on a Chronicle tailer. */
final class ChronicleReader<M> implements BusReader<M> {

    private static final Logger LOG = LoggerFactory.getLogger(ChronicleReader.class);

    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final Function<String, M> decoder;
    private final Function<Class<? extends M>, String> typeNames;

    /**
     * @param decoder   text of an entry → message
     * @param typeNames message record → the wire name each entry of that type begins with ({@code {"type":"NAME"})
     */
    ChronicleReader(ChronicleQueue queue, Optional<String> name, Function<String, M> decoder,
                    Function<Class<? extends M>, String> typeNames) {
        this.queue = queue;
        this.tailer = name.map(queue::createTailer).orElseGet(queue::createTailer);
        this.tailer.singleThreadedCheckDisabled(true);
        this.decoder = decoder;
        this.typeNames = typeNames;
    }

    @Override
    public boolean poll(Handler<M> handler) throws Exception {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return false;
                }
                if (dc.isMetaData()) {
                    continue;
                }
                String text = dc.wire().bytes().readUtf8();
                if (Hop.ON) {
                    Hop.stamp("bus.entry");
                }
                Optional<Envelope<M>> envelope = decoded(dc.index(), text);
                if (envelope.isEmpty()) {
                    continue;
                }
                try {
                    handler.handle(envelope.get());
                } catch (Exception | Error e) {
                    dc.rollbackOnClose();
                    throw e;
                }
                return true;
            }
        }
    }

    @Override
    public Optional<Envelope<M>> next() {
        AtomicReference<Envelope<M>> read = new AtomicReference<>();
        try {
            poll(read::set);
        } catch (Exception e) {
            throw new IllegalStateException("unreachable: the handler does not throw", e);
        }
        return Optional.ofNullable(read.get());
    }

    @Override
    public void seekAfter(long sequence) {
        if (sequence < 0) {
            tailer.toStart();
            return;
        }
        if (tailer.moveToIndex(sequence)) {
            try (DocumentContext dc = tailer.readingDocument()) {
                // consume the entry at 'sequence' itself
                if (dc.isPresent() && dc.index() != sequence) {
                    dc.rollbackOnClose();
                }
            }
            return;
        }
        // Not an exact index (e.g. from another day file): scan from the start to the first greater one.
        tailer.toStart();
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (!dc.isPresent()) {
                    return;
                }
                if (dc.index() > sequence) {
                    dc.rollbackOnClose();
                    return;
                }
            }
        }
    }

    @Override
    public void seekTo(long sequence) {
        if (sequence < 0) {
            tailer.toStart();
        } else if (!tailer.moveToIndex(sequence)) {
            // not an exact index: the first greater one, or the end
            seekAfter(sequence);
        }
    }

    @Override
    public <T extends M> Optional<Envelope<T>> rewindToLast(Class<T> type) {
        String head = "{\"type\":\"" + typeNames.apply(type) + "\"";
        try (ExcerptTailer back = queue.createTailer()) {
            back.singleThreadedCheckDisabled(true);
            back.direction(TailerDirection.BACKWARD).toEnd();
            while (true) {
                try (DocumentContext dc = back.readingDocument()) {
                    if (!dc.isPresent()) {
                        break;
                    }
                    if (dc.isMetaData()) {
                        continue;
                    }
                    String text = dc.wire().bytes().readUtf8();
                    if (text == null || !text.startsWith(head)) {
                        continue;
                    }
                    Optional<Envelope<T>> found = decoded(dc.index(), text).filter(e -> type.isInstance(e.message()))
                            .map(e -> new Envelope<>(e.sequence(), type.cast(e.message())));
                    if (found.isPresent()) {
                        seekTo(found.get().sequence());
                        return found;
                    }
                }
            }
        }
        tailer.toStart();
        return Optional.empty();
    }

    @Override
    public Optional<Envelope<M>> read(long sequence) {
        try (ExcerptTailer at = queue.createTailer()) {
            at.singleThreadedCheckDisabled(true);
            if (sequence < 0 || !at.moveToIndex(sequence)) {
                return Optional.empty();
            }
            try (DocumentContext dc = at.readingDocument()) {
                if (!dc.isPresent() || dc.isMetaData() || dc.index() != sequence) {
                    return Optional.empty();
                }
                return decoded(sequence, dc.wire().bytes().readUtf8());
            }
        }
    }

    private Optional<Envelope<M>> decoded(long index, String text) {
        try {
            return Optional.of(new Envelope<>(index, decoder.apply(text)));
        } catch (ProtocolException | IllegalStateException | IllegalArgumentException e) {
            LOG.warn("skipping undecodable entry {} in {}: {}", Long.toHexString(index), queue.file(), e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void toStart() {
        tailer.toStart();
    }

    @Override
    public void toEnd() {
        tailer.toEnd();
    }

    /** A doorbell for this reader's queue ({@link BusPoller} sleeps on it), or empty if none can be set up. */
    Optional<Doorbell> listen() {
        try {
            return Optional.of(Doorbell.listen(queue.file().toPath()));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.info("no doorbell for {} ({}); polling it on a schedule", queue.file(), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        tailer.close();
    }
}
