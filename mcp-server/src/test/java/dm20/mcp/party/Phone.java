package dm20.mcp.party;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A player's phone for end-to-end tests: a real WebSocket to the relay plus the page's HTTP calls. */
final class Phone implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String name;
    final String base;
    final String token;
    final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    private Phone(String name, String base, String token) {
        this.name = name;
        this.base = base;
        this.token = token;
    }

    /** Opens the socket, says hello (resuming after {@code since} if given) and waits for the welcome. */
    static Phone join(String name, String url, Optional<Long> since) throws Exception {
        return join(name, url, since, Optional.empty());
    }

    /** Resumes a session: {@code since} counts only together with the epoch it was read in. */
    static Phone join(String name, String url, Optional<Long> since, Optional<String> epoch) throws Exception {
        Phone phone = open(name, url, since, epoch);
        phone.await(f -> type(f).equals("welcome") || type(f).equals("closing"), Duration.ofSeconds(10));
        return phone;
    }

    /** Opens the socket and says hello without waiting for a welcome: for a socket the relay should refuse. */
    static Phone knock(String name, String url) throws Exception {
        return open(name, url, Optional.empty(), Optional.empty());
    }

    private static Phone open(String name, String url, Optional<Long> since, Optional<String> epoch) throws Exception {
        URI link = URI.create(url);
        String base = link.getScheme() + "://" + link.getAuthority();
        Phone phone = new Phone(name, base, link.getFragment());
        phone.socket = HTTP.newWebSocketBuilder().header("Origin", base)
                .buildAsync(URI.create(base.replace("http", "ws") + "/ws"), phone).get();
        String hello = "{\"type\":\"hello\",\"token\":\"" + phone.token + "\""
                + since.map(s -> ",\"since\":" + s).orElse("")
                + epoch.map(e -> ",\"epoch\":\"" + e + "\"").orElse("") + "}";
        phone.socket.sendText(hello, true).get();
        return phone;
    }

    static String type(JsonNode f) {
        return f.path("type").asString("");
    }

    HttpResponse<String> act(String text) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/action"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("text", text))))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String actionId(HttpResponse<String> accepted) {
        return JSON.readTree(accepted.body()).path("actionId").asString();
    }

    JsonNode await(Predicate<JsonNode> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode f : frames) {
                if (match.test(f)) {
                    return f;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError(name + " got no matching frame in " + timeout + "; frames: " + frames);
    }

    List<JsonNode> ofType(String type) {
        return frames.stream().filter(f -> type(f).equals(type)).toList();
    }

    /** Every text this phone received, joined: for privacy assertions. */
    String everything() {
        return frames.toString();
    }

    String epoch() {
        return ofType("welcome").getFirst().path("epoch").asString();
    }

    long lastSeq() {
        return frames.stream().mapToLong(f -> f.path("seq").asLong(-1)).max().orElse(-1);
    }

    int awaitClose(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            for (String line : partial.toString().split("\n")) {   // one frame per line; a history comes packed
                frames.add(JSON.readTree(line));
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
