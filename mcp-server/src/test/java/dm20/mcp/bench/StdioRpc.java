package dm20.mcp.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw JSON-RPC client on the packaged mcp-server's stdin/stdout, as lean as the wire allows so the numbers
 * are the server's: one reader thread stamps each response line with {@link System#nanoTime()} as it
 * arrives, before parsing, and completes the request waiting for that id. Several requests may be in flight.
 */
final class StdioRpc implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INIT = "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"party-bench\",\"version\":\"1\"}}";

    /** A response and the moment its line arrived; parsed when first asked (not on the reading thread). */
    record Reply(long arrivedNanos, String line) {

        JsonNode json() {
            return JSON.readTree(line);
        }

        /**
         * The tool's answer: its structured content, else its last text block parsed as JSON (a headline may lead).
         *
         * @throws IllegalStateException on a tool error
         */
        JsonNode tool() {
            JsonNode json = json();
            JsonNode result = json.path("result");
            if (result.path("isError").asBoolean(true)) {
                throw new IllegalStateException("tool failed: " + json);
            }
            if (result.has("structuredContent")) {
                return result.path("structuredContent");
            }
            JsonNode content = result.path("content");
            return JSON.readTree(content.path(content.size() - 1).path("text").asString(""));
        }
    }

    private final Process process;
    private final OutputStream in;
    private final Map<Long, CompletableFuture<Reply>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    StdioRpc(Process process) throws Exception {
        this.process = process;
        this.in = process.getOutputStream();
        Thread.ofPlatform().daemon(true).name("rpc-reader").start(this::readLoop);
        request("initialize", INIT).get(60, TimeUnit.SECONDS);
        write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** Sends a {@code tools/call}; the future completes when its response line arrives. */
    CompletableFuture<Reply> tool(String name, Map<String, Object> args) throws IOException {
        return request("tools/call", JSON.writeValueAsString(Map.of("name", name, "arguments", args)));
    }

    /** Calls a tool and waits (at most a minute) for a successful result. */
    JsonNode call(String name, Map<String, Object> args) throws Exception {
        return tool(name, args).get(60, TimeUnit.SECONDS).tool();
    }

    private CompletableFuture<Reply> request(String method, String params) throws IOException {
        long id = ids.incrementAndGet();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        waiting.put(id, reply);
        write("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return reply;
    }

    private volatile long lastWrite;

    /**
     * When the last request line began to be written to the server's stdin ({@link System#nanoTime()}), its JSON
     * already made: the start of a call as the server can see it, without the harness's own serializing.
     */
    long lastWriteNanos() {
        return lastWrite;
    }

    private synchronized void write(String line) throws IOException {
        byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
        lastWrite = System.nanoTime();
        in.write(b);
        in.flush();
    }

    /**
     * Matches each response to its request by its id, read off the line's head; the line is parsed later by whoever
     * asks, so the harness spends no CPU while the phones are still being served.
     */
    private void readLoop() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                long now = System.nanoTime();
                long id = id(line);
                if (id < 0) {
                    id = JSON.readTree(line).path("id").asLong(-1);   // spaced or reordered: parse it after all
                }
                CompletableFuture<Reply> f = id >= 0 ? waiting.remove(id) : null;
                if (f != null) {
                    f.complete(new Reply(now, line));
                }
            }
        } catch (IOException e) {
            waiting.values().forEach(f -> f.completeExceptionally(e));
        }
        waiting.values().forEach(f -> f.completeExceptionally(new IOException("the server closed stdout")));
    }

    private static final String RESPONSE_HEAD = "{\"jsonrpc\":\"2.0\",\"id\":";

    /**
     * The id of a response written as the server writes them ({@code {"jsonrpc":"2.0","id":N,...}}), or -1 for
     * anything else (a notification, whose params may hold an {@code "id"} of their own, is parsed in full).
     */
    static long id(String line) {
        if (!line.startsWith(RESPONSE_HEAD)) {
            return -1;
        }
        long id = 0;
        int i = RESPONSE_HEAD.length();
        int start = i;
        for (; i < line.length() && Character.isDigit(line.charAt(i)); i++) {
            id = id * 10 + (line.charAt(i) - '0');
        }
        return i > start && i < line.length() && line.charAt(i) == ',' ? id : -1;
    }

    /** Closes stdin (the server then exits) and waits for the process. */
    @Override
    public void close() throws Exception {
        in.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
