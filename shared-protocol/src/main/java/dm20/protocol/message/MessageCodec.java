package dm20.protocol.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import dm20.protocol.json.WireFamily;
import dm20.protocol.json.WireFormatException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The one codec for bus messages: a JSON object per message whose {@code type} field names the record,
 * followed by the record's components ({@link dm20.protocol.json.WireJson}, on Helidon's JSON). The type
 * names are listed here by hand, not derived from class names, because they are a persisted format:
 * renaming a record must not change what is on disk; a message type without a name fails at construction.
 * Unknown fields are ignored; absent optional fields decode as empty. Thread-safe and immutable.
 */
public final class MessageCodec {

    /** The discriminator field. */
    public static final String TYPE = WireFamily.TYPE;

    private static final WireFamily<InboxMessage> INBOX = WireFamily.of(InboxMessage.class, "inbox message")
            .add(InboxMessage.ActionSubmitted.class, "action_submitted")
            .add(InboxMessage.PresenceChanged.class, "presence_changed")
            .add(InboxMessage.RelayStarted.class, "relay_started")
            .add(InboxMessage.RelayFailed.class, "relay_failed")
            .add(InboxMessage.RelayStopped.class, "relay_stopped")
            .add(InboxMessage.HostRequested.class, "host_requested")
            .add(InboxMessage.RollRequested.class, "roll_requested")
            .add(InboxMessage.TurnEndRequested.class, "turn_end_requested")
            .build();

    private static final WireFamily<OutboxMessage> OUTBOX = WireFamily.of(OutboxMessage.class, "outbox message")
            .add(OutboxMessage.SessionOpened.class, "session_opened")
            .add(OutboxMessage.SeatIssued.class, "seat_issued")
            .add(OutboxMessage.SeatRevoked.class, "seat_revoked")
            .add(OutboxMessage.ActionRejected.class, "action_rejected")
            .add(OutboxMessage.ActionClaimed.class, "action_claimed")
            .add(OutboxMessage.ActionResolved.class, "action_resolved")
            .add(OutboxMessage.NarrativePosted.class, "narrative_posted")
            .add(OutboxMessage.PrivateMessageSent.class, "private_message_sent")
            .add(OutboxMessage.DiceRolled.class, "dice_rolled")
            .add(OutboxMessage.CharacterUpdated.class, "character_updated")
            .add(OutboxMessage.CombatUpdated.class, "combat_updated")
            .add(OutboxMessage.DmThinking.class, "dm_thinking")
            .add(OutboxMessage.SessionClosed.class, "session_closed")
            .add(OutboxMessage.RoomLockChanged.class, "room_lock_changed")
            .build();

    public MessageCodec() {
    }

    /**
     * A Jackson mapper with the same rules (records, absent optionals left out, ISO instants, unknown
     * fields ignored) for the JSON that is not a bus or web wire: the mcp-server's campaign files and MCP
     * tool payloads (the MCP SDK is built on Jackson). Wire records go through {@link #encode} and
     * {@link dm20.protocol.json.WireJson}, never through this. Built on the first call (one mapper for the
     * process; a Jackson mapper is immutable and thread-safe), so a process that never asks for it — the
     * relay — never loads Jackson (≈ 440 classes, several MB of class metadata; docs/performance.md).
     */
    public JsonMapper json() {
        return Jackson.MAPPER;
    }

    /** Holder: initialized on first use of {@link #json()}. */
    private static final class Jackson {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a primitive added later reads as 0/false in older entries
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_ABSENT))
                .build();

        private Jackson() {
        }
    }

    /** The wire name of a message's type. */
    public static String typeName(BusMessage message) {
        return switch (message) {
            case InboxMessage m -> INBOX.typeName(m);
            case OutboxMessage m -> OUTBOX.typeName(m);
        };
    }

    /**
     * The wire name of a message type ({@code "session_opened"}): every entry this codec writes begins
     * {@code {"type":"NAME",}}.
     *
     * @throws IllegalArgumentException if {@code type} is not one of the bus's message records
     */
    public static String typeName(Class<? extends BusMessage> type) {
        String name = InboxMessage.class.isAssignableFrom(type) ? INBOX.names().get(type) : OUTBOX.names().get(type);
        if (name == null) {
            throw new IllegalArgumentException(type.getName() + " is not a bus message record");
        }
        return name;
    }

    /** One-line JSON with {@code type} first. */
    public String encode(BusMessage message) {
        return new String(encodeBytes(message), StandardCharsets.UTF_8);
    }

    /** UTF-8 JSON with {@code type} first. */
    public byte[] encodeBytes(BusMessage message) {
        return switch (message) {
            case InboxMessage m -> INBOX.writeBytes(m);
            case OutboxMessage m -> OUTBOX.writeBytes(m);
        };
    }

    /**
     * Decodes a relay → mcp message.
     *
     * @throws ProtocolException naming the problem: malformed JSON, missing or unknown type, bad field
     */
    public InboxMessage decodeInbox(String text) {
        return decode(INBOX, text);
    }

    /**
     * Decodes a mcp → relay message.
     *
     * @throws ProtocolException naming the problem: malformed JSON, missing or unknown type, bad field
     */
    public OutboxMessage decodeOutbox(String text) {
        return decode(OUTBOX, text);
    }

    private static <M> M decode(WireFamily<M> family, String text) {
        if (text == null) {
            throw new ProtocolException("empty message");
        }
        try {
            return family.read(text);
        } catch (WireFormatException e) {
            throw new ProtocolException(e.getMessage(), e);
        }
    }
}
