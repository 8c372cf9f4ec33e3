package dm20.relay.ws;

import dm20.relay.feed.Frame;
import dm20.relay.feed.FrameCodec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relay's frame encoder for sockets, with a small cache of the most recent distinct frames: a message
 * fanned out to 1,000 sockets is projected per seat (privacy is decided there) but encoded once per
 * distinct frame, i.e. once per visibility class, and a history sent to many reconnecting sockets is
 * encoded once. Equal frames (records compared by value) have equal JSON, so a hit can only return what
 * {@link FrameCodec#encode} would have. Frames that go out together ({@link #encodeAll}) are packed into WebSocket
 * messages of one frame per line (docs/protocol.md §2). Thread-safe; the lock is held only for the lookup, not the
 * encode.
 */
final class EncodedFrames {

    /** Distinct frames kept: a history window (200) plus a live burst, per visibility class of a busy table. */
    static final int CAPACITY = 512;
    /**
     * Characters packed into one message before the next frame starts another (a single longer frame is a message of
     * its own). Helidon keeps one send buffer per socket as large as the largest message it ever sent, so this bounds
     * what a history adds to each of an audience's sockets, while 200 frames still take a dozen writes, not 200.
     */
    static final int MESSAGE_CHARS = 4_000;

    private final FrameCodec codec;
    private final Map<Frame, String> recent = new LinkedHashMap<>(CAPACITY * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Frame, String> eldest) {
            return size() > CAPACITY;
        }
    };

    EncodedFrames(FrameCodec codec) {
        this.codec = codec;
    }

    /** {@code frame} as one line of JSON, as {@link FrameCodec#encode} writes it. */
    String encode(Frame frame) {
        Last last = this.last;
        if (last != null && last.frame() == frame) {
            return last.json();   // a fan-out sends one Frame instance to every socket of a seat
        }
        String json = lookup(frame);
        this.last = new Last(frame, json);
        return json;
    }

    /**
     * {@code frames} as WebSocket text messages, in order: each holds one or more whole frames, one per line
     * ({@code \n} cannot occur inside encoded JSON), up to {@link #MESSAGE_CHARS} unless a single frame is longer.
     * The same list instance sent to many sockets (a history the table computed once) is packed once.
     */
    List<String> encodeAll(List<Frame> frames) {
        Packed packed = this.packed;
        if (packed != null && packed.frames() == frames) {
            return packed.messages();
        }
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        for (Frame frame : frames) {
            String json = encode(frame);
            if (!message.isEmpty() && message.length() + 1 + json.length() > MESSAGE_CHARS) {
                messages.add(message.toString());
                message.setLength(0);
            }
            if (!message.isEmpty()) {
                message.append('\n');
            }
            message.append(json);
        }
        if (!message.isEmpty()) {
            messages.add(message.toString());
        }
        List<String> out = List.copyOf(messages);
        this.packed = new Packed(frames, out);
        return out;
    }

    /** The frames packed last, for the same list instance sent again (compared by identity). */
    private record Packed(List<Frame> frames, List<String> messages) { }

    private volatile Packed packed;

    /** The frame encoded last, for the same instance sent again (compared by identity: no hashing). */
    private record Last(Frame frame, String json) { }

    private volatile Last last;

    private String lookup(Frame frame) {
        synchronized (recent) {
            String json = recent.get(frame);
            if (json != null) {
                return json;
            }
        }
        String json = codec.encode(frame);
        synchronized (recent) {
            recent.put(frame, json);
        }
        return json;
    }
}
