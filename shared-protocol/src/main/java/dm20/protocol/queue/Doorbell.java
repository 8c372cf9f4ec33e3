package dm20.protocol.queue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cross-process wake-up for a queue's readers, so that a reader can sleep instead of polling: each listening
 * reader binds a UDP socket on 127.0.0.1 and registers its port as an empty file in the queue's bell directory
 * ({@code <queue>.bells/<port>}); after each commit the writer sends an empty datagram to every registered port
 * ({@link Ringer}). The datagram carries nothing: the queue stays the only channel of data, and a stray datagram
 * from anyone only causes one extra poll.
 *
 * <p>A bell is a hint, never a promise: a reader in another network namespace (a relay in a container) never hears
 * the writer's bell, a writer of an older version never rings, so {@link BusPoller} keeps a timeout and falls back
 * to its polling schedule when a message arrives without a bell.
 */
final class Doorbell implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Doorbell.class);
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramChannel channel;
    private final Selector selector;
    private final Path registration;
    private final ByteBuffer buffer = ByteBuffer.allocate(16);
    private final AtomicLong rings = new AtomicLong();

    private Doorbell(DatagramChannel channel, Selector selector, Path registration) {
        this.channel = channel;
        this.selector = selector;
        this.registration = registration;
    }

    /** The bell directory of a queue directory: {@code <queue>.bells} beside it. */
    static Path bellDirectory(Path queueDir) {
        return queueDir.resolveSibling(queueDir.getFileName() + ".bells");
    }

    /**
     * Listens for the writer's rings of the queue in {@code queueDir}; registrations of readers that are gone (their
     * port is free) are removed on the way.
     *
     * @throws IOException if no socket can be bound or the registration cannot be written
     */
    static Doorbell listen(Path queueDir) throws IOException {
        Path dir = bellDirectory(queueDir);
        Files.createDirectories(dir);
        removeStale(dir);
        DatagramChannel channel = DatagramChannel.open();
        Selector selector = null;
        try {
            channel.bind(new InetSocketAddress(LOOPBACK, 0));
            channel.configureBlocking(false);
            selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
            Path registration = Files.createFile(dir.resolve(Integer.toString(port)));
            return new Doorbell(channel, selector, registration);
        } catch (IOException | RuntimeException e) {
            channel.close();
            if (selector != null) {
                selector.close();
            }
            throw e;
        }
    }

    private static void removeStale(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                int port = port(f);
                if (port <= 0) {
                    continue;
                }
                try (DatagramChannel probe = DatagramChannel.open()) {
                    probe.bind(new InetSocketAddress(LOOPBACK, port));
                    Files.deleteIfExists(f);   // the port was free: its reader is gone
                } catch (IOException e) {
                    // in use: a live reader (or another program; then its datagrams are harmless)
                }
            }
        } catch (IOException e) {
            LOG.debug("cannot tidy {}: {}", dir, e.toString());
        }
    }

    private static int port(Path file) {
        try {
            int p = Integer.parseInt(file.getFileName().toString());
            return p > 0 && p < 65536 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Waits up to {@code timeoutMillis} (at least 1) for a ring; rings that piled up meanwhile are taken too.
     *
     * @return whether the bell rang
     */
    boolean await(long timeoutMillis) {
        if (drain()) {
            return true;
        }
        try {
            selector.select(Math.max(1, timeoutMillis));
            selector.selectedKeys().clear();
        } catch (IOException | java.nio.channels.ClosedSelectorException e) {
            return false;   // closed: the caller polls anyway and sees it is stopping
        }
        return drain();
    }

    /** Takes the rings already waiting, without blocking; returns whether there were any. */
    boolean drain() {
        boolean any = false;
        try {
            while (channel.receive(buffer.clear()) != null) {
                any = true;
            }
        } catch (IOException e) {
            // closed: nothing to take
        }
        if (any) {
            rings.incrementAndGet();
        }
        return any;
    }

    /** Makes a waiting {@link #await} return now (e.g. to stop). */
    void wakeup() {
        selector.wakeup();
    }

    /** How many times the bell was heard (rings taken together count once). */
    long rings() {
        return rings.get();
    }

    /** Stops listening and removes the registration. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(registration);
        } catch (IOException e) {
            LOG.debug("cannot remove {}: {}", registration, e.toString());
        }
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            LOG.debug("cannot close the bell: {}", e.toString());
        }
    }

    /**
     * The writer's side: rings every reader registered in a queue's bell directory. The directory is listed at most
     * every {@link #RELIST} (on the first ring after that much time), never per ring: a {@code stat} of the
     * directory per ring, and an exception per ring while no reader had made the directory yet, cost more than the
     * ring itself (docs/performance.md, Bus). So a reader that registers is rung within {@code RELIST} of its
     * registration (until then it finds messages on its own timeout, as every reader does without a bell), and a
     * reader that left is rung for at most that long (a datagram to a closed port is dropped). Thread-safe; a
     * failure is ignored (a bell is only a hint).
     */
    static final class Ringer implements AutoCloseable {

        /** The longest a newly registered reader waits before the writer lists it (and rings it). */
        static final java.time.Duration RELIST = java.time.Duration.ofMillis(100);

        /** Nothing to send: an empty buffer stays as it is, so one serves every ring (under this monitor). */
        private final ByteBuffer empty = ByteBuffer.allocate(0);

        private final Path dir;
        private DatagramChannel channel;
        private boolean listedOnce;
        private long listedAt;
        private List<InetSocketAddress> readers = List.of();

        Ringer(Path queueDir) {
            this.dir = bellDirectory(queueDir);
        }

        /** Sends an empty datagram to every registered reader. */
        synchronized void ring() {
            long now = System.nanoTime();
            if (!listedOnce || now - listedAt >= RELIST.toNanos()) {
                readers = list();
                listedOnce = true;
                listedAt = now;
            }
            if (readers.isEmpty()) {
                return;
            }
            try {
                if (channel == null) {
                    channel = DatagramChannel.open();
                    channel.configureBlocking(false);
                }
                for (InetSocketAddress r : readers) {
                    try {
                        channel.send(empty, r);
                    } catch (IOException e) {
                        // e.g. port unreachable from an earlier datagram: that reader is gone
                    }
                }
            } catch (IOException e) {
                // no socket: nobody is rung this time
            }
        }

        /** The registered readers; none when the directory does not exist (no reader listened yet) or cannot be read. */
        private List<InetSocketAddress> list() {
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            try {
                return listRegistered();
            } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                return List.of();
            }
        }

        private List<InetSocketAddress> listRegistered() throws IOException {
            List<InetSocketAddress> out = new ArrayList<>();
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    int port = port(f);
                    if (port > 0) {
                        out.add(new InetSocketAddress(LOOPBACK, port));
                    }
                }
            }
            return List.copyOf(out);
        }

        @Override
        public synchronized void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    LOG.debug("cannot close the bell channel: {}", e.toString());
                }
            }
        }
    }
}
