package dm20.mcp.bench;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A phone for the benchmark: the page's WebSocket (hello with the seat token, on a {@link PhoneHub}) and its
 * {@code POST /action} (on a {@link KeepAliveHttp} socket).
 * Each {@code resolution} frame is stamped with {@link System#nanoTime()} on arrival and reported to the
 * shared {@link Arrivals}.
 */
final class BenchPhone implements AutoCloseable {

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
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final PhoneHub.Conn socket;

    private BenchPhone(KeepAliveHttp api, String token, Arrivals arrivals, PhoneHub hub, int port) throws java.io.IOException {
        this.api = api;
        this.token = token;
        this.arrivals = arrivals;
        this.socket = hub.connect(port, this::frame);
    }

    /**
     * Joins with a seat link ({@code http://127.0.0.1:port/play#token}) and waits for the welcome. The phone's
     * WebSocket is read by the hub's one thread with every other phone's: a fan-out to 12 phones wakes the harness
     * once or a few times, where a thread per phone woke 12 threads on the 2 cores the relay and the server share
     * (docs/performance.md, tenth pass).
     */
    static BenchPhone join(PhoneHub hub, String link, Arrivals arrivals) throws Exception {
        URI uri = URI.create(link);
        BenchPhone phone = new BenchPhone(new KeepAliveHttp(uri), uri.getFragment(), arrivals, hub, uri.getPort());
        phone.socket.sendText("{\"type\":\"hello\",\"token\":\"" + phone.token + "\"}");
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

    /**
     * A text frame, stamped as its first byte arrived. Read by a plain scan, not a JSON parser: it runs on the hub's
     * thread while the relay is still sending to the other phones.
     */
    private void frame(long arrivedNanos, String payload) {
        if (payload.startsWith("{\"type\":\"resolution\"")) {
            int at = payload.indexOf("\"actionId\":\"");
            if (at >= 0) {
                int from = at + 12;
                arrivals.arrived(payload.substring(from, payload.indexOf('"', from)), arrivedNanos);
            }
        } else if (payload.startsWith("{\"type\":\"welcome\"")) {
            welcomed.complete(null);
        }
    }

    @Override
    public void close() throws java.io.IOException {
        socket.close();
        api.close();
    }
}
