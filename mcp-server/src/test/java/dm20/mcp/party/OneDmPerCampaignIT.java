package dm20.mcp.party;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real server processes on one campaign: the second is refused, naming the first's pid, and the first's
 * table is untouched; once the first is killed, the second takes over cleanly (same links, same relay).
 */
@Timeout(180)
class OneDmPerCampaignIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path root;

    @Test
    void secondServer_isRefusedNamingTheFirst_thenTakesOverWhenTheFirstIsKilled() throws Exception {
        Path campaign = root.resolve("sunless-citadel");
        try (DmClient first = new DmClient(root)) {
            long firstPid = newestServer();
            first.ok("create_campaign", Map.of("name", "Sunless Citadel"));
            first.ok("create_character", Map.of("name", "Thorin", "class", "Fighter", "player", "Ann"));
            JsonNode started = first.ok("party_start", Map.of("port", 0, "host", "127.0.0.1"));
            String annUrl = url(started, "Ann (Thorin)");
            try (Phone ann = Phone.join("Ann", annUrl, Optional.empty());
                 DmClient second = new DmClient(root)) {
                second.ok("load_campaign", Map.of("campaign", "Sunless Citadel"));
                String refused = second.error("party_start", Map.of("port", 0, "host", "127.0.0.1"));
                assertThat(refused).contains("another dm20 server (pid " + firstPid + ",")
                        .contains("only one DM per campaign");
                assertThat(second.error("party_next", Map.of())).contains("pid " + firstPid);

                // the first's table is untouched: its phone still acts and the first DM answers
                String id = ann.actionId(ann.act("I open the door"));
                JsonNode taken = first.ok("party_wait", Map.of("timeout_seconds", 10));
                assertThat(taken.path("actionId").asString()).isEqualTo(id);
                first.ok("party_resolve", Map.of("action_id", id, "narrative", "Thorin opens the door."));
                ann.await(f -> Phone.type(f).equals("resolution") && f.path("actionId").asString().equals(id), WAIT);
                assertThat(ann.frames).noneMatch(f -> Phone.type(f).equals("closing"));
                assertThat(first.ok("party_status", Map.of()).path("relay").asString()).isEqualTo("up");

                // the first server dies without a word; the second takes over: same relay, same link
                ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
                ProcessHandle.of(firstPid).ifPresent(p -> p.onExit().join());
                JsonNode again = second.ok("party_start", Map.of("port", 0, "host", "127.0.0.1"));
                assertThat(again.path("relay").asString()).contains("adopted");
                assertThat(url(again, "Ann (Thorin)")).isEqualTo(annUrl);
                String next = ann.actionId(ann.act("I step inside"));
                assertThat(second.ok("party_wait", Map.of("timeout_seconds", 10)).path("actionId").asString())
                        .isEqualTo(next);
                second.ok("party_resolve", Map.of("action_id", next, "narrative", "Thorin steps inside."));
                ann.await(f -> Phone.type(f).equals("resolution") && f.path("actionId").asString().equals(next), WAIT);
                second.ok("party_stop", Map.of());
            }
        } finally {
            DmClient.relayProcess(campaign).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static String url(JsonNode started, String seat) {
        for (JsonNode s : started.path("seats")) {
            if (s.path("name").asString().equals(seat)) {
                return s.path("url").asString();
            }
        }
        throw new AssertionError("no seat " + seat + " in " + started);
    }

    /** The mcp-server child of this JVM started last: the one just launched. */
    private static long newestServer() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("mcp-server.jar"))
                .max(java.util.Comparator.comparing(p -> p.info().startInstant().orElse(java.time.Instant.EPOCH)))
                .orElseThrow().pid();
    }
}
