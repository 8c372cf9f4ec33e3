package dm20.relay;

import dm20.protocol.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a running relay loads and runs: not Helidon's service discovery (every jar's service descriptors read and their
 * descriptor classes loaded, ≈ 250 classes with what they pull in, and 60–90 ms of each start), not Helidon Config's
 * mapper machinery (≈ 160 classes for an empty config, see {@link NoConfig}), not Chronicle's idle disk-space and
 * releaser threads. Checked in the packaged relay, after it served a page, an action and a socket.
 */
class RelayFootprintIT {

    @Test
    void aRelayServingPagesActionsAndSockets_loadsAndRunsOnlyWhatItUses(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> threads;
        try (RelayHarness relay = new RelayHarness(dir.resolve("campaign"))) {
            relay.openSession("epoch-1");
            relay.start("-Xlog:class+load=info:file=" + log);
            assertThat(relay.get("/play", Optional.empty()).statusCode()).isEqualTo(200);
            assertThat(relay.postJson("/action", Optional.of(token("p1")), "{\"text\":\"I open the door\"}")
                    .statusCode()).isEqualTo(202);
            WsClient ws = relay.connect().hello(token("p2"));
            ws.awaitType("welcome");
            relay.post(Fixtures.narrative("n1", "The door creaks.", Visibility.everyone()));
            ws.await(f -> f.path("text").asString().equals("The door creaks."), Duration.ofSeconds(10));
            threads = threadNames(relay.process().pid());
        }

        String loaded = Files.readString(log);
        // the server did run its HTTP and WebSocket paths: the test can fail
        assertThat(loaded).contains("io.helidon.webserver.LoomServer ")
                .contains("io.helidon.webserver.websocket.WsUpgrader ");
        // discovery reads each jar's descriptor list and loads every service's generated descriptor class (a
        // registry always holds its own few: scopes, interception, itself)
        assertThat(loaded.lines().filter(line -> line.contains("CoreServiceDiscovery$DescriptorHandlerImpl ")
                || line.contains("__ServiceDescriptor") && !line.contains("] io.helidon.service.registry."))).isEmpty();
        // an empty Helidon config builds every built-in mapper on first use
        assertThat(loaded).doesNotContain("io.helidon.config.EmptyConfig ")
                .doesNotContain("io.helidon.config.ConfigMappers ");
        // Linux keeps the first 15 characters of a thread's name; the relay's own threads are there
        assertThat(threads).contains("relay-outbox").doesNotContain("disk~space~chec", "background~reso");
    }

    private static List<String> threadNames(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            List<String> names = new ArrayList<>();
            for (Path task : tasks.toList()) {
                try {
                    names.add(Files.readString(task.resolve("comm")).strip());
                } catch (NoSuchFileException e) {
                    // the thread ended between the listing and the read: it runs no longer
                }
            }
            return names;
        }
    }
}
