package dm20.relay;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test side of a real relay: this JVM writes the outbox and reads the inbox of a campaign directory
 * through {@link PartyBus} (cross-process Chronicle), and runs the packaged {@code target/relay-daemon.jar}
 * as a child process.
 */
public final class RelayHarness implements AutoCloseable {

    public static final Path JAR = Path.of("target", "relay-daemon.jar").toAbsolutePath();
    private static final Pattern CONNECTED = Pattern.compile("\"connected\":(\\d+)");

    public final Path dir;
    public final PartyBus bus;
    private final BusReader<InboxMessage> inbox;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private int port;

    public RelayHarness(Path dir) {
        this.dir = dir;
        this.bus = PartyBus.open(dir);
        this.inbox = bus.inboxReader(Optional.empty());
        inbox.toEnd();
    }

    public long post(OutboxMessage message) {
        return bus.outboxWriter().append(message);
    }

    /** session_opened + the fixture seats. */
    public void openSession(String epoch) {
        post(new OutboxMessage.SessionOpened(epoch, "Lost Mine", Fixtures.T0));
        Fixtures.seatMessages().forEach(this::post);
    }

    /** Starts the relay and waits for relay_started (or fails on relay_failed / exit). */
    public InboxMessage.RelayStarted start(String... extraArgs) throws IOException {
        launch(extraArgs);
        InboxMessage first = awaitInbox(m -> m instanceof InboxMessage.RelayStarted || m instanceof InboxMessage.RelayFailed,
                Duration.ofSeconds(30));
        if (first instanceof InboxMessage.RelayStarted started) {
            port = started.port();
            return started;
        }
        throw new AssertionError("relay failed to start: " + first + "\n" + stderr());
    }

    /** Starts the relay process without waiting; {@code -D} and {@code -X} arguments go to the JVM, the rest to the relay. */
    public Process launch(String... extraArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1"));
        List<String> extra = new ArrayList<>();
        for (String arg : extraArgs) {
            (arg.startsWith("-D") || arg.startsWith("-X") ? cmd : extra).add(arg);
        }
        cmd.addAll(List.of("-jar", JAR.toString(), "--campaign", dir.toString(), "--host", "127.0.0.1"));
        if (!extra.contains("--port")) {
            cmd.addAll(List.of("--port", "0"));
        }
        cmd.addAll(extra);
        process = new ProcessBuilder(cmd).redirectErrorStream(false)
                .redirectOutput(dir.resolve("relay.out").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("relay.err").toFile())).start();
        return process;
    }

    /** The next inbox message matching {@code wanted}, skipping others. */
    public InboxMessage awaitInbox(Predicate<InboxMessage> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            Optional<Envelope<InboxMessage>> next = inbox.next();
            if (next.isPresent()) {
                if (wanted.test(next.get().message())) {
                    return next.get().message();
                }
            } else {
                sleep(5);
            }
        }
        throw new AssertionError("no matching inbox message within " + timeout + "\n" + stderr());
    }

    /** Every inbox message not read yet. */
    public List<InboxMessage> drainInbox() {
        List<InboxMessage> out = new ArrayList<>();
        for (var e = inbox.next(); e.isPresent(); e = inbox.next()) {
            out.add(e.get().message());
        }
        return out;
    }

    public int port() {
        return port;
    }

    public Process process() {
        return process;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String stderr() {
        try {
            return Files.exists(dir.resolve("relay.err")) ? Files.readString(dir.resolve("relay.err")) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    public HttpResponse<String> get(String path, Optional<String> token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10)).GET();
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return send(b.build());
    }

    /** Seats with at least one open socket, as the relay's public {@code /status} says. */
    public int connectedSeats() {
        Matcher m = CONNECTED.matcher(get("/status", Optional.empty()).body());
        if (!m.find()) {
            throw new AssertionError("no connected count in /status");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Polls {@code /status} until {@link #connectedSeats()} is {@code n}. */
    public void awaitConnectedSeats(int n, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (connectedSeats() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(n + " seats not connected within " + timeout + ": " + connectedSeats());
            }
            sleep(20);
        }
    }

    public HttpResponse<String> postJson(String path, Optional<String> token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return send(b.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public WsClient connect() {
        return WsClient.connect(port, "http://127.0.0.1:" + port);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the relay if still running (SIGKILL) and closes the bus. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        inbox.close();
        bus.close();
    }
}
