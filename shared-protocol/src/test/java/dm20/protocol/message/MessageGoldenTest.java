package dm20.protocol.message;

import dm20.protocol.testing.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the bus wire format: one golden file per message type under
 * {@code src/test/resources/golden/bus/{inbox,outbox}/TYPE.json}, holding {@link Samples}' instance of that
 * type. A renamed or reordered record component, a changed type name or value format fails here; so does a
 * new message type without a golden file. See {@link Golden} for deliberate changes.
 */
class MessageGoldenTest {

    private static final Golden INBOX = Golden.in("golden/bus/inbox");
    private static final Golden OUTBOX = Golden.in("golden/bus/outbox");

    private final MessageCodec codec = new MessageCodec();

    static Stream<InboxMessage> inbox() {
        return Samples.allInbox().stream();
    }

    static Stream<OutboxMessage> outbox() {
        return Samples.allOutbox().stream();
    }

    @ParameterizedTest
    @MethodSource("inbox")
    void encode_everyInboxType_isItsGoldenFile(InboxMessage message) {
        INBOX.assertMatches(MessageCodec.typeName(message), codec.encode(message));
    }

    @ParameterizedTest
    @MethodSource("outbox")
    void encode_everyOutboxType_isItsGoldenFile(OutboxMessage message) {
        OUTBOX.assertMatches(MessageCodec.typeName(message), codec.encode(message));
    }

    @ParameterizedTest
    @MethodSource("inbox")
    void decode_everyInboxGoldenFile_isTheSample(InboxMessage message) {
        assertThat(codec.decodeInbox(INBOX.read(MessageCodec.typeName(message)))).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("outbox")
    void decode_everyOutboxGoldenFile_isTheSample(OutboxMessage message) {
        assertThat(codec.decodeOutbox(OUTBOX.read(MessageCodec.typeName(message)))).isEqualTo(message);
    }

    @Test
    void goldenFiles_everyPermittedType_hasExactlyOne() {
        // Samples holds one instance of every permitted subclass (MessageCodecTest.samples_coverEveryPermittedType)
        assertThat(INBOX.names()).isEqualTo(inbox().map(MessageCodec::typeName).collect(Collectors.toSet()));
        assertThat(OUTBOX.names()).isEqualTo(outbox().map(MessageCodec::typeName).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @MethodSource("outbox")
    void decode_goldenWithUnknownFieldsInEveryObject_isTheSample(OutboxMessage message) {
        JsonNode tree = codec.json().readTree(OUTBOX.read(MessageCodec.typeName(message)));
        addUnknownFields(tree);

        assertThat(codec.decodeOutbox(tree.toString())).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("inbox")
    void decode_inboxGoldenWithUnknownField_isTheSample(InboxMessage message) {
        JsonNode tree = codec.json().readTree(INBOX.read(MessageCodec.typeName(message)));
        addUnknownFields(tree);

        assertThat(codec.decodeInbox(tree.toString())).isEqualTo(message);
    }

    @ParameterizedTest
    @MethodSource("outbox")
    void decode_goldenWithoutAnOptionalOrListField_readsItAsEmpty(OutboxMessage message) throws Exception {
        String name = MessageCodec.typeName(message);
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            if (!isOptionalKind(component.getType())) {
                continue;
            }
            ObjectNode tree = (ObjectNode) codec.json().readTree(OUTBOX.read(name));
            tree.remove(component.getName());
            OutboxMessage decoded;
            try {
                decoded = codec.decodeOutbox(tree.toString());
            } catch (ProtocolException e) {
                // an invariant needs the field here (e.g. a whisper needs a player): refused by name, not crashed
                assertThat(e).hasMessageContaining(name);
                continue;
            }
            Object value = component.getAccessor().invoke(decoded);
            assertThat(isEmpty(value)).as("%s.%s absent", name, component.getName()).isTrue();
        }
    }

    private static boolean isOptionalKind(Class<?> type) {
        return type == Optional.class || Collection.class.isAssignableFrom(type);
    }

    private static boolean isEmpty(Object value) {
        return value instanceof Optional<?> o ? o.isEmpty() : ((Collection<?>) value).isEmpty();
    }

    /** A future writer's fields: at the end of every object, with a nested object and array. */
    static void addUnknownFields(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> addUnknownFields(e.getValue()));
            object.putObject("zzFuture").put("x", 1).putArray("list").add("y");
            object.put("zzFlag", true);
        } else if (node.isArray()) {
            node.forEach(MessageGoldenTest::addUnknownFields);
        }
    }
}
