package dm20.relay.browser;

import dm20.protocol.queue.PartyBus;
import dm20.relay.browser.TableScript.SeatKey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * What every browser test class sets up once per engine: a campaign's bus, the outbox script playing the DM, the
 * packaged relay as a child process and one browser. {@link PageTableExtension} opens and closes it (it skips
 * when the engine is missing, unless CI requires it).
 */
final class PageTable implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final PartyBus bus;
    final TableScript table;
    final Browser browser;
    private final Path campaign;
    private final int port;
    private RelayProcess relay;

    private PageTable(Path campaign, int port, PartyBus bus, TableScript table, RelayProcess relay, Browser browser) {
        this.campaign = campaign;
        this.port = port;
        this.bus = bus;
        this.table = table;
        this.relay = relay;
        this.browser = browser;
    }

    /**
     * Opens a session called {@code title} and starts the relay on {@code port} (0: any free port) and a browser.
     */
    static PageTable open(Path campaign, String title, int port) {
        return open(campaign, title, port, Engine.CHROMIUM);
    }

    /** As {@link #open(Path, String, int)} with the browser of {@code engine}. */
    static PageTable open(Path campaign, String title, int port, Engine engine) {
        engine.require();
        PartyBus bus = PartyBus.open(campaign);
        TableScript table = new TableScript(bus);
        RelayProcess relay = null;
        try {
            table.openSession(title);
            relay = RelayProcess.start(bus, campaign, port);
            return new PageTable(campaign, port, bus, table, relay, Browser.open(engine));
        } catch (RuntimeException | Error e) {
            if (relay != null) {
                relay.close();
            }
            table.close();
            bus.close();
            throw e;
        }
    }

    Path campaign() {
        return campaign;
    }

    RelayProcess relay() {
        return relay;
    }

    /** Stops the relay (the page sees its socket close). */
    void stopRelay() {
        relay.close();
    }

    /** Starts a new relay on the same port as before; it rebuilds its state from the outbox. */
    void startRelay() {
        relay = RelayProcess.start(bus, campaign, port == 0 ? relay.port() : port);
    }

    /** Opens the seat's QR link in a clean page once the relay knows the seat. */
    void join(SeatKey seat) throws Exception {
        awaitSeat(seat.token());
        browser.fresh(relay.base());
        browser.join(relay.base() + "/play#" + seat.token());
    }

    /** Waits until the relay accepts the token (it has folded the seat from the outbox). */
    void awaitSeat(String token) throws Exception {
        Instant until = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(until)) {
            if (get("/api/me", token).statusCode() == 200) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the relay never accepted the seat's token");
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(relay.base() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs {@code text} as the seat, as the page would. */
    HttpResponse<String> post(SeatKey seat, String text) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(relay.base() + "/action"))
                .header("Authorization", "Bearer " + seat.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\",\"private\":false}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        browser.close();
        relay.close();
        table.close();
        bus.close();
    }
}
