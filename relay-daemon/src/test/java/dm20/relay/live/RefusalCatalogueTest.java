package dm20.relay.live;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The refusal catalogue and the table in docs/protocol.md §2.4 say the same thing, row for row. */
class RefusalCatalogueTest {

    private static final Path PROTOCOL = Path.of("..", "docs", "protocol.md");

    private static String cell(OptionalInt value) {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "—";
    }

    /** The rows of the table after the "### 2.4 Refusals" heading, as "code|HTTP|close". */
    private static List<String> documentedRows() throws IOException {
        List<String> lines = Files.readAllLines(PROTOCOL);
        int heading = lines.indexOf("### 2.4 Refusals");
        assertThat(heading).as("docs/protocol.md has a '### 2.4 Refusals' section").isNotNegative();
        return lines.stream().skip(heading).dropWhile(l -> !l.startsWith("| code |")).skip(2)
                .takeWhile(l -> l.startsWith("|"))
                .map(l -> Arrays.stream(l.split("\\|")).map(String::strip).skip(1).limit(3)
                        .map(c -> c.replace("`", "")).reduce((a, b) -> a + "|" + b).orElseThrow())
                .toList();
    }

    @Test
    void catalogue_matchesTheDocumentedTableRowForRow() throws IOException {
        List<String> catalogue = Arrays.stream(Refusal.values())
                .map(r -> r.code() + "|" + cell(r.httpStatus()) + "|" + cell(r.closeCode())).toList();
        assertThat(documentedRows()).containsExactlyElementsOf(catalogue);
    }

    @Test
    void codes_areUniqueSnakeCase() {
        assertThat(Arrays.stream(Refusal.values()).map(Refusal::code)).doesNotHaveDuplicates()
                .allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"));
    }

    @Test
    void closeCodes_areOnlyThoseTheDocsListForRefusals() throws IOException {
        String protocol = Files.readString(PROTOCOL);
        for (Refusal r : Refusal.values()) {
            r.closeCode().ifPresent(code -> assertThat(protocol).as(r.name()).contains(String.valueOf(code)));
        }
        assertThat(Arrays.stream(Refusal.values()).flatMapToInt(r -> r.closeCode().stream()))
                .doesNotContain(4000, 1000, 1001);
    }
}
