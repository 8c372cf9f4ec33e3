package dm20.protocol.queue;

import dm20.protocol.message.ProtocolException;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
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

    ChronicleReader(ChronicleQueue queue, Optional<String> name, Function<String, M> decoder) {
        this.queue = queue;
        this.tailer = name.map(queue::createTailer).orElseGet(queue::createTailer);
        this.tailer.singleThreadedCheckDisabled(true);
        this.decoder = decoder;
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
                long index = dc.index();
                M message;
                try {
                    message = decoder.apply(dc.wire().bytes().readUtf8());
                } catch (ProtocolException | IllegalStateException | IllegalArgumentException e) {
                    LOG.warn("skipping undecodable entry {} in {}: {}", Long.toHexString(index), queue.file(),
                            e.getMessage());
                    continue;
                }
                try {
                    handler.handle(new Envelope<>(index, message));
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
