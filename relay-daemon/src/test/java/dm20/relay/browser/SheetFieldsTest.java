package dm20.relay.browser;

import dm20.protocol.Viewer;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.Samples;
import dm20.relay.feed.Frame;
import dm20.relay.feed.FrameCodec;
import dm20.relay.http.Answer;
import dm20.relay.http.Responses;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page reads the shared records' JSON by name; a renamed field would leave a panel empty (the first
 * version's bug). Every path the page's modules read through {@code v(obj, 'path')} must exist in the JSON
 * the relay sends, encoded by the bus codec from fully filled sample records. The same holds for every frame
 * and API answer the page reads: each {@code f.name}, {@code seat.name}, {@code body.name}, {@code d.name},
 * {@code s.name} and {@code p.name} read in the modules must be a field the relay sends there.
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

    /** DOM properties read through the same short variable names (an element called {@code f} or {@code body}). */
    private static final Set<String> DOM = Set.of("scrollTop", "scrollHeight", "clientHeight", "appendChild",
            "dataset", "classList");

    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");

    /** One fully filled sample of every server → browser frame type, as the relay encodes it. */
    private List<JsonNode> frames() {
        FrameCodec frames = new FrameCodec(codec);
        Frame.SeatView seat = new Frame.SeatView("p1", "PLAYER", "Ann", Optional.of("p-ann"), Optional.of("c-ara"));
        List<Frame> all = List.of(new Frame.Welcome(seat, "Lost Mine", "e1", 9),
                new Frame.Narrative(1, "e1", "n1", "text", "public", AT, Optional.of("a1")),
                new Frame.Resolution(2, "e1", "a1", "narrative", Optional.of("private"), AT, Optional.of("Ara")),
                new Frame.Whisper(3, "e1", "w1", "psst", AT),
                new Frame.Roll(4, "e1", "r1", "Attack", "1d20+5", List.of(12), Optional.of(12), 5, 17, "public", AT,
                        Optional.of("Ara")),
                new Frame.ActionStatus("a1", "rejected", Optional.of("why"), Optional.of(5L), Optional.of("e1")),
                new Frame.Sheet(6, "e1", Samples.sheet("c-ara", "Ara", "Ann")),
                new Frame.Combat(7, "e1", Samples.combat(), true, true, true),
                new Frame.Thinking(8, "e1", true, Optional.of("thinking")),
                new Frame.Reload("reload"), new Frame.Closing("bye"), new Frame.Error("unknown_frame", "m"),
                new Frame.Pong());
        assertThat(all.stream().map(f -> f.getClass().getSimpleName()).toList()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(Frame.class.getPermittedSubclasses()).map(Class::getSimpleName).toList());
        return all.stream().map(f -> codec.json().readTree(frames.encode(f))).toList();
    }

    private JsonNode answer(Answer a) {
        return codec.json().readTree(new Responses().encode(a));
    }

    private static Set<String> names(List<JsonNode> nodes) {
        Set<String> names = new TreeSet<>();
        nodes.forEach(n -> names.addAll(n.propertyNames()));
        return names;
    }

    @Test
    void playerPage_everyFrameFieldItReads_isSentInSomeFrame() throws IOException {
        List<JsonNode> frames = frames();
        Set<String> sent = names(frames);
        Set<String> seat = names(List.of(frames.getFirst().path("seat")));
        // `actor` (who acted, on resolution and roll frames) is rendered when present; the DM kit adds it to the
        // frames. Any other unknown name is a typo or a field the relay dropped.
        Set<String> sentOrComing = new java.util.HashSet<>(sent);
        sentOrComing.add("actor");
        for (String module : List.of("web/app.js", "web/feed.js", "web/conn.js", "web/combat.js")) {
            assertThat(unknown(module, "f", sentOrComing)).as(module + ": frame fields the relay never sends").isEmpty();
            assertThat(unknown(module, "seat", seat)).as(module + ": welcome.seat fields").isEmpty();
        }
        assertThat(props("web/app.js", "f")).contains("seq", "epoch", "actionId", "campaign", "thinking");
    }

    @Test
    void actionBox_everyAnswerFieldItReads_isSentByPostAction() throws IOException {
        Set<String> sent = names(List.of(answer(new Answer.Queued("a1", "queued")), answer(new Answer.Error("e", "m"))));
        assertThat(props("web/action.js", "body")).contains("actionId", "error", "message");
        assertThat(unknown("web/action.js", "body", sent)).isEmpty();
    }

    @Test
    void hostScreen_everyFieldItReads_isSentByApiHost() throws IOException {
        Answer.Host host = new Answer.Host("c", "e", List.of("u"), List.of(new Answer.HostSeat("s", "PLAYER", "n", true, 1,
                Optional.of(AT), Optional.of("u"), Optional.of("q"), Optional.of(true))),
                List.of(new Answer.HostPending("a", "n", "t", "queued", AT)),
                Optional.of(new Answer.HostOwn(Optional.of("n"), Optional.of("u"))), true);
        JsonNode json = answer(host);
        assertThat(unknown("web/host.js", "d", names(List.of(json)))).isEmpty();
        assertThat(unknown("web/host.js", "s", names(List.of(json.path("seats").get(0))))).isEmpty();
        assertThat(unknown("web/host.js", "p", names(List.of(json.path("pending").get(0))))).isEmpty();
        assertThat(unknown("web/host.js", "body", names(List.of(answer(new Answer.Error("e", "m")))))).isEmpty();
        assertThat(props("web/host.js", "s")).contains("qrPng", "connected", "lastSeen", "lockedOut");
        assertThat(props("web/host.js", "d")).contains("locked");
    }

    /** The properties a module reads through {@code variable.name}, minus DOM properties, not in {@code sent}. */
    private static List<String> unknown(String module, String variable, Set<String> sent) throws IOException {
        return props(module, variable).stream().filter(p -> !sent.contains(p) && !DOM.contains(p)).toList();
    }

    private static Set<String> props(String module, String variable) throws IOException {
        Matcher m = Pattern.compile("(?<![\\w.])" + variable + "\\.([A-Za-z_]\\w*)").matcher(source(module));
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String source(String resource) throws IOException {
        try (InputStream in = SheetFieldsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s (from the web module)", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
