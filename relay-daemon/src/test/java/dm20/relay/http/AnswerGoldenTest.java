package dm20.relay.http;

import dm20.relay.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the JSON of every HTTP answer type to a golden file under {@code src/test/resources/golden/http/}, so
 * renaming a record component (or changing the JSON library) cannot silently change what the page reads.
 * Run with {@code -Dgolden.update=true} to rewrite the files after a deliberate, documented change.
 */
class AnswerGoldenTest {

    private static final Path DIR = Path.of("src", "test", "resources", "golden", "http");
    private static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    private static final Responses OUT = new Responses();

    /** One sample per answer type, with every optional field present; a second file where they are absent. */
    private static final Map<String, Answer> SAMPLES = Map.ofEntries(
            Map.entry("status", new Answer.Status("up", true, 6, 2, 42)),
            Map.entry("me", new Answer.Me("p1", "PLAYER", "Hero1", Optional.of("p1"), Optional.of("c1"), "Lost Mine",
                    "epoch-1")),
            Map.entry("me-observer", new Answer.Me("tv", "OBSERVER", "TV", Optional.empty(), Optional.empty(),
                    "Lost Mine", "epoch-1")),
            Map.entry("queued", new Answer.Queued("act-1", "queued")),
            Map.entry("action", new Answer.Action("act-1", "rejected", "I open the door", true, AT,
                    Optional.of("not now"))),
            Map.entry("action-no-reason", new Answer.Action("act-2", "queued", "I wait", false, AT, Optional.empty())),
            Map.entry("sheet", new Answer.Sheet(Fixtures.sheet("c1", "Hero1"))),
            Map.entry("host", new Answer.Host("Lost Mine", "epoch-1", List.of("http://192.168.1.20:8080"),
                    List.of(new Answer.HostSeat("p1", "PLAYER", "Hero1", true, 2, Optional.of(AT),
                                    Optional.of("http://192.168.1.20:8080/play#token-p1"),
                                    Optional.of("data:image/png;base64,AAAA")),
                            new Answer.HostSeat("tv", "OBSERVER", "TV", false, 0, Optional.empty(), Optional.empty(),
                                    Optional.empty())),
                    List.of(new Answer.HostPending("act-1", "Hero1", "(private to the DM)", "queued", AT)),
                    Optional.of(new Answer.HostOwn(Optional.of("Host"),
                            Optional.of("http://192.168.1.20:8080/host#token-dm"))))),
            Map.entry("host-locked", new Answer.Host("Lost Mine", "epoch-1", List.of("http://192.168.1.20:8080"),
                    List.of(new Answer.HostSeat("p1", "PLAYER", "Hero1", true, 1, Optional.of(AT), Optional.empty(),
                            Optional.empty(), Optional.of(false)),
                            new Answer.HostSeat("p2", "PLAYER", "Hero2", false, 0, Optional.empty(), Optional.empty(),
                                    Optional.empty(), Optional.of(true))),
                    List.of(), Optional.empty(), true)),
            Map.entry("requested", new Answer.Requested("req-1", "queued")),
            Map.entry("error", new Answer.Error("not_your_turn", "waiting for Thorin")));

    private static String fileName(Class<?> type) {
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    @Test
    void everyAnswerType_hasAGoldenSample() {
        assertThat(SAMPLES.values().stream().map(a -> fileName(a.getClass())).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Answer.class.getPermittedSubclasses())
                        .map(AnswerGoldenTest::fileName).toList());
    }

    @Test
    void everySample_encodesExactlyAsItsGoldenFile() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        for (var sample : SAMPLES.entrySet()) {
            Path file = DIR.resolve(sample.getKey() + ".json");
            String json = new String(OUT.encode(sample.getValue()), StandardCharsets.UTF_8);
            if (update) {
                Files.createDirectories(DIR);
                Files.writeString(file, json + "\n");
            }
            assertThat(file).as("golden file " + file + " (run with -Dgolden.update=true once)").exists();
            assertThat(json).as(sample.getKey()).isEqualTo(Files.readString(file).strip());
        }
    }
}
