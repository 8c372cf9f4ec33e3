package dm20.mcp.party;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host sets the relay's limits for {@code party_start}'s relay in {@code DM20_RELAY_OPTIONS} (a school hall
 * watching on one TV link, a table that plays fast): the real server over stdio, the relay it spawns, real sockets.
 */
class RelayOptionsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    @Timeout(120)
    void theHostsLimits_reachTheRelay_andHold(@TempDir Path root) throws Exception {
        Map<String, String> env = Map.of("DM20_RELAY_OPTIONS", " --actions-per-minute 2   --observer-sockets=1 ");
        try (DmClient dm = new DmClient(root, env)) {
            dm.ok("create_campaign", Map.of("name", "Hall"));
            dm.ok("create_character", Map.of("name", "Ayla", "class", "Rogue", "level", 2, "player", "P1"));
            JsonNode started = dm.ok("party_start", Map.of("port", 0, "host", "127.0.0.1"));

            ProcessHandle relay = DmClient.relayProcess(root.resolve("hall")).orElseThrow();
            assertThat(String.join(" ", relay.info().arguments().orElseThrow()))
                    .contains("--actions-per-minute 2 --observer-sockets 1");

            Phone player = Phone.join("P1", link(started, "PLAYER"), Optional.empty());
            assertThat(player.act("I pick the lock").statusCode()).isEqualTo(202);
            assertThat(player.act("I pick the next lock").statusCode()).isEqualTo(202);
            var third = player.act("And the one after that");
            assertThat(third.statusCode()).isEqualTo(429);
            assertThat(third.body()).contains("too_many_actions");

            Phone tv = Phone.join("TV", link(started, "OBSERVER"), Optional.empty());
            assertThat(tv.ofType("welcome")).hasSize(1);
            Phone secondTv = Phone.knock("second TV", link(started, "OBSERVER"));
            assertThat(secondTv.awaitClose(WAIT)).isEqualTo(4409);
            assertThat(secondTv.ofType("welcome")).isEmpty();

            dm.ok("party_stop", Map.of());
            player.close();
            tv.close();
        } finally {
            DmClient.relayProcess(root.resolve("hall")).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Timeout(120)
    void aMistakeInTheHostsLimits_isPartyStartsClearError_andStartsNothing(@TempDir Path root) throws Exception {
        List<String> refused = new ArrayList<>();
        for (String options : List.of("--port 9000", "--observer-sockets lots", "--observer-sockets", "observers=5",
                "--flux-capacitors 3")) {
            try (DmClient dm = new DmClient(root, Map.of("DM20_RELAY_OPTIONS", options))) {
                if (refused.isEmpty()) {
                    dm.ok("create_campaign", Map.of("name", "Hall"));
                } else {
                    dm.ok("load_campaign", Map.of("campaign", "Hall"));
                }
                String error = dm.error("party_start", Map.of("port", 0, "host", "127.0.0.1"));
                refused.add(error);
                assertThat(dm.error("party_status", Map.of())).contains("party mode is not running");
                assertThat(DmClient.relayProcess(root.resolve("hall"))).isEmpty();
            }
        }
        assertThat(refused.get(0)).contains("DM20_RELAY_OPTIONS").contains("--port is party_start's to set");
        assertThat(refused.get(1)).contains("--observer-sockets takes a whole number, not 'lots'");
        assertThat(refused.get(2)).contains("--observer-sockets needs a value");
        assertThat(refused.get(3)).contains("'observers=5' is not a relay option");
        // a well-formed option the relay does not know: the relay's own parser says so, and it does not start
        assertThat(refused.get(4)).contains("the relay did not start: it exited with code 64")
                .contains("relay-daemon: Unknown options: '--flux-capacitors', '3'");
    }

    private static String link(JsonNode started, String role) {
        for (JsonNode seat : started.path("seats")) {
            if (seat.path("role").asString().equals(role)) {
                return seat.path("url").asString();
            }
        }
        throw new AssertionError("no " + role + " seat in " + started);
    }
}
