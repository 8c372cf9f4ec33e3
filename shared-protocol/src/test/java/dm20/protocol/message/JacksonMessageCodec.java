package dm20.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * BASELINE FOR BENCHMARKS ONLY: the bus codec as it was on Jackson before the move to helidon-json
 * (commit 839843b), kept so that CodecBenchmark measures both in one run on the same machine, and so
 * that WireJsonTest can check that both write the same bytes.
 *
 * <p>The one codec for bus messages: a JSON object per message whose {@code type} field names the record.
 * The type names are listed here by hand, not derived from class names, because they are a persisted
 * format: renaming a record must not change what is on disk. Unknown fields are ignored; absent
 * optional fields decode as empty. Thread-safe and immutable.
 */
final class JacksonMessageCodec {

    /** The discriminator field. */
    public static final String TYPE = "type";

    private static final Map<Class<? extends BusMessage>, String> NAMES = Map.ofEntries(
            Map.entry(InboxMessage.ActionSubmitted.class, "action_submitted"),
            Map.entry(InboxMessage.PresenceChanged.class, "presence_changed"),
            Map.entry(InboxMessage.RelayStarted.class, "relay_started"),
            Map.entry(InboxMessage.RelayFailed.class, "relay_failed"),
            Map.entry(InboxMessage.RelayStopped.class, "relay_stopped"),
            Map.entry(OutboxMessage.SessionOpened.class, "session_opened"),
            Map.entry(OutboxMessage.SeatIssued.class, "seat_issued"),
            Map.entry(OutboxMessage.SeatRevoked.class, "seat_revoked"),
            Map.entry(OutboxMessage.ActionRejected.class, "action_rejected"),
            Map.entry(OutboxMessage.ActionClaimed.class, "action_claimed"),
            Map.entry(OutboxMessage.ActionResolved.class, "action_resolved"),
            Map.entry(OutboxMessage.NarrativePosted.class, "narrative_posted"),
            Map.entry(OutboxMessage.PrivateMessageSent.class, "private_message_sent"),
            Map.entry(OutboxMessage.DiceRolled.class, "dice_rolled"),
            Map.entry(OutboxMessage.CharacterUpdated.class, "character_updated"),
            Map.entry(OutboxMessage.CombatUpdated.class, "combat_updated"),
            Map.entry(OutboxMessage.DmThinking.class, "dm_thinking"),
            Map.entry(OutboxMessage.SessionClosed.class, "session_closed"));

    private final JsonMapper mapper;
    private final Map<String, Class<? extends InboxMessage>> inbox = new HashMap<>();
    private final Map<String, Class<? extends OutboxMessage>> outbox = new HashMap<>();

    JacksonMessageCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a primitive added later reads as 0/false in older entries
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
                .build();
        NAMES.forEach((type, name) -> {
            if (InboxMessage.class.isAssignableFrom(type)) {
                inbox.put(name, type.asSubclass(InboxMessage.class));
            } else {
                outbox.put(name, type.asSubclass(OutboxMessage.class));
            }
        });
    }

    /** The configured mapper, for callers that need the same JSON rules (records, optionals, instants). */
    public JsonMapper json() {
        return mapper;
    }

    /** The wire name of a message's type. */
    public static String typeName(BusMessage message) {
        return NAMES.get(message.getClass());
    }

    /** One-line JSON with {@code type} first. */
    public String encode(BusMessage message) {
        return toTree(message).toString();
    }

    /** The message as a JSON tree with {@code type} first. */
    public ObjectNode toTree(BusMessage message) {
        ObjectNode node = mapper.createObjectNode();
        node.put(TYPE, typeName(message));
        node.setAll((ObjectNode) mapper.valueToTree(message));
        return node;
    }

    /**
     * Decodes a relay → mcp message.
     *
     * @throws ProtocolException naming the problem: malformed JSON, missing or unknown type, bad field
     */
    public InboxMessage decodeInbox(String text) {
        return decode(text, inbox, "inbox");
    }

    /**
     * Decodes a mcp → relay message.
     *
     * @throws ProtocolException naming the problem: malformed JSON, missing or unknown type, bad field
     */
    public OutboxMessage decodeOutbox(String text) {
        return decode(text, outbox, "outbox");
    }

    private <M> M decode(String text, Map<String, Class<? extends M>> types, String direction) {
        JsonNode node = parse(text);
        JsonNode typeNode = node.get(TYPE);
        if (typeNode == null || !typeNode.isString()) {
            throw new ProtocolException("message has no string '" + TYPE + "' field");
        }
        String name = typeNode.asString();
        Class<? extends M> type = types.get(name);
        if (type == null) {
            throw new ProtocolException("unknown " + direction + " message type '" + name + "'");
        }
        try {
            return mapper.treeToValue(node, type);
        } catch (JacksonException e) {
            throw new ProtocolException("invalid '" + name + "' message: " + rootMessage(e), e);
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ProtocolException("empty message");
        }
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new ProtocolException("message must be a JSON object");
        }
        return node;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof JacksonException je ? je.getOriginalMessage() : t.getMessage();
    }
}
