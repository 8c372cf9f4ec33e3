package dm20.relay.browser;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packaged relay ({@code target/relay-daemon.jar}) as a child process on the test's JDK, bound to
 * 127.0.0.1. Its port is learned from the {@code relay_started} message it appends to the inbox.
 */
final class RelayProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;

    private RelayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a relay for {@code campaign} on {@code port} (0 for any) and waits until it reports it serves.
     *
     * @throws IllegalStateException if it exits or stays silent for 30 s; the message carries its log's tail
     */
    static RelayProcess start(PartyBus bus, Path campaign, int port) {
        Path jar = Path.of("target", "relay-daemon.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run mvn -pl relay-daemon package first");
        }
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path log = campaign.resolve("relay-" + System.nanoTime() + ".log");
        try {
            Process p = new ProcessBuilder(List.of(java, "-jar", jar.toString(), "--campaign", campaign.toString(),
                    "--port", Integer.toString(port), "--host", "127.0.0.1"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new RelayProcess(p, awaitStarted(bus, p, log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int awaitStarted(PartyBus bus, Process p, Path log) {
        Instant until = Instant.now().plus(START_TIMEOUT);
        try (BusReader<InboxMessage> inbox = bus.inboxReader(Optional.empty())) {
            while (Instant.now().isBefore(until) && p.isAlive()) {
                Optional<Envelope<InboxMessage>> next = inbox.next();
                if (next.isPresent() && next.get().message() instanceof InboxMessage.RelayStarted s
                        && s.pid() == p.pid()) {
                    return s.port();
                }
                if (next.isEmpty()) {
                    Thread.sleep(20);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
        throw new IllegalStateException("relay did not report relay_started (alive=" + p.isAlive() + "):\n" + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the relay (SIGTERM, then SIGKILL after 10 s) and waits for it to exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
