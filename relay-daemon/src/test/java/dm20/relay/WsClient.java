package dm20.relay;

import dm20.protocol.message.MessageCodec;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real java.net.http WebSocket to the relay that keeps every frame it receives and its close code. */
public final class WsClient implements AutoCloseable {

    private static final MessageCodec CODEC = new MessageCodec();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile String closeReason = "";
    private final WebSocket socket;

    private WsClient(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects with the given Origin; throws if the upgrade is refused. */
    public static WsClient connect(int port, String origin) {
        Listener listener = new Listener();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Origin", origin)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener).join();
        WsClient client = new WsClient(ws);
        listener.client.complete(client);
        return client;
    }

    public WsClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    public WsClient hello(String token) {
        return send("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
    }

    public WsClient hello(String token, long since, String epoch) {
        return send("{\"type\":\"hello\",\"token\":\"" + token + "\",\"since\":" + since + ",\"epoch\":\"" + epoch + "\"}");
    }

    /** Waits for a frame matching {@code wanted}; every frame before it is kept in {@link #seen()}. */
    public JsonNode await(Predicate<JsonNode> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = end - System.nanoTime();
                JsonNode f = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (f == null) {
                    throw new AssertionError("no matching frame within " + timeout + "; seen " + seen.size()
                            + " frames, last: " + (seen.isEmpty() ? "-" : seen.getLast()) + ", closed: "
                            + closed.getNow(null) + " " + closeReason);
                }
                seen.add(f);
                if (wanted.test(f)) {
                    return f;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode awaitType(String type) {
        return await(f -> f.path("type").asString().equals(type), Duration.ofSeconds(10));
    }

    /** Frames received so far by {@link #await}. */
    public List<JsonNode> seen() {
        return seen;
    }

    /** Takes every frame that arrives within {@code quiet} of the previous one. */
    public List<JsonNode> drain(Duration quiet) {
        try {
            for (JsonNode f = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS); f != null;
                 f = inbox.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) {
                seen.add(f);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen;
    }

    /** The close code the server sent. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + timeout, e);
        }
    }

    public String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final CompletableFuture<WsClient> client = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                for (String line : frame.split("\n")) {   // a message may carry several frames, one per line
                    client.join().inbox.add(CODEC.json().readTree(line));
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            WsClient c = client.join();
            c.closeReason = reason;
            c.closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            client.join().closed.complete(-1);
        }
    }
}
