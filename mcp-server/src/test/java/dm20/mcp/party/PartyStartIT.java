package dm20.mcp.party;

import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * party_start's edges through the real MCP path: a taken port is a tool error with the relay's reason and
 * leaves nothing half-started; twelve players all get seats (the first version failed above six); and the
 * server, not the page, passes a turn when its deadline runs out, and says so: one public line on every phone
 * (live and from history) and a notice in the DM's next party_status / party_wait answer.
 */
class PartyStartIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    @Timeout(120)
    void partyStart_portTaken_thenTwelvePlayers_thenDeadlinePassesTheTurn(@TempDir Path root) throws Exception {
        try (DmClient dm = new DmClient(root); ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dm.ok("create_campaign", Map.of("name", "Big Table"));
            for (int i = 1; i <= 12; i++) {
                dm.ok("create_character", Map.of("name", "Hero" + i, "class", "Fighter", "level", 3, "player", "P" + i));
            }

            String refused = dm.error("party_start", Map.of("port", taken.getLocalPort(), "host", "127.0.0.1"));
            assertThat(refused).contains("the relay did not start").contains(String.valueOf(taken.getLocalPort()));
            assertThat(dm.error("party_status", Map.of())).contains("party mode is not running");
            assertThat(DmClient.relayProcess(root.resolve("big-table"))).isEmpty();

            var started = dm.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
            assertThat(started.isError()).as(DmClient.text(started)).isFalse();
            JsonNode summary = JsonMapper.builder().build().valueToTree(started.structuredContent());
            List<String> playerLinks = new ArrayList<>();
            summary.path("seats").forEach(s -> {
                if (s.path("role").asString().equals("PLAYER")) {
                    playerLinks.add(s.path("url").asString());
                }
            });
            assertThat(playerLinks).hasSize(12);
            // 12 players, the TV and the host: every QR code is on the host screen, none in the tool result
            assertThat(summary.path("seats").size()).isEqualTo(14);
            assertThat(started.content()).noneMatch(ImageContent.class::isInstance);

            Phone first = Phone.join("P1", playerLinks.get(0), Optional.empty());
            Phone twelfth = Phone.join("P12", playerLinks.get(11), Optional.empty());
            assertThat(twelfth.act("The twelfth hero acts").statusCode()).isEqualTo(202);
            assertThat(dm.ok("party_next", Map.of()).path("character").path("name").asString()).isEqualTo("Hero12");

            dm.ok("start_combat", Map.of("turn_seconds", 1, "participants", List.of(
                    Map.of("name", "Hero1", "initiative", 20), Map.of("name", "Hero12", "initiative", 10))));
            first.await(f -> Phone.type(f).equals("combat") && f.path("yourTurn").asBoolean(), WAIT);
            JsonNode passed = twelfth.await(f -> Phone.type(f).equals("combat") && f.path("yourTurn").asBoolean(), WAIT);
            assertThat(passed.path("combat").path("currentId").asString()).isEqualTo("pc-hero12");

            // the server says so: one public line on every phone, and a notice for the DM
            String line = "Time ran out for Hero1 — Hero12 is up.";
            assertThat(first.await(f -> Phone.type(f).equals("narrative") && f.path("text").asString().equals(line), WAIT)
                    .path("scope").asString()).isEqualTo("public");
            twelfth.await(f -> Phone.type(f).equals("narrative") && f.path("text").asString().equals(line), WAIT);
            JsonNode status = dm.ok("party_status", Map.of());
            assertThat(status.path("notices").toString()).contains(line).contains("turn_timeout");
            assertThat(JsonMapper.builder().build().valueToTree(dm.call("party_status", Map.of()).structuredContent())
                    .path("notices").toString()).doesNotContain(line);
            // an automatic DM waiting for actions hears of the next timeout at once (turns here last 1 s)
            long before = System.nanoTime();
            JsonNode woke = dm.ok("party_wait", Map.of("timeout_seconds", 60));
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(20));
            assertThat(woke.path("notices").get(0).path("text").asString()).startsWith("Time ran out for Hero");
            // a phone that comes back later reads the line from history
            Phone again = Phone.join("P1 again", playerLinks.get(0), Optional.empty());
            again.await(f -> Phone.type(f).equals("narrative") && f.path("text").asString().equals(line), WAIT);
            again.close();
            dm.ok("end_combat", Map.of());

            dm.ok("party_stop", Map.of());
            first.close();
            twelfth.close();
        } finally {
            DmClient.relayProcess(root.resolve("big-table")).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
