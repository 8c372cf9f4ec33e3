package dm20.mcp.party;

import dm20.mcp.resources.CampaignResources;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP resources through the real stdio client against the packaged server: listed, readable before any
 * campaign, then the campaign, the seats with live presence (never a link or token) and the combat as the table
 * sees it (no hidden combatant, no monster HP).
 */
class ResourcesIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    @Timeout(150)
    void resources_listAndRead_publicStateOnly(@TempDir Path root) throws Exception {
        try (DmClient dm = new DmClient(root)) {
            assertThat(dm.resources()).extracting(Resource::uri).containsExactlyInAnyOrderElementsOf(CampaignResources.URIS);
            assertThat(dm.resources()).allSatisfy(r -> assertThat(r.mimeType()).isEqualTo("application/json"));
            assertThat(dm.resource(CampaignResources.CAMPAIGN).path("loaded").asBoolean()).isFalse();
            assertThat(dm.resource(CampaignResources.COMBAT).path("loaded").asBoolean()).isFalse();
            assertThat(dm.resource(CampaignResources.SEATS).path("partyMode").asBoolean()).isFalse();

            dm.ok("create_campaign", Map.of("name", "Sunless Citadel", "description", "A ruined fortress."));
            dm.ok("create_character", Map.of("name", "Thorin Ironfist", "class", "Fighter", "level", 3, "player", "Ann"));
            dm.ok("create_character", Map.of("name", "Elara Moonwhisper", "class", "Wizard", "level", 2, "player", "Ben"));
            JsonNode campaign = dm.resource(CampaignResources.CAMPAIGN);
            assertThat(campaign.path("name").asString()).isEqualTo("Sunless Citadel");
            assertThat(campaign.path("party").toString()).contains("Thorin Ironfist", "Fighter 3", "Ann", "Elara Moonwhisper");

            var started = dm.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
            JsonNode summary = JsonMapper.builder().build().valueToTree(started.structuredContent());
            List<String> links = new ArrayList<>();
            summary.path("seats").forEach(s -> links.add(s.path("url").asString()));
            String annLink = links.stream().filter(l -> l.contains("/play#")).findFirst().orElseThrow();
            Phone ann = Phone.join("Ann", annLink, Optional.empty());

            JsonNode seats = awaitConnected(dm);
            assertThat(seats.path("partyMode").asBoolean()).isTrue();
            assertThat(seats.path("seats").toString()).contains("Thorin Ironfist", "OBSERVER", "DM");
            String seatsText = dm.resourceText(CampaignResources.SEATS);
            assertThat(seatsText).doesNotContain("http").doesNotContain("#");
            for (String link : links) {
                assertThat(seatsText).doesNotContain(URI.create(link).getFragment());
            }

            dm.ok("start_combat", Map.of("participants", List.of(Map.of("name", "Thorin Ironfist", "initiative", 15),
                    Map.of("name", "Goblin", "kind", "monster", "initiative", 12, "hp", 7),
                    Map.of("name", "Lurker", "kind", "monster", "initiative", 5, "hp", 30, "hidden", true))));
            JsonNode combat = dm.resource(CampaignResources.COMBAT).path("combat");
            assertThat(combat.path("active").asBoolean()).isTrue();
            assertThat(combat.path("order").toString()).contains("Thorin Ironfist", "Goblin").doesNotContain("Lurker");
            JsonNode goblin = null;
            for (JsonNode fighter : combat.path("order")) {
                goblin = fighter.path("name").asString().equals("Goblin") ? fighter : goblin;
            }
            assertThat(goblin).isNotNull();
            assertThat(goblin.has("hp")).as("monster HP").isFalse();
            assertThat(dm.ok("get_combat", Map.of()).path("order").toString()).as("the DM's own view").contains("Lurker");
            dm.ok("party_stop", Map.of());
            assertThat(dm.resource(CampaignResources.SEATS).path("partyMode").asBoolean()).isFalse();
            ann.close();
        } finally {
            DmClient.relayProcess(root.resolve("sunless-citadel")).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static JsonNode awaitConnected(DmClient dm) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode seats = dm.resource(CampaignResources.SEATS);
        while (System.nanoTime() < deadline) {
            for (JsonNode seat : seats.path("seats")) {
                if (seat.path("name").asString().contains("Thorin") && seat.path("connected").asBoolean()) {
                    return seats;
                }
            }
            Thread.sleep(100);
            seats = dm.resource(CampaignResources.SEATS);
        }
        throw new AssertionError("Ann's seat never showed as connected: " + seats);
    }
}
