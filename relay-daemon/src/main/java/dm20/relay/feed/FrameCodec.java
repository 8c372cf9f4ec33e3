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

    public String encode(Frame frame) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", typeName(frame));
        node.setAll((ObjectNode) mapper.valueToTree(frame));
        return node.toString();
    }
}
