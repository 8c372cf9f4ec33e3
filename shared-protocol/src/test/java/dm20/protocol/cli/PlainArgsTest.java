package dm20.protocol.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainArgsTest {

    private static final Set<String> KNOWN = Set.of("--port", "--host");

    @Test
    void read_plainLine_givesEachValueByName() {
        assertThat(PlainArgs.read(new String[] {"--port", "80", "--host=h.example"}, KNOWN))
                .contains(Map.of("--port", "80", "--host", "h.example"));
        assertThat(PlainArgs.read(new String[] {}, KNOWN)).contains(Map.of());
        assertThat(PlainArgs.read(new String[] {"--host=a=b"}, KNOWN)).contains(Map.of("--host", "a=b"));
    }

    @Test
    void read_anythingPicocliMightReadDifferently_isEmpty() {
        List<String[]> lines = List.of(new String[] {"--port"}, new String[] {"--port", ""}, new String[] {"--port="},
                new String[] {"--port", "-1"}, new String[] {"--port", "@file"}, new String[] {"--bogus", "1"},
                new String[] {"--port", "1", "--port", "2"}, new String[] {"--help"}, new String[] {"extra"},
                new String[] {"=x"}, new String[] {"--host", "--port", "1"});
        for (String[] line : lines) {
            assertThat(PlainArgs.read(line, KNOWN)).as(String.join(" ", line)).isEmpty();
        }
    }

    @Test
    void number_plainDecimalOnly() {
        assertThat(PlainArgs.number("0")).isZero();
        assertThat(PlainArgs.number("999999999")).isEqualTo(999_999_999);
        for (String bad : List.of("", "010", "+5", "-5", "1e3", "0x10", "1000000000", " 5", "٣")) {
            assertThatThrownBy(() -> PlainArgs.number(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
