package dm20.relay.browser;

import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.RemoteWebDriver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A private Xvfb display and a WebKitWebDriver on it, both children of the test JVM. Xvfb picks a free display
 * itself ({@code -displayfd}), so parallel builds on one machine never race for a display number as
 * {@code xvfb-run -a} can. {@link #close()} kills both with every descendant (MiniBrowser and its web processes).
 */
final class WebKitProcesses implements AutoCloseable {

    static final Path DRIVER = Path.of("/usr/bin/WebKitWebDriver");
    static final Path XVFB = Path.of("/usr/bin/Xvfb");
    static final Path MINIBROWSER = Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser");
    private static final Duration START = Duration.ofSeconds(20);

    private final Process xvfb;
    private final Path log;
    private Process driver;
    private int port;

    private WebKitProcesses(Process xvfb, Path log) {
        this.xvfb = xvfb;
        this.log = log;
    }

    /**
     * Starts Xvfb (1920×1080, large enough for the TV viewport) and WebKitWebDriver on a free port.
     *
     * @throws IllegalStateException if either does not come up within 20 s; the message carries the driver's log
     */
    static WebKitProcesses start() {
        WebKitProcesses p = null;
        try {
            Path log = Files.createTempFile("dm20-webkit", ".log");
            Process xvfb = new ProcessBuilder(XVFB.toString(), "-displayfd", "1", "-screen", "0", "1920x1080x24",
                    "-nolisten", "tcp").redirectError(log.toFile()).start();
            p = new WebKitProcesses(xvfb, log);
            var reader = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
            String display = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).get(START.toSeconds(), TimeUnit.SECONDS);
            if (display == null || !display.strip().matches("\\d+")) {
                throw new IllegalStateException("Xvfb did not report a display: " + tail(log));
            }
            p.port = freePort();
            ProcessBuilder b = new ProcessBuilder(DRIVER.toString(), "--host=127.0.0.1", "--port=" + p.port)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            b.environment().put("DISPLAY", ":" + display.strip());
            p.driver = b.start();
            p.awaitDriver();
            return p;
        } catch (IOException e) {
            if (p != null) p.close();
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            if (p != null) p.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException("WebKit did not start", e);
        }
    }

    private void awaitDriver() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(START);
        while (Instant.now().isBefore(until) && driver.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("WebKitWebDriver did not answer /status (alive=" + driver.isAlive() + "): "
                + tail(log));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A new WebDriver session: MiniBrowser in automation mode, full-screen so that no toolbar takes part of the
     * window (the window then is exactly the viewport, and may be narrower than the toolbar's minimum width).
     */
    RemoteWebDriver session() {
        MutableCapabilities caps = new MutableCapabilities();
        caps.setCapability("browserName", "MiniBrowser");
        caps.setCapability("webkitgtk:browserOptions", Map.of("binary", MINIBROWSER.toString(),
                "args", List.of("--automation", "--full-screen")));
        try {
            return new RemoteWebDriver(URI.create(base()).toURL(), caps);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Kills WebKitWebDriver and Xvfb with all their descendants and waits for them; idempotent. */
    @Override
    public void close() {
        for (Process p : driver == null ? List.of(xvfb) : List.of(driver, xvfb)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a leftover log in /tmp is harmless
        }
    }
}
