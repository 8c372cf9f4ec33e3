package dm20.mcp;

import dm20.protocol.queue.Hop;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * MCP over stdio (newline-delimited JSON-RPC) without a thread hand-off on a call's path. The SDK's
 * {@code StdioServerTransportProvider} passes every call through three threads (its stdin reader, Reactor's
 * bounded-elastic pool for the tool, its stdout writer); each hand-off is a thread wake-up, which on two busy
 * cores cost more than most tools' own work. Here the thread that reads a request line also handles it and
 * writes its answer (the server is built with {@code immediateExecution}, so the SDK runs sync tools on the
 * calling thread):
 *
 * <ul>
 *   <li><b>Leader/follower</b>: the threads take turns at reading stdin under a lock. The one that read a line
 *   releases the lock first, so another thread reads the next line while this one handles its own: a call that
 *   blocks ({@code party_wait} for minutes) never holds up the calls behind it. A new thread is started only when
 *   none is left to read; at most {@link #MAX_IDLE} idle threads are kept.</li>
 *   <li><b>Tool calls</b> for the server's own tools, once the session is initialized, are answered by a
 *   {@link ToolCallLane} without the SDK's request pipeline (the SDK's steps, not its Reactor operators and
 *   conversions); every other message goes to the SDK's session. A request line is read once into a map
 *   ({@code parse}).</li>
 *   <li><b>Answers</b> are written by the handling thread, one {@code write} and flush per line, under a lock.</li>
 *   <li><b>End of stdin</b> is reported ({@link #awaitEndOfInput()}) once every request read has been answered
 *   (waiting at most {@link #DRAIN}), so a client that writes its requests and closes its end, like
 *   {@code echo … | dm20 mcp}, still gets every answer.</li>
 *   <li>A line that is not JSON-RPC is answered with a JSON-RPC parse error ({@code id} null) and skipped; a line
 *   longer than {@link #MAX_LINE} bytes is skipped the same way. Neither ends the session.</li>
 * </ul>
 *
 * <p>One session (stdio has one client). Thread-safe.
 */
final class StdioTransport implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    /** The longest the end of stdin is held back for unanswered requests. */
    static final Duration DRAIN = Duration.ofSeconds(30);
    /** The longest request line read (as the SDK's transport: 16 MiB). */
    static final int MAX_LINE = 16 << 20;
    /** Idle threads kept for the next calls (one reads, one waits to read next); more end. */
    static final int MAX_IDLE = 2;

    private final McpJsonMapper json;
    private final LineReader lines;
    private final OutputStream out;
    private final ReentrantLock reading = new ReentrantLock();
    private final Object writing = new Object();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final Session transport = new Session();
    private boolean inputEnded;             // guarded by reading
    /** Whether the client's initialized notification has been handled; guarded by reading until then. */
    private volatile boolean initialized;
    /** Lines read whose handling has not yet been counted as a request or finished. */
    private final AtomicLong unhandledLines = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private volatile boolean draining;
    private volatile boolean closing;
    private volatile McpServerSession session;
    /** Answers the server's own tool calls once the session is initialized; the SDK answers everything else. */
    private final Optional<ToolCallLane> lane;

    StdioTransport(McpJsonMapper json, InputStream in, OutputStream out) {
        this(json, in, out, Optional.empty());
    }

    /** @param lane answers {@code tools/call} requests for the server's own tools ({@link ToolCallLane}) */
    StdioTransport(McpJsonMapper json, InputStream in, OutputStream out, Optional<ToolCallLane> lane) {
        this.json = json;
        this.lines = new LineReader(in, MAX_LINE);
        this.out = out;
        this.lane = lane;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory factory) {
        if (session != null) {
            throw new IllegalStateException("stdio has one session");
        }
        session = factory.create(transport);
        idle.incrementAndGet();
        startWorker();
    }

    /** Blocks until stdin has ended and every request read from it has been answered (or {@link #DRAIN} passed). */
    void awaitEndOfInput() throws InterruptedException {
        ended.await();
    }

    private void startWorker() {
        new Worker(started.incrementAndGet()).start();
    }

    /** A thread of the pool, with what it knows about its own turn. */
    private final class Worker extends Thread {
        /** While it handles a line: whether it has already counted itself idle again, and whether it stays. */
        private boolean rejoined;
        private boolean stays;

        Worker(int n) {
            super("mcp-stdio-" + n);
            setDaemon(true);
        }

        @Override
        public void run() {
            work(this);
        }

        /** Counts this thread idle again (once per line), before its answer goes out: see {@link #send}. */
        void rejoinOnce() {
            if (!rejoined) {
                rejoined = true;
                stays = rejoin();
            }
        }
    }

    /** One worker: lead (read a line), hand the lead on, handle the line, and queue up to lead again. */
    private void work(Worker self) {
        while (true) {
            LineReader.Line line;
            boolean handledInOrder = false;
            reading.lock();
            try {
                if (inputEnded) {
                    return;
                }
                line = lines.next();
                if (Hop.ON) {
                    Hop.stamp("mcp.read");
                }
                if (line == null) {
                    inputEnded = true;
                } else {
                    unhandledLines.incrementAndGet();   // before the next reader can see the end of input
                    if (!initialized) {
                        // Until the client's initialized notification has been handled, lines are handled in
                        // order, still holding the lead: the SDK parks a request that comes before it and runs it
                        // on the thread that handles that notification, so a blocking call parked there would
                        // hold up every call parked behind it.
                        self.rejoined = true;           // handled without leaving the idle count
                        handle(line);
                        handledInOrder = true;
                    }
                }
            } catch (IOException e) {
                if (!closing) {
                    LOG.error("cannot read stdin: {}", e.toString());
                }
                inputEnded = true;
                line = null;
            } finally {
                reading.unlock();
            }
            if (handledInOrder) {
                continue;
            }
            if (line == null) {
                endOfInput();
                return;
            }
            if (idle.decrementAndGet() == 0) {
                idle.incrementAndGet();  // nobody is left to read the next line: a new thread will
                startWorker();
            }
            self.rejoined = false;
            handle(line);
            self.rejoinOnce();
            if (!self.stays) {
                return;
            }
        }
    }

    /** Counts a thread idle again, unless enough are; returns whether it stays. */
    private boolean rejoin() {
        while (true) {
            int n = idle.get();
            if (n >= MAX_IDLE) {
                return false;
            }
            if (idle.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void handle(LineReader.Line line) {
        boolean request = false;
        try {
            request = dispatch(line);
        } catch (RuntimeException e) {
            LOG.error("handling an input line failed", e);
        } finally {
            if (!request) {
                unhandledLines.decrementAndGet();
            }
            wakeDrain();
        }
    }

    /** Handles one line; returns whether it was a request (which counts as handled once its answer is sent). */
    private boolean dispatch(LineReader.Line line) {
        if (line.tooLong()) {
            LOG.warn("skipped an input line longer than {} bytes", MAX_LINE);
            sendParseError("request line longer than " + MAX_LINE + " bytes");
            return false;
        }
        if (line.text().isBlank()) {
            return false;
        }
        JSONRPCMessage message;
        try {
            message = parse(line.text());
            if (Hop.ON) {
                Hop.stamp("mcp.parsed");
            }
        } catch (Exception e) {
            // not the parser's message: it quotes the input, which may hold a seat link (never in a log)
            LOG.warn("skipped an input line that is not JSON-RPC ({} characters)", line.text().length());
            sendParseError("not a JSON-RPC message: " + e.getMessage());
            return false;
        }
        if (initialized && message instanceof McpSchema.JSONRPCRequest r && lane.isPresent()) {
            Optional<McpSchema.JSONRPCResponse> answer = lane.get().answer(r);
            if (answer.isPresent()) {
                requests.incrementAndGet();
                unhandledLines.decrementAndGet();
                send(answer.get());
                return true;
            }
        }
        session.handle(message).subscribe(null, e -> LOG.error("handling a message failed", e));
        if (message instanceof McpSchema.JSONRPCNotification n
                && McpSchema.METHOD_NOTIFICATION_INITIALIZED.equals(n.method())) {
            initialized = true;
        }
        if (message instanceof McpSchema.JSONRPCRequest) {
            // its answer may be out already (counted in responses): the line stays unhandled until it is a request
            requests.incrementAndGet();
            unhandledLines.decrementAndGet();
            return true;
        }
        return false;
    }

    /**
     * A request or a notification, read once into a map and built from it; anything else, or anything odd (a
     * {@code method} or {@code jsonrpc} that is not a string, an {@code id} that is neither a string nor a number,
     * a line that is not a JSON object), is parsed by the SDK as before, so it fails or succeeds as it did. The SDK's
     * own parse reads the line into a map and then converts that map into the message record through Jackson's
     * binding, which costs more than the read: ≈ 140 of ≈ 210 µs per call on this machine, where a DM's calls come
     * seconds apart and every call runs cold (docs/performance.md, seventh pass).
     */
    private JSONRPCMessage parse(String text) throws IOException {
        Map<?, ?> map;
        try {
            map = json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            map = null;
        }
        if (map != null && map.get("method") instanceof String method && map.get("jsonrpc") instanceof String version) {
            if (!map.containsKey("id")) {
                return new McpSchema.JSONRPCNotification(version, method, map.get("params"));
            }
            Object id = map.get("id");
            if (id instanceof String || id instanceof Number) {
                return new McpSchema.JSONRPCRequest(version, method, id, map.get("params"));
            }
        }
        return McpSchema.deserializeJsonRpcMessage(json, text);
    }

    /**
     * A JSON-RPC parse error, written by hand: its {@code id} is null (the request's could not be read), which the
     * SDK's response record refuses.
     */
    private void sendParseError(String message) {
        try {
            String error = json.writeValueAsString(
                    new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.PARSE_ERROR, message, null));
            write(lineOf("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":" + error + "}"));
        } catch (IOException e) {
            LOG.error("cannot serialize a parse error: {}", e.toString());
        }
    }

    /**
     * Writes one message as one line; a response is counted as the answer to a request. A worker answering the
     * line it handles counts itself idle first: the client may send its next request the moment it reads this
     * answer, and the thread that reads it must not find nobody left to read the one after (which would start a
     * thread for every call).
     */
    private void send(JSONRPCMessage message) {
        if (closing) {
            return;
        }
        if (message instanceof McpSchema.JSONRPCResponse && Thread.currentThread() instanceof Worker w) {
            w.rejoinOnce();
        }
        if (Hop.ON) {
            Hop.stamp("mcp.send");
        }
        byte[] line;
        try {
            line = lineOf(json.writeValueAsString(message));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize " + message.getClass().getSimpleName(), e);
        }
        write(line);
        if (message instanceof McpSchema.JSONRPCResponse r && r.id() != null) {
            responses.incrementAndGet();
            wakeDrain();
        }
    }

    private void write(byte[] line) {
        if (closing) {
            return;
        }
        try {
            synchronized (writing) {
                out.write(line);
                out.flush();
            }
            if (Hop.ON) {
                Hop.stamp("mcp.written");
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.error("cannot write to stdout: {}", e.toString());
            }
        }
    }

    private void wakeDrain() {
        if (draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** The UTF-8 bytes of {@code text} and a newline; raw line breaks (JSON escapes them anyway) become {@code \n}. */
    static byte[] lineOf(String text) {
        String oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text
                : text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        byte[] b = oneLine.getBytes(StandardCharsets.UTF_8);
        byte[] withNewline = Arrays.copyOf(b, b.length + 1);
        withNewline[b.length] = '\n';
        return withNewline;
    }

    private void endOfInput() {
        try {
            if (!awaitAnswered(DRAIN)) {
                LOG.warn("stdin closed with requests unanswered after {} s", DRAIN.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    /** Waits until every line read so far is handled and every request among them answered, or {@code timeout} passes. */
    synchronized boolean awaitAnswered(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (unhandledLines.get() > 0 || responses.get() < requests.get()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, Math.min(left / 1_000_000, 10)));
        }
        return true;
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.error(new IllegalStateException("no session to notify")) : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return Mono.defer(() -> {
            McpServerSession s = session;
            if (s == null || !s.getId().equals(sessionId)) {
                return Mono.error(new IllegalStateException("no session " + sessionId));
            }
            return s.sendNotification(method, params);
        });
    }

    @Override
    public Mono<Void> closeGracefully() {
        McpServerSession s = session;
        return s == null ? Mono.fromRunnable(transport::close) : s.closeGracefully();
    }

    /** The session's side: what the SDK sends goes straight to stdout on the sending thread. */
    private final class Session implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return Mono.fromRunnable(() -> send(message));
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return json.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(this::close);
        }

        @Override
        public void close() {
            closing = true;
        }
    }

    /**
     * Splits a byte stream into UTF-8 lines ({@code \n}, {@code \r\n} or a lone {@code \r} end one); a line longer
     * than the limit is read to its end and reported as too long. Not thread-safe (the leader's lock guards it).
     */
    static final class LineReader {

        /** One line, or a marker that it was too long. */
        record Line(String text, boolean tooLong) {
        }

        private final InputStream in;
        private final int max;
        private final byte[] buf = new byte[8192];
        private int pos;
        private int end;
        private byte[] line = new byte[1024];
        private int len;
        private boolean overflow;
        private boolean skipLf;

        LineReader(InputStream in, int max) {
            this.in = in;
            this.max = max;
        }

        /** The next line, or null at the end of the stream (a last line without a newline is returned first). */
        Line next() throws IOException {
            while (true) {
                if (pos == end) {
                    int n = in.read(buf, 0, buf.length);
                    if (n < 0) {
                        if (len == 0 && !overflow) {
                            return null;
                        }
                        return take();
                    }
                    pos = 0;
                    end = n;
                }
                while (pos < end) {
                    byte b = buf[pos++];
                    if (skipLf) {
                        skipLf = false;
                        if (b == '\n') {
                            continue;
                        }
                    }
                    if (b == '\n' || b == '\r') {
                        skipLf = b == '\r';
                        return take();
                    }
                    append(b);
                }
            }
        }

        private void append(byte b) {
            if (len == max) {
                overflow = true;
                return;
            }
            if (len == line.length) {
                line = Arrays.copyOf(line, Math.min(max, line.length * 2));
            }
            line[len++] = b;
        }

        private Line take() {
            Line l = overflow ? new Line("", true) : new Line(new String(line, 0, len, StandardCharsets.UTF_8), false);
            len = 0;
            overflow = false;
            if (line.length > 64 * 1024) {
                line = new byte[1024];  // do not keep a huge buffer after one huge line
            }
            return l;
        }
    }
}
