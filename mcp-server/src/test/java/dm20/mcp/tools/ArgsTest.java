package dm20.mcp.tools;

import dm20.mcp.game.GameException;
import dm20.protocol.message.MessageCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.OBJECT;
import static dm20.mcp.tools.Param.Type.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArgsTest {

    private static final List<Param> PARAMS = List.of(Param.required("character", TEXT, "who"),
            Param.optional("players", LIST, "l"), Param.optional("abilities", OBJECT, "o"),
            Param.optional("level", INTEGER, "i"), Param.optional("hidden", BOOLEAN, "b"));

    private Args args(Map<String, Object> raw) {
        return new Args("tool_x", raw, PARAMS, new MessageCodec().json());
    }

    @Test
    void listsAndObjects_asJsonOrJsonStrings_readTheSame() {
        Args json = args(Map.of("character", "A", "players", List.of("a", "b"), "abilities", Map.of("str", 12)));
        Args strings = args(Map.of("character", "A", "players", "[\"a\",\"b\"]", "abilities", "{\"str\":12}"));
        assertThat(strings.texts("players")).isEqualTo(json.texts("players")).containsExactly("a", "b");
        assertThat(strings.object("abilities")).isEqualTo(json.object("abilities"));
        assertThat(args(Map.of("character", "A", "players", "Thorin")).texts("players")).containsExactly("Thorin");
    }

    @Test
    void numbersAndBooleans_asStrings_areAccepted() {
        Args a = args(Map.of("character", "A", "level", "3", "hidden", "true"));
        assertThat(a.optInt("level")).contains(3);
        assertThat(a.bool("hidden", false)).isTrue();
        assertThat(args(Map.of("character", "A", "level", 4.0)).optInt("level")).contains(4);
    }

    @Test
    void badValues_areGameErrorsNamingTheParameter() {
        assertThatThrownBy(() -> args(Map.of("character", "A", "level", "three")).optInt("level"))
                .isInstanceOf(GameException.class).hasMessageContaining("'level' must be a whole number");
        assertThatThrownBy(() -> args(Map.of("character", "A", "hidden", "maybe")).bool("hidden", false))
                .hasMessageContaining("'hidden' must be true or false");
        assertThatThrownBy(() -> args(Map.of("character", "A", "players", "[\"a\"")).list("players"))
                .hasMessageContaining("'players' must be a JSON array");
        assertThatThrownBy(() -> args(Map.of("character", "A", "abilities", "{x")).object("abilities"))
                .hasMessageContaining("'abilities' must be a JSON object");
    }

    @Test
    void unknownOrMissingParameters_areGameErrors() {
        assertThatThrownBy(() -> args(Map.of("charcter", "A")))
                .isInstanceOf(GameException.class).hasMessageContaining("tool_x has no parameter 'charcter'")
                .hasMessageContaining("did you mean 'character'");
        assertThatThrownBy(() -> args(Map.of("character", " "))).hasMessageContaining("tool_x needs 'character'");
    }
}
