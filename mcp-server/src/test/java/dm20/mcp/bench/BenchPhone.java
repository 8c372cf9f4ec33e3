package dm20.mcp.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A phone for the benchmark: the page's WebSocket (hello with the seat token, on the JDK client) and its
 * {@code POST /action} (on a {@link KeepAliveHttp} socket).
 * Each {@code resolution} frame is stamped with {@link System#nanoTime()} on arrival and reported to the
 * shared {@link Arrivals}.
 */
final class BenchPhone implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** When each phone received the resolution of an action the benchmark is waiting for. */
    static final class Arrivals {
        private record Expected(CountDownLatch all, AtomicLong first, AtomicLong last) {
        }

        private final Map<String, Expected> expected = new ConcurrentHashMap<>();

        /** Starts waiting for {@code phones} resolutions of {@code actionId}; call before resolving it. */
        void expect(String actionId, int phones) {
            expected.put(actionId, new Expected(new CountDownLatch(phones), new AtomicLong(Long.MAX_VALUE), new AtomicLong()));
        }

        /**
         * The arrival times of the first and the last phone's resolution.
         *
         * @throws IllegalStateException if not all phones have it after 10 s
         */
        long[] awaitAll(String actionId) throws InterruptedException {
            Expected e = expected.get(actionId);
            boolean all = e.all().await(10, TimeUnit.SECONDS);
            expected.remove(actionId);
            if (!all) {
                throw new IllegalStateException(e.all().getCount() + " phones never got the resolution of " + actionId);
            }
            return new long[] {e.first().get(), e.last().get()};
        }

        private void arrived(String actionId, long nanos) {
            Expected e = expected.get(actionId);
            if (e != null) {
                e.first().accumulateAndGet(nanos, Math::min);
                e.last().accumulateAndGet(nanos, Math::max);
                e.all().countDown();
            }
        }
    }

    private final KeepAliveHttp api;
    private final String token;
    private final Arrivals arrivals;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private WebSocket socket;

    private BenchPhone(KeepAliveHttp api, String token, Arrivals arrivals) {
        this.api = api;
        this.token = token;
        this.arrivals = arrivals;
    }

    /** Joins with a seat link ({@code http://host:port/play#token}) and waits for the welcome. */
    static BenchPhone join(HttpClient http, String link, Arrivals arrivals) throws Exception {
        URI uri = URI.create(link);
        String base = uri.getScheme() + "://" + uri.getAuthority();
        BenchPhone phone = new BenchPhone(new KeepAliveHttp(uri), uri.getFragment(), arrivals);
        phone.socket = http.newWebSocketBuilder().header("Origin", base)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), phone).get(10, TimeUnit.SECONDS);
        phone.socket.sendText("{\"type\":\"hello\",\"token\":\"" + phone.token + "\"}", true).get(10, TimeUnit.SECONDS);
        phone.welcomed.get(10, TimeUnit.SECONDS);
        return phone;
    }

    /** Submits an action as the page does; returns the response (202 with the action id when queued). */
    KeepAliveHttp.Response act(String text) throws Exception {
        return api.send("POST", "/action", token, JSON.writeValueAsString(Map.of("text", text)));
    }

    /** {@code GET /status}: an HTTP round trip that touches no queue, as a baseline. */
    void status() throws Exception {
        KeepAliveHttp.Response r = api.send("GET", "/status", token, "");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET /status answered " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.nanoTime();
        partial.append(data);
        if (last) {
            JsonNode frame = JSON.readTree(partial.toString());
            partial.setLength(0);
            switch (frame.path("type").asString("")) {
                case "welcome" -> welcomed.complete(null);
                case "resolution" -> arrivals.arrived(frame.path("actionId").asString(), now);
                default -> { }
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() throws java.io.IOException {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        api.close();
    }
}
