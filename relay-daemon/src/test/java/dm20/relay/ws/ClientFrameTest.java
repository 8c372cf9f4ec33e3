package dm20.relay.ws;

import dm20.protocol.message.MessageCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClientFrameTest {

    private static final JsonMapper JSON = new MessageCodec().json();

    private static ClientFrame decode(String json) {
        return ClientFrame.decode(JSON.readTree(json));
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
