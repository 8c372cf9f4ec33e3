package dm20.mcp.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamesTest {

    record Thing(String id, String name) {
    }

    private final List<Thing> things = List.of(new Thing("pc-thorin", "Thorin"), new Thing("pc-elara", "Elara"));

    @Test
    void find_byIdOrAnyCaseName_findsIt() {
        assertThat(Names.find("character", "pc-elara", things, Thing::id, Thing::name).name()).isEqualTo("Elara");
        assertThat(Names.find("character", " THORIN ", things, Thing::id, Thing::name).id()).isEqualTo("pc-thorin");
    }

    @Test
    void find_typo_saysDidYouMean() {
        assertThatThrownBy(() -> Names.find("character", "Thorn", things, Thing::id, Thing::name))
                .hasMessage("no character named 'Thorn' — did you mean 'Thorin'?");
    }

    @Test
    void find_nothingClose_listsKnownNames() {
        assertThatThrownBy(() -> Names.find("character", "Zzyzx", things, Thing::id, Thing::name))
                .hasMessage("no character named 'Zzyzx'; known: Thorin, Elara");
        assertThatThrownBy(() -> Names.find("character", "X", List.<Thing>of(), Thing::id, Thing::name))
                .hasMessageContaining("there are none yet");
    }

    @Test
    void slug_anyText_isLowercaseDashed() {
        assertThat(Names.slug("Thorin  Oakenshield!")).isEqualTo("thorin-oakenshield");
        assertThat(Names.slug("!!!")).isEqualTo("x");
    }
}
