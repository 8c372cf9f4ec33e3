package dm20.mcp.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every bench phone's WebSocket read by one thread on one selector: when the relay fans a resolution out to 12
 * phones, the harness wakes once (or a few times), not 12 threads on the 2 cores the server and the relay share.
 * Each text frame is stamped with the {@link System#nanoTime()} of the read that brought its first byte; frames are
 * handed to their listeners only after every ready socket has been read, so one phone's handling never delays the
 * next phone's stamp. RFC 6455 client side: masked frames out, unmasked in, pongs for pings.
 */
final class PhoneHub implements AutoCloseable {

    /** Gets a phone's frames on the hub's thread: each line of a text message (docs/protocol.md §2). */
    interface Listener {
        void text(long arrivedNanos, String frame);
    }

    /** One phone's socket. */
    final class Conn {
        private final SocketChannel channel;
        private final Listener listener;
        private ByteBuffer in = ByteBuffer.allocate(16 * 1024);
        /** When the first byte of the frame now being assembled arrived; 0 when none is. */
        private long frameSince;

        private Conn(SocketChannel channel, Listener listener, ByteBuffer leftover) {
            this.channel = channel;
            this.listener = listener;
            in.put(leftover);
        }

        /** Sends one masked text frame (a few hundred bytes: written whole, retried while the socket is full). */
        void sendText(String text) throws IOException {
            frame(0x1, text.getBytes(StandardCharsets.UTF_8));
        }

        private synchronized void frame(int opcode, byte[] payload) throws IOException {
            int n = payload.length;
            ByteBuffer f = ByteBuffer.allocate(2 + (n < 126 ? 0 : n < 65536 ? 2 : 8) + 4 + n);
            f.put((byte) (0x80 | opcode));
            if (n < 126) {
                f.put((byte) (0x80 | n));
            } else if (n < 65536) {
                f.put((byte) (0x80 | 126)).putShort((short) n);
            } else {
                f.put((byte) (0x80 | 127)).putLong(n);
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            f.put(mask);
            for (int k = 0; k < n; k++) {
                f.put((byte) (payload[k] ^ mask[k & 3]));
            }
            f.flip();
            while (f.hasRemaining()) {
                if (channel.write(f) == 0) {
                    Thread.onSpinWait();
                }
            }
        }

        /** Reads what is there and collects the complete text frames; false once the connection has ended. */
        private boolean read(long now, List<Runnable> deliveries) throws IOException {
            int n = channel.read(in);
            if (n < 0) {
                return false;
            }
            if (frameSince == 0 && in.position() > 0) {
                frameSince = now;
            }
            in.flip();
            boolean open = true;
            while (open) {
                int start = in.position();
                long length = payloadLength();
                if (length < 0 || in.remaining() < length) {
                    in.position(start);
                    if (length > in.capacity() - 14) {   // a message larger than the buffer: grow it
                        ByteBuffer bigger = ByteBuffer.allocate((int) length + 14);
                        bigger.put(in);
                        in = bigger;
                        return true;
                    }
                    break;
                }
                int opcode = in.get(start) & 0x0f;
                byte[] payload = new byte[(int) length];
                in.get(payload);
                long since = frameSince;
                frameSince = in.hasRemaining() ? now : 0;
                switch (opcode) {
                    case 0x1 -> deliveries.add(() -> {
                        for (String line : new String(payload, StandardCharsets.UTF_8).split("\n")) {
                            listener.text(since, line);
                        }
                    });
                    case 0x9 -> frame(0xA, payload);
                    case 0x8 -> open = false;
                    default -> { }
                }
            }
            in.compact();
            return open;
        }

        /** The payload length of the frame at the buffer's position, after its header; -1 if the header is not all here. */
        private long payloadLength() {
            if (in.remaining() < 2) {
                return -1;
            }
            in.get();
            long len = in.get() & 0x7f;
            if (len == 126) {
                if (in.remaining() < 2) {
                    return -1;
                }
                len = in.getShort() & 0xffff;
            } else if (len == 127) {
                if (in.remaining() < 8) {
                    return -1;
                }
                len = in.getLong();
            }
            return len;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private final Selector selector;
    private final Queue<Conn> joining = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean open = true;

    PhoneHub() throws IOException {
        selector = Selector.open();
        thread = Thread.ofPlatform().daemon(true).name("phones").start(this::loop);
    }

    /** Connects and upgrades (blocking), then hands the socket to the hub's thread. */
    Conn connect(int port, Listener listener) throws IOException {
        SocketChannel channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(new InetSocketAddress("127.0.0.1", port));
        String req = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:"
                + port + "\r\n\r\n";
        channel.write(ByteBuffer.wrap(req.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer head = ByteBuffer.allocate(4096);
        int end;
        while ((end = headEnd(head)) < 0) {
            if (!head.hasRemaining() || channel.read(head) < 0) {
                channel.close();
                throw new IOException("connection closed during the upgrade");
            }
        }
        String status = new String(head.array(), 0, end, StandardCharsets.ISO_8859_1);
        if (!status.startsWith("HTTP/1.1 101")) {
            channel.close();
            throw new IOException("upgrade refused: " + status.lines().findFirst().orElse(""));
        }
        ByteBuffer leftover = ByteBuffer.wrap(head.array(), end, head.position() - end);
        channel.configureBlocking(false);
        Conn conn = new Conn(channel, listener, leftover);
        joining.add(conn);
        selector.wakeup();
        return conn;
    }

    /** The index just after the head's blank line, or -1 while it has not arrived. */
    private static int headEnd(ByteBuffer head) {
        byte[] b = head.array();
        for (int i = 3; i < head.position(); i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private void loop() {
        List<Runnable> deliveries = new ArrayList<>();
        try {
            while (open) {
                selector.select();
                long now = System.nanoTime();
                for (Conn c; (c = joining.poll()) != null; ) {
                    c.channel.register(selector, SelectionKey.OP_READ, c);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Conn c = (Conn) key.attachment();
                    try {
                        if (!c.read(now, deliveries)) {
                            key.cancel();
                            c.close();
                        }
                    } catch (IOException e) {
                        key.cancel();
                        c.close();
                    }
                }
                selector.selectedKeys().clear();
                deliveries.forEach(Runnable::run);
                deliveries.clear();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            for (SelectionKey key : selector.keys()) {
                ((Conn) key.attachment()).close();
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Closes every phone's socket (on the hub's thread, which then ends). */
    @Override
    public void close() throws InterruptedException {
        open = false;
        selector.wakeup();
        thread.join(10_000);
    }
}
