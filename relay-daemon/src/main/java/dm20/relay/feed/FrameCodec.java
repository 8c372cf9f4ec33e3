package dm20.relay.feed;

import dm20.protocol.message.MessageCodec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes frames as one-line JSON with {@code type} first, using the bus codec's JSON rules (absent
 * optionals are left out, instants are ISO-8601). Thread-safe.
 */
public final class FrameCodec {

    private final JsonMapper mapper;

    public FrameCodec(MessageCodec codec) {
        this.mapper = codec.json();
    }

    /** The wire name of a frame type. */
    public static String typeName(Frame frame) {
        return switch (frame) {
            case Frame.Welcome w -> "welcome";
            case Frame.Narrative n -> "narrative";
            case Frame.Resolution r -> "resolution";
            case Frame.Whisper w -> "whisper";
            case Frame.Roll r -> "roll";
            case Frame.ActionStatus a -> "action_status";
            case Frame.Sheet s -> "sheet";
            case Frame.Combat c -> "combat";
            case Frame.Thinking t -> "thinking";
            case Frame.Reload r -> "reload";
            case Frame.Closing c -> "closing";
            case Frame.Error e -> "error";
            case Frame.Pong p -> "pong";
        };
    }

    /**
     * Reads a frame back (tests and tools; the page is the production reader). Unknown fields are ignored.
     *
     * @throws dm20.protocol.message.ProtocolException naming the problem: malformed JSON, unknown type, bad field
     */
    public Frame decode(String json) {
        tools.jackson.databind.JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (tools.jackson.core.JacksonException e) {
            throw new dm20.protocol.message.ProtocolException("malformed JSON: " + e.getOriginalMessage(), e);
        }
        String name = node.path("type").asString("");
        Class<? extends Frame> type = java.util.Arrays.stream(Frame.class.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(wireToSimple(name))).findFirst()
                .map(c -> c.asSubclass(Frame.class))
                .orElseThrow(() -> new dm20.protocol.message.ProtocolException("unknown frame type '" + name + "'"));
        try {
            return mapper.treeToValue(node, type);
        } catch (tools.jackson.core.JacksonException e) {
            throw new dm20.protocol.message.ProtocolException("invalid '" + name + "' frame: " + e.getOriginalMessage(), e);
        }
    }

    private static String wireToSimple(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    public String encode(Frame frame) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", typeName(frame));
        node.setAll((ObjectNode) mapper.valueToTree(frame));
        return node.toString();
    }
}
