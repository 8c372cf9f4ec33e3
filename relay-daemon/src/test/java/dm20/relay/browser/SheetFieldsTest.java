package dm20.relay.browser;

import dm20.protocol.Viewer;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.Samples;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page reads the shared records' JSON by name; a renamed field would leave a panel empty (the first
 * version's bug). Every path the page's modules read through {@code v(obj, 'path')} must exist in the JSON
 * the relay sends, encoded by the bus codec from fully filled sample records.
 */
class SheetFieldsTest {

    private static final Pattern READ = Pattern.compile("\\bv\\(\\s*[\\w.]+\\s*,\\s*'([^']+)'\\s*\\)");

    private final MessageCodec codec = new MessageCodec();

    @Test
    void sheetPage_everyFieldItReads_existsInCharacterSheetJson() throws IOException {
        JsonNode sheet = codec.json().valueToTree(Samples.sheet("c-ara", "Ara", "Ann"));
        List<String> paths = reads("web/sheet.js");

        assertThat(paths).hasSizeGreaterThan(40)
                .contains("abilities.int", "abilities.modifiers.int", "inventory[].slot", "spellSlots[].used", "level",
                        "proficiencyBonus", "downed");
        assertThat(paths.stream().filter(p -> !exists(sheet, p)).toList()).as("paths missing from CharacterSheet JSON")
                .isEmpty();
    }

    @Test
    void combatView_everyFieldItReads_existsInCombatStateJson() throws IOException {
        JsonNode combat = codec.json().valueToTree(Samples.combat().viewFor(Viewer.player("p-ann")));
        List<String> paths = reads("web/combat.js");

        assertThat(paths).hasSizeGreaterThan(12).contains("order[].playerId", "currentId", "onDeckId", "deadline");
        assertThat(paths.stream().filter(p -> !p.equals("prompt") && !exists(combat, p)).toList())
                .as("paths missing from CombatState JSON").isEmpty();
        assertThat(codec.json().valueToTree(new dm20.protocol.CombatState(true, 1,
                dm20.protocol.CombatState.TurnMode.SIMULTANEOUS, List.of(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of("Roll!"), List.of()))
                .has("prompt")).isTrue();
    }

    @Test
    void exists_driftedNames_areRejected() {
        JsonNode sheet = codec.json().valueToTree(Samples.sheet("c-ara", "Ara", "Ann"));

        assertThat(exists(sheet, "abilities.intel")).isFalse();
        assertThat(exists(sheet, "inventory[].main_hand")).isFalse();
        assertThat(exists(sheet, "hp.current")).isTrue();
        assertThat(exists(sheet, "inventory[].slot")).isTrue();
    }

    private static List<String> reads(String resource) throws IOException {
        try (InputStream in = SheetFieldsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s (from the web module)", resource).isNotNull();
            Matcher m = READ.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
    }

    /** True if the path exists; a segment ending in [] matches when any element of that array has the rest. */
    static boolean exists(JsonNode node, String path) {
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        boolean array = head.endsWith("[]");
        JsonNode child = node.get(array ? head.substring(0, head.length() - 2) : head);
        if (child == null || child.isNull()) {
            return false;
        }
        if (array) {
            for (JsonNode element : child) {
                if (rest.isEmpty() || exists(element, rest)) {
                    return true;
                }
            }
            return false;
        }
        return rest.isEmpty() || exists(child, rest);
    }
}
