package dm20.mcp.tools;

import dm20.mcp.session.SessionAnswer;
import dm20.protocol.message.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules, session and create_character answers are records whose JSON keeps the fields the model knows. */
class ToolAnswerRecordsTest {

    private static final MessageCodec CODEC = new MessageCodec();

    @TempDir
    Path root;

    @Test
    void ruleAnswer_fireballSpell_isARecordWithKeyFieldsInOrderAndEmptyOnesLeftOut() {
        RuleAnswer answer = RuleViews.spell(Table.RULES.spell("Fireball").orElseThrow(), false);
        assertThat(answer.getClass().isRecord()).isTrue();
        assertThat(RuleAnswer.class.isSealed()).isTrue();

        JsonNode json = CODEC.json().valueToTree(answer);

        assertThat(fields(json)).containsExactly("name", "level", "school", "castingTime", "range", "components",
                "duration", "save", "halfOnSave", "damage", "classes", "description", "atHigherLevels", "source");
        assertThat(json.get("halfOnSave").asBoolean()).isTrue();
        assertThat(json.get("description").asString()).endsWith("(detail: true for the full text)");
        assertThat(json.get("source").asString()).contains("SRD 5.1").contains("CC-BY-4.0");
    }

    @Test
    void ruleAnswer_searchWithHits_hasNoHint_andAMissHasOne() {
        Table t = new Table(root);
        assertThat(fields(t.ok("search_rules", "query", "fireball"))).containsExactly("query", "results", "source");
        assertThat(fields(t.ok("search_rules", "query", "zzzzqqqq xxyyzz")))
                .containsExactly("query", "results", "hint", "source");
    }

    @Test
    void sessionAnswers_areRecords_andStartedJsonNestsLastTimeWithoutAnEmptySession() {
        assertThat(SessionAnswer.class.isSealed()).isTrue();
        assertThat(SessionAnswer.class.getPermittedSubclasses()).allMatch(Class::isRecord);
        SessionAnswer answer = new SessionAnswer.Started(1, false, "First.",
                new SessionAnswer.Recap(Optional.empty(), List.of(), Map.of("Thorin", 0), "First."));

        JsonNode json = CODEC.json().valueToTree(answer);

        assertThat(fields(json)).containsExactly("session", "resumed", "recap", "lastTime");
        assertThat(fields(json.get("lastTime"))).containsExactly("events", "xpTotals", "recap");
        assertThat(json.get("lastTime").get("xpTotals").get("Thorin").asInt()).isZero();
    }

    @Test
    void createCharacter_answer_isTheSheetsFieldsUnwrappedPlusDerived() {
        Table t = new Table(root);
        t.ok("create_campaign", "name", "Records");

        JsonNode json = t.ok("create_character", "name", "Thorin", "class", "Fighter");

        List<String> fields = fields(json);
        assertThat(fields).contains("id", "name", "hp").doesNotContain("sheet").last().isEqualTo("derived");
        assertThat(fields.getFirst()).isEqualTo("id");
        assertThat(json.get("name").asString()).isEqualTo("Thorin");
        assertThat(json.get("derived").isArray()).isTrue();
        assertThat(json.get("derived")).isNotEmpty();
    }

    private static List<String> fields(JsonNode json) {
        List<String> out = new ArrayList<>();
        json.properties().forEach(e -> out.add(e.getKey()));
        return out;
    }
}
