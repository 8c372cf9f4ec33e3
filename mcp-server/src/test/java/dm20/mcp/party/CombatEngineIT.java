package dm20.mcp.party;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The combat engine end to end with real processes: the packaged mcp-server over MCP stdio, the packaged
 * relay, two players' phones on real WebSockets. Two PCs fight "2 goblins" from the SRD; attacks and a
 * saving-throw spell are resolved by the tools with the server's own dice; the phones receive the rolls,
 * each PC's HP change reaches its owner's sheet only, and no monster HP or AC reaches any phone.
 */
@Timeout(180)
class CombatEngineIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path root;

    @Test
    void twoPcsAgainstTwoSrdGoblins_rollsReachThePhones_hpOnOwnersSheetsOnly_noMonsterHp() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (DmClient dm = new DmClient(root)) {
            dm.ok("create_campaign", Map.of("name", "Goblin Ambush"));
            dm.ok("create_character", Map.of("name", "Thorin", "class", "Fighter", "level", 3, "player", "Ann",
                    "abilities", Map.of("str", 16, "con", 14), "max_hp", 40, "armor_class", 5));
            dm.ok("create_character", Map.of("name", "Elara", "class", "Wizard", "level", 3, "player", "Ben",
                    "abilities", Map.of("int", 16, "dex", 14), "max_hp", 20, "spellcasting_ability", "INT",
                    "spell_slots", Map.of("1", 4, "2", 2)));
            dm.ok("add_item", Map.of("character", "Thorin", "item", "Longsword"));
            dm.ok("equip_item", Map.of("character", "Thorin", "item", "Longsword", "slot", "main_hand"));
            JsonNode summary = dm.ok("party_start", Map.of("port", port, "host", "127.0.0.1"));
            Map<String, String> links = new java.util.LinkedHashMap<>();
            summary.path("seats").forEach(seat -> links.put(seat.path("name").asString(), seat.path("url").asString()));
            Phone ann = Phone.join("Ann", links.get("Ann (Thorin)"), Optional.empty());
            Phone ben = Phone.join("Ben", links.get("Ben (Elara)"), Optional.empty());
            try {
                fight(dm, ann, ben);
            } finally {
                ann.close();
                ben.close();
                dm.call("party_stop", Map.of());
                DmClient.relayProcess(root.resolve("goblin-ambush")).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private void fight(DmClient dm, Phone ann, Phone ben) throws Exception {
        JsonNode started = dm.ok("start_combat", Map.of("participants", List.of("Thorin", "Elara", "2 goblins")));
        JsonNode goblin = monster(started, "Goblin");
        assertThat(goblin.path("ac").asInt()).isEqualTo(15);
        assertThat(goblin.path("hp").asInt()).isEqualTo(7);
        assertThat(monster(started, "Goblin 2").path("maxHp").asInt()).isEqualTo(7);
        for (Phone p : List.of(ann, ben)) {
            p.await(f -> isRoll(f, "Goblin initiative: "), WAIT);
            p.await(f -> isRoll(f, "Thorin initiative: "), WAIT);
        }

        int hits = 0;
        for (int i = 0; i < 25 && hits == 0; i++) {
            hits += dm.ok("attack", Map.of("attacker", "Goblin", "target", "Thorin", "weapon", "Scimitar"))
                    .path("hit").asBoolean() ? 1 : 0;
        }
        assertThat(hits).as("a goblin hits AC 5 in 25 tries").isEqualTo(1);
        int thorinHp = dm.ok("get_character", Map.of("character", "Thorin")).path("hp").path("current").asInt();
        assertThat(thorinHp).isLessThan(40);
        for (Phone p : List.of(ann, ben)) {
            p.await(f -> isRoll(f, "Goblin attacks Thorin with Scimitar: ") && f.path("label").asString()
                    .endsWith("vs AC 5 — hit") || isRoll(f, "Goblin attacks Thorin with Scimitar: ")
                    && f.path("label").asString().endsWith("critical hit!"), WAIT);
            p.await(f -> isRoll(f, "Scimitar damage to Thorin: "), WAIT);
        }
        ann.await(f -> Phone.type(f).equals("sheet") && f.path("sheet").path("hp").path("current").asInt() == thorinHp,
                WAIT);

        dm.ok("attack", Map.of("attacker", "Thorin", "target", "Goblin"));
        JsonNode spell = dm.ok("cast_spell", Map.of("caster", "Elara", "spell", "Burning Hands",
                "targets", List.of("Goblin", "Goblin 2")));
        assertThat(spell.path("dc").asInt()).isEqualTo(8 + 2 + 3);
        assertThat(spell.path("saves")).hasSize(2);
        for (Phone p : List.of(ann, ben)) {
            p.await(f -> isRoll(f, "Thorin attacks Goblin with Longsword: "), WAIT);
            p.await(f -> isRoll(f, "Burning Hands damage: "), WAIT);
            p.await(f -> isRoll(f, "Goblin 2 DEX save against Burning Hands: "), WAIT);
        }
        ben.await(f -> Phone.type(f).equals("sheet") && f.path("sheet").path("spellSlots").path(0).path("used")
                .asInt() == 1, WAIT);

        dm.ok("attack", Map.of("attacker", "Goblin 2", "target", "Elara", "hidden", true));
        dm.ok("share_info", Map.of("text", "marker: the dust settles"));
        for (Phone p : List.of(ann, ben)) {
            p.await(f -> f.toString().contains("marker: the dust settles"), WAIT);
            assertThat(p.everything()).doesNotContain("Goblin 2 attacks Elara");
        }

        assertThat(ann.ofType("sheet")).allSatisfy(f -> assertThat(f.path("sheet").path("name").asString())
                .isEqualTo("Thorin"));
        assertThat(ben.ofType("sheet")).allSatisfy(f -> assertThat(f.path("sheet").path("name").asString())
                .isEqualTo("Elara"));
        for (Phone p : List.of(ann, ben)) {
            List<JsonNode> combats = p.ofType("combat");
            assertThat(combats).isNotEmpty();
            for (JsonNode c : combats) {
                for (JsonNode x : c.path("combat").path("order")) {
                    if (!x.path("kind").asString().equals("PC")) {
                        assertThat(x.has("hp") || x.has("maxHp") || x.has("ac")).as(x.toString()).isFalse();
                    } else {
                        assertThat(x.has("ac")).isTrue();
                    }
                }
            }
        }
    }

    private static boolean isRoll(JsonNode f, String labelStart) {
        return Phone.type(f).equals("roll") && f.path("label").asString().startsWith(labelStart);
    }

    private static JsonNode monster(JsonNode combat, String name) {
        for (JsonNode c : combat.path("order")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name + " in " + combat);
    }
}
