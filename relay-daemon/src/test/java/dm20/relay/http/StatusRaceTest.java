package dm20.relay.http;

import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import dm20.relay.Fixtures;
import dm20.relay.live.ActionService;
import dm20.relay.live.LiveTable;
import dm20.relay.state.ActionLimiter;
import dm20.relay.state.TableState;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /status} on a real Helidon server while another thread issues, rotates and revokes seats as
 * the outbox thread does during {@code party_start}, {@code party_token} and {@code party_kick}: every
 * answer must be a 200 (defect 5 of issue 12: the seat registry was read outside the table lock and threw
 * from {@code SeatRegistry.all}).
 */
class StatusRaceTest {

    @TempDir
    Path dir;

    @Test
    void status_duringSeatIssuanceRotationAndKick_isAlways200() throws Exception {
        try (PartyBus bus = PartyBus.open(dir)) {
            LiveTable table = new LiveTable(new TableState(), (s, n) -> { }, Clock.systemUTC(), 4, 200);
            Fixtures.opening("e1", 1).forEach(table::apply);
            Responses out = new Responses();
            ActionService actions = new ActionService(table, bus.inboxWriter(),
                    new ActionLimiter(20, Duration.ofMinutes(1)), Clock.systemUTC(), () -> "a", 100);
            PlayerApi api = new PlayerApi(table, actions, new BearerAuth(table), out,
                    Clock.systemUTC(), 8192);
            WebServer server = WebServer.builder().port(0).host("127.0.0.1").routing(r -> r.register(api)).build()
                    .start();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread churn = Thread.ofPlatform().start(() -> churn(table, running));
            try {
                List<Integer> statuses = hammer(server.port(), 150);
                assertThat(statuses).hasSize(450).containsOnly(200);
            } finally {
                running.set(false);
                churn.join();
                server.stop();
            }
        }
    }

    /** Issues, rotates and revokes many seats, as a long party_start and a storm of kicks would. */
    private static void churn(LiveTable table, AtomicBoolean running) {
        long seq = 1000;
        long round = 0;
        while (running.get()) {
            round++;
            for (int i = 0; i < 64; i++) {
                String id = "x" + i;
                table.apply(new Envelope<>(++seq, new OutboxMessage.SeatIssued(id, Role.PLAYER, "X" + i,
                        Optional.of(id), Optional.of("cx" + i), Tokens.hash("t" + round + "-" + i), Fixtures.T0)));
            }
            for (int i = 0; i < 64; i += 2) {
                table.apply(new Envelope<>(++seq, new OutboxMessage.SeatRevoked("x" + i, "kicked", Fixtures.T0)));
            }
            // a monitor is not fair: without a breath the loop could starve the readers it races with
            LockSupport.parkNanos(200_000);
        }
    }

    private static List<Integer> hammer(int port, int requestsPerThread) throws InterruptedException {
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (HttpClient http = HttpClient.newHttpClient()) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status")).build();
                    for (int i = 0; i < requestsPerThread; i++) {
                        statuses.add(http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode());
                    }
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return statuses;
    }
}
