package dm20.relay.ws;

import dm20.relay.live.FlatJson;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientFrameTest {

    private static ClientFrame decode(String json) {
        return ClientFrame.decode(FlatJson.object(json).orElseThrow());
    }

    @Test
    void decode_helloWithCursor_hasEveryField() {
        assertThat(decode("{\"type\":\"hello\",\"token\":\"t\",\"since\":12,\"epoch\":\"e\"}"))
                .isEqualTo(new ClientFrame.Hello("t", Optional.of(12L), Optional.of("e")));
    }

    @Test
    void decode_helloFirstLoadWithUnknownField_toleratesItAndLeavesTheCursorAbsent() {
        assertThat(decode("{\"type\":\"hello\",\"token\":\"t\",\"future\":[1]}"))
                .isEqualTo(new ClientFrame.Hello("t", Optional.empty(), Optional.empty()));
    }

    @Test
    void decode_helloWithANonIntegerOrHugeCursor_leavesItAbsent() {
        assertThat(decode("{\"type\":\"hello\",\"token\":\"t\",\"since\":1.5}"))
                .isEqualTo(new ClientFrame.Hello("t", Optional.empty(), Optional.empty()));
        assertThat(decode("{\"type\":\"hello\",\"token\":\"t\",\"since\":99999999999999999999}"))
                .isEqualTo(new ClientFrame.Hello("t", Optional.empty(), Optional.empty()));
        assertThat(decode("{\"type\":\"hello\",\"token\":\"t\",\"since\":\"12\",\"epoch\":3}"))
                .isEqualTo(new ClientFrame.Hello("t", Optional.empty(), Optional.empty()));
    }

    @Test
    void decode_aNonStringType_isUnknownNamedAsWritten() {
        assertThat(decode("{\"type\":5}")).isEqualTo(new ClientFrame.Unknown("5"));
        assertThat(decode("{\"type\":true}")).isEqualTo(new ClientFrame.Unknown("true"));
        assertThat(decode("{\"type\":null}")).isEqualTo(new ClientFrame.Unknown(""));
        assertThat(decode("{\"type\":{\"a\":1}}")).isEqualTo(new ClientFrame.Unknown(""));
    }

    @Test
    void decode_helloWithoutAStringToken_isUnknown() {
        assertThat(decode("{\"type\":\"hello\"}")).isEqualTo(new ClientFrame.Unknown("hello"));
        assertThat(decode("{\"type\":\"hello\",\"token\":\"\"}")).isEqualTo(new ClientFrame.Unknown("hello"));
        assertThat(decode("{\"type\":\"hello\",\"token\":7}")).isEqualTo(new ClientFrame.Unknown("hello"));
    }

    @Test
    void decode_pingAndOthers() {
        assertThat(decode("{\"type\":\"ping\"}")).isEqualTo(new ClientFrame.Ping());
        assertThat(decode("{\"type\":\"shout\"}")).isEqualTo(new ClientFrame.Unknown("shout"));
        assertThat(decode("{}")).isEqualTo(new ClientFrame.Unknown(""));
    }
}
