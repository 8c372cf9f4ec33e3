package dm20.relay.feed;

import dm20.protocol.json.WireFamily;
import dm20.protocol.json.WireFormatException;
import dm20.protocol.message.MessageCodec;
import dm20.protocol.message.ProtocolException;

/**
 * The one codec for server → browser frames: one-line JSON with {@code type} first, the record's
 * components after it, by the bus codec's rules (absent optionals left out, instants ISO-8601; see
 * {@link dm20.protocol.json.WireJson}). The type names are listed by hand (the page reads them); a frame
 * type without a name fails at class initialisation. Thread-safe.
 */
public final class FrameCodec {

    private static final WireFamily<Frame> FRAMES = WireFamily.of(Frame.class, "frame")
            .add(Frame.Welcome.class, "welcome")
            .add(Frame.Narrative.class, "narrative")
            .add(Frame.Resolution.class, "resolution")
            .add(Frame.Whisper.class, "whisper")
            .add(Frame.Roll.class, "roll")
            .add(Frame.ActionStatus.class, "action_status")
            .add(Frame.Sheet.class, "sheet")
            .add(Frame.Combat.class, "combat")
            .add(Frame.Thinking.class, "thinking")
            .add(Frame.Reload.class, "reload")
            .add(Frame.Closing.class, "closing")
            .add(Frame.Error.class, "error")
            .add(Frame.Pong.class, "pong")
            .build();

    /** The bus codec is no longer needed; the parameter stays so that callers need not change. */
    public FrameCodec(MessageCodec codec) {
    }

    public FrameCodec() {
    }

    /** The wire name of a frame type. */
    public static String typeName(Frame frame) {
        return FRAMES.typeName(frame);
    }

    /** One-line JSON, {@code type} first. */
    public String encode(Frame frame) {
        return FRAMES.write(frame);
    }

    /**
     * Reads a frame back (tests and tools; the page is the production reader). Unknown fields are ignored.
     *
     * @throws ProtocolException naming the problem: malformed JSON, unknown type, bad field
     */
    public Frame decode(String json) {
        try {
            return FRAMES.read(json);
        } catch (WireFormatException e) {
            throw new ProtocolException(e.getMessage(), e);
        }
    }
}
