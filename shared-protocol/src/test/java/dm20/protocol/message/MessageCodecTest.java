package dm20.protocol.message;

import dm20.protocol.Visibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageCodecTest {

    private final MessageCodec codec = new MessageCodec();

    private ObjectNode tree(BusMessage message) {
        return (ObjectNode) codec.json().readTree(codec.encode(message));
    }

    static Stream<InboxMessage> inbox() {
        return Samples.allInbox().stream();
    }

    static Stream<OutboxMessage> outbox() {
        return Samples.allOutbox().stream();
    }

    @ParameterizedTest
    @MethodSource("inbox")
    void encodeDecode_everyInboxType_roundTrips(InboxMessage message) {
        String json = codec.encode(message);

        assertThat(json).startsWith("{\"type\":\"" + MessageCodec.typeName(message) + "\"").doesNotContain("\n");
        assertThat(codec.decodeInbox(json)).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("outbox")
    void encodeDecode_everyOutboxType_roundTrips(OutboxMessage message) {
        String json = codec.encode(message);

        assertThat(json).startsWith("{\"type\":\"" + MessageCodec.typeName(message) + "\"").doesNotContain("\n");
        assertThat(codec.decodeOutbox(json)).isEqualTo(message);
    }

    @Test
    void samples_coverEveryPermittedType() {
        Set<Class<?>> covered = Stream.concat(Samples.allInbox().stream(), Samples.allOutbox().stream())
                .map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted = Stream.of(InboxMessage.class, OutboxMessage.class)
                .flatMap(c -> Arrays.stream(c.getPermittedSubclasses())).collect(Collectors.toSet());

        assertThat(covered).isEqualTo(permitted);
    }

    @Test
    void decode_malformedJson_namesTheProblem() {
        assertThatThrownBy(() -> codec.decodeInbox("{\"type\":\"presence_changed\",\"seatId\":"))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("malformed JSON");
    }

    @Test
    void decode_truncatedLine_isProtocolError() {
        String json = codec.encode(Samples.allOutbox().get(5));

        assertThatThrownBy(() -> codec.decodeOutbox(json.substring(0, json.length() / 2)))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void decode_emptyText_isProtocolError() {
        assertThatThrownBy(() -> codec.decodeOutbox("  ")).isInstanceOf(ProtocolException.class)
                .hasMessage("empty message");
    }

    @Test
    void decode_notAnObject_isProtocolError() {
        assertThatThrownBy(() -> codec.decodeOutbox("[1,2]")).isInstanceOf(ProtocolException.class)
                .hasMessage("message must be a JSON object");
    }

    @Test
    void decode_missingType_isProtocolError() {
        assertThatThrownBy(() -> codec.decodeInbox("{\"seatId\":\"s\"}")).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("'type'");
    }

    @Test
    void decode_unknownType_namesIt() {
        assertThatThrownBy(() -> codec.decodeOutbox("{\"type\":\"teleport\"}"))
                .isInstanceOf(ProtocolException.class).hasMessage("unknown outbox message type 'teleport'");
    }

    @Test
    void decode_outboxTypeOnInbox_isUnknown() {
        String json = codec.encode(Samples.allOutbox().get(0));

        assertThatThrownBy(() -> codec.decodeInbox(json)).isInstanceOf(ProtocolException.class)
                .hasMessage("unknown inbox message type 'session_opened'");
    }

    @Test
    void decode_missingRequiredField_namesTheField() {
        assertThatThrownBy(() -> codec.decodeInbox(
                "{\"type\":\"action_submitted\",\"actionId\":\"a\",\"seatId\":\"s\",\"playerId\":\"p\","
                        + "\"characterId\":\"c\",\"at\":\"2026-11-26T05:00:00Z\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("text must not be blank");
    }

    @Test
    void decode_wrongFieldType_isProtocolError() {
        assertThatThrownBy(() -> codec.decodeInbox(
                "{\"type\":\"presence_changed\",\"seatId\":\"s\",\"connections\":\"many\",\"at\":\"2026-11-26T05:00:00Z\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("presence_changed");
    }

    @Test
    void decode_invariantBroken_namesTheValue() {
        assertThatThrownBy(() -> codec.decodeInbox(
                "{\"type\":\"presence_changed\",\"seatId\":\"s\",\"connections\":-1,\"at\":\"2026-11-26T05:00:00Z\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("connections must not be negative, got -1");
    }

    @Test
    void decode_badTimestamp_isProtocolError() {
        assertThatThrownBy(() -> codec.decodeInbox(
                "{\"type\":\"presence_changed\",\"seatId\":\"s\",\"connections\":1,\"at\":\"yesterday\"}"))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void decode_unknownFields_areIgnored() {
        ObjectNode node = tree(Samples.allOutbox().get(5));
        node.put("mood", "grim");
        node.putObject("future").put("x", 1);

        assertThat(codec.decodeOutbox(node.toString())).isEqualTo(Samples.allOutbox().get(5));
    }

    @Test
    void optionalField_absentPresentAndBesideUnknown_decodes() {
        var withNotes = (OutboxMessage.ActionResolved) Samples.allOutbox().get(5);
        ObjectNode absent = tree(withNotes);
        absent.remove("dmNotes");
        ObjectNode beside = tree(withNotes);
        beside.put("zzz", true);

        assertThat(((OutboxMessage.ActionResolved) codec.decodeOutbox(absent.toString())).dmNotes()).isEmpty();
        assertThat(((OutboxMessage.ActionResolved) codec.decodeOutbox(beside.toString())).dmNotes())
                .contains("trap DC 15");
    }

    @Test
    void actor_absentPresentAndBesideUnknown_decodes() {
        var withActor = new OutboxMessage.ActionResolved("a", "s", "Thorin swings.", List.of(), Optional.empty(), Samples.AT,
                Optional.of("Thorin"));
        ObjectNode present = tree(withActor);
        ObjectNode absent = tree(withActor);
        absent.remove("actor");
        ObjectNode beside = tree(withActor);
        beside.put("zzz", true);

        assertThat(present.path("actor").asString()).isEqualTo("Thorin");
        assertThat(codec.decodeOutbox(present.toString())).isEqualTo(withActor);
        assertThat(((OutboxMessage.ActionResolved) codec.decodeOutbox(absent.toString())).actor()).isEmpty();
        assertThat(codec.decodeOutbox(beside.toString())).isEqualTo(withActor);

        var roll = new OutboxMessage.DiceRolled("r", "Attack", "1d20", List.of(7), Optional.empty(), 0, 7,
                dm20.protocol.Visibility.everyone(), Samples.AT, Optional.of("Goblin 2"));
        ObjectNode rollTree = tree(roll);
        assertThat(codec.decodeOutbox(rollTree.toString())).isEqualTo(roll);
        rollTree.remove("actor");
        rollTree.put("later", 1);
        assertThat(((OutboxMessage.DiceRolled) codec.decodeOutbox(rollTree.toString())).actor()).isEmpty();
    }

    @Test
    void combatantAcAndConditions_absentPresentAndBesideUnknown_decode() {
        var update = new OutboxMessage.CombatUpdated(Samples.combat(), Samples.AT);
        ObjectNode present = tree(update);
        ObjectNode absent = present.deepCopy();
        var ara = (ObjectNode) absent.get("combat").get("order").get(0);
        ara.remove("ac");
        ara.remove("conditions");
        ObjectNode beside = present.deepCopy();
        ((ObjectNode) beside.get("combat").get("order").get(0)).put("initiativeBonus", 3);
        ((ObjectNode) beside.get("combat").get("order").get(0).get("conditions").get(0)).put("source", "x");

        var old = ((OutboxMessage.CombatUpdated) codec.decodeOutbox(absent.toString())).combat().order().get(0);
        assertThat(old.ac()).isEmpty();
        assertThat(old.conditions()).isEmpty();
        assertThat(codec.decodeOutbox(present.toString())).isEqualTo(update);
        assertThat(codec.decodeOutbox(beside.toString())).isEqualTo(update);
        assertThat(present.get("combat").get("order").get(0).get("ac").asInt()).isEqualTo(16);
        assertThat(present.get("combat").get("order").get(0).get("conditions").get(0).get("ends").asString())
                .isEqualTo("end of Goblin's next turn");
    }

    @Test
    void optionalField_empty_isNotWritten() {
        var resolved = new OutboxMessage.ActionResolved("a", "s", "text", List.of(), Optional.empty(), Samples.AT);

        assertThat(codec.encode(resolved)).doesNotContain("dmNotes").doesNotContain("null");
    }

    @Test
    void absentList_decodesAsEmpty() {
        var msg = (OutboxMessage.ActionResolved) codec.decodeOutbox("{\"type\":\"action_resolved\",\"actionId\":\"a\","
                + "\"seatId\":\"s\",\"narrative\":\"n\",\"at\":\"2026-11-26T05:00:00Z\"}");

        assertThat(msg.privateParts()).isEmpty();
    }

    @Test
    void visibility_playersWithoutIds_isRejected() {
        assertThatThrownBy(() -> codec.decodeOutbox("{\"type\":\"narrative_posted\",\"postId\":\"n\",\"text\":\"t\","
                + "\"visibility\":{\"scope\":\"PLAYERS\"},\"at\":\"2026-11-26T05:00:00Z\"}"))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("at least one player");
        assertThat(Visibility.players(List.of("p")).players()).containsExactly("p");
    }

    @Test
    void sheet_derivedFields_areWrittenForThePage() {
        ObjectNode node = tree(Samples.allOutbox().get(9));
        var sheet = node.get("sheet");

        assertThat(sheet.get("level").asInt()).isEqualTo(3);
        assertThat(sheet.get("proficiencyBonus").asInt()).isEqualTo(2);
        assertThat(sheet.get("abilities").get("int").asInt()).isEqualTo(17);
        assertThat(sheet.get("abilities").get("modifiers").get("int").asInt()).isEqualTo(3);
        assertThat(sheet.get("abilities").get("modifiers").get("str").asInt()).isEqualTo(-1);
    }

    @Test
    void seatIssued_badHash_isRejected() {
        String json = codec.encode(Samples.allOutbox().get(1)).replace(Samples.HASH, "not-a-hash");

        assertThatThrownBy(() -> codec.decodeOutbox(json)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("tokenHash");
    }
}
