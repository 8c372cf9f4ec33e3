package dm20.relay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the image from the repository's Dockerfile (copying the packaged jar) and runs it with a
 * campaign directory mounted. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class RelayImageIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void image_servesStatusAndAcceptsAWebSocketJoin() throws Exception {
        try (RelayHarness bus = new RelayHarness(dir)) {
            bus.openSession("epoch-docker");
            String uid = String.valueOf(Files.getAttribute(dir, "unix:uid"));
            ImageFromDockerfile image = new ImageFromDockerfile("dm20-relay-it", true)
                    .withDockerfile(ROOT.resolve("Dockerfile"))
                    .withFileFromPath("relay-daemon/target/relay-daemon.jar", RelayHarness.JAR)
                    .withFileFromPath("relay-daemon/target/lib", RelayHarness.JAR.resolveSibling("lib"));
            try (GenericContainer<?> relay = new GenericContainer<>(image)
                    .withFileSystemBind(dir.toString(), "/campaign")
                    .withCreateContainerCmdModifier(cmd -> cmd.withUser(uid))
                    .withExposedPorts(8080)
                    .waitingFor(Wait.forHttp("/status").forStatusCode(200))) {
                relay.start();
                int port = relay.getMappedPort(8080);
                HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://" + relay.getHost() + ":" + port + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(status.body()).contains("\"status\":\"up\"").contains("\"session\":true");
                try (WsClient ws = WsClient.connect(port, "http://127.0.0.1:" + port)) {
                    ws.hello(Fixtures.token("p1"));
                    assertThat(ws.awaitType("welcome").path("epoch").asString()).isEqualTo("epoch-docker");
                }
            }
        }
    }
}
