package dm20.relay.live;

import dm20.relay.live.FlatJson.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FlatJson replaced a Jackson tree read of request bodies and client frames: for every input here it must
 * accept exactly what Jackson accepted as an object and read the same top-level values.
 */
class FlatJsonTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {
            "", "   ", "\n", "null", "true", "5", "\"text\"", "[1,2]", "[]", "{", "}", "{\"text\":", "{\"text\":\"a\"",
            "{\"text\":\"a\",}", "{\"text\" \"a\"}", "{'text':'a'}", "{text:\"a\"}", "{} x", "{}{}", "{} []",
            "{\"a\":[1,}", "{\"a\":{\"b\":}}", "{\"t\":tru}", "{\"t\":nul}", "{\"a\":NaN}", "{\"a\":-}", "{\"a\":1.}",
            "{\"a\":.5}", "{\"a\":+1}", "{\"a\":\"x\ny\"}", "{\"a\":\"\\q\"}", "{\"a\":\"\\u00\"}",
            "{}", " {} ", "{\"text\":\"I search\",\"private\":false}", "{\"text\":\"x\",\"private\":null}",
            "{\"text\":7}", "{\"text\":\"a\",\"text\":\"b\"}", "{\"words\":\"x\"}", "{\"a\":{\"b\":[1,{\"c\":null}]}}",
            "{\"text\":\"\\u00e9t\\u00e9 \\\"q\\\" \\n\"}", "{\"since\":12,\"epoch\":\"e\"}", "{\"since\":-3}",
            "{\"since\":1.5}", "{\"since\":1e2}", "{\"since\":99999999999999999999}", "{\"a\":true,\"b\":false}",
            "\uFEFF{}", "{\"x\":01}", "{\"x\":-01}", "{\"x\":[1, 02]}", "{\"x\":1.05,\"y\":1e-05,\"z\":\"01\"}",
            "{\"x\":0}", "{\"x\":-0.5}", "{\"x\":10}", "{\"x\":\"a\\\"01\"}", "\t{\"a\":1}\r\n", "{\"a\":\"\uD83D\uDE00\"}"})
    void object_acceptsExactlyWhatJacksonReadAsAnObject_withTheSameValues(String json) {
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        Optional<JsonNode> jackson = jackson(utf8);
        Optional<Map<String, Value>> flat = FlatJson.object(utf8);
        assertThat(FlatJson.object(json).isPresent()).as("as a text frame: %s", json)
                .isEqualTo(jackson(json).isPresent());
        assertThat(flat.isPresent()).as("accepted: %s", json).isEqualTo(jackson.isPresent());
        flat.ifPresent(fields -> {
            assertThat(fields.keySet()).containsExactlyInAnyOrderElementsOf(jackson.get().propertyNames());
            fields.forEach((key, value) -> assertSame(value, jackson.get().get(key), json));
        });
    }

    @Test
    void object_bytes_skipALeadingByteOrderMarkAsJacksonDid_butAStringDoesNot() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '"', 't', '"', ':', '1', '}'};
        assertThat(FlatJson.object(bom)).isPresent();
        assertThat(jackson(bom)).isPresent();
        assertThat(FlatJson.object("\uFEFF{\"t\":1}")).isEmpty();
        assertThat(jackson("\uFEFF{\"t\":1}")).isEmpty();
    }

    @Test
    void object_invalidUtf8_isRefusedAsJacksonDid() {
        byte[] bad = {'{', '"', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};
        assertThat(FlatJson.object(bad)).isEmpty();
        assertThat(jackson(bad)).isEmpty();
    }

    @Test
    void object_ofAString_readsItsUtf8() {
        assertThat(FlatJson.object("{\"t\":\"é\"}").orElseThrow()).containsEntry("t", new Value.Text("é"));
    }

    @Test
    void number_asLong_onlyForIntegersThatFit() {
        assertThat(new Value.Number(new BigDecimal("12")).asLong()).contains(12L);
        assertThat(new Value.Number(new BigDecimal("1.5")).asLong()).isEmpty();
        assertThat(new Value.Number(new BigDecimal("1e2")).asLong()).isEmpty();
        assertThat(new Value.Number(new BigDecimal("99999999999999999999")).asLong()).isEmpty();
    }

    private static void assertSame(Value value, JsonNode node, String json) {
        switch (value) {
            case Value.Text t -> assertThat(node.isString() ? node.asString() : null).as(json).isEqualTo(t.value());
            case Value.Bool b -> assertThat(node.isBoolean() && node.asBoolean() == b.value()).as(json).isTrue();
            case Value.Null n -> assertThat(node.isNull()).as(json).isTrue();
            case Value.Nested n -> assertThat(node.isContainer()).as(json).isTrue();
            case Value.Number n -> {
                assertThat(node.isNumber()).as(json).isTrue();
                assertThat(n.value().compareTo(node.decimalValue())).as(json).isZero();
                assertThat(n.asLong().isPresent()).as("integral: %s", json)
                        .isEqualTo(node.isIntegralNumber() && node.canConvertToLong());
            }
        }
    }

    private static Optional<JsonNode> jackson(byte[] json) {
        try {
            JsonNode node = JACKSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> jackson(String json) {
        try {
            JsonNode node = JACKSON.readTree(json);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
