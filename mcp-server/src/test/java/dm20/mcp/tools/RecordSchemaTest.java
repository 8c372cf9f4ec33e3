package dm20.mcp.tools;

import com.fasterxml.jackson.annotation.JsonProperty;
import dm20.protocol.message.MessageCodec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSchemaTest {

    enum Colour { RED }

    record Inner(int n) {
    }

    record Sample(String name, Optional<String> nick, int count, boolean on, List<Inner> inners, Map<String, Integer> tally,
                  Colour colour, @JsonProperty("int") int intel) {
    }

    @Test
    @SuppressWarnings("unchecked")
    void of_record_optionalIsNotRequired_namesAsJacksonWritesThem() {
        Map<String, Object> s = RecordSchema.of(Sample.class);
        assertThat(s).containsEntry("type", "object");
        assertThat((List<String>) s.get("required")).containsExactly("name", "count", "on", "inners", "tally", "colour", "int");
        Map<String, Object> p = (Map<String, Object>) s.get("properties");
        assertThat(p.get("nick")).isEqualTo(Map.of("type", "string"));
        assertThat(p.get("count")).isEqualTo(Map.of("type", "integer"));
        assertThat(p.get("tally")).isEqualTo(Map.of("type", "object", "additionalProperties", Map.of("type", "integer")));
        assertThat(((Map<String, Object>) p.get("inners")).get("items")).isEqualTo(Map.of("type", "object",
                "properties", Map.of("n", Map.of("type", "integer")), "required", List.of("n")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void of_record_everyWrittenFieldIsAProperty() {
        var json = new MessageCodec().json();
        Map<String, Object> written = json.convertValue(new Sample("a", Optional.empty(), 1, true, List.of(new Inner(2)),
                Map.of("x", 1), Colour.RED, 3), Map.class);
        Map<String, Object> p = (Map<String, Object>) RecordSchema.of(Sample.class).get("properties");
        assertThat(p.keySet()).containsAll(written.keySet());
        assertThat(written).doesNotContainKey("nick");
    }
}
