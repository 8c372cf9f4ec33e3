package dm20.relay.ws;

import dm20.relay.feed.Frame;
import dm20.relay.feed.FrameCodec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relay's frame encoder for sockets, with a small cache of the most recent distinct frames: a message
 * fanned out to 1,000 sockets is projected per seat (privacy is decided there) but encoded once per
 * distinct frame, i.e. once per visibility class, and a history sent to many reconnecting sockets is
 * encoded once. Equal frames (records compared by value) have equal JSON, so a hit can only return what
 * {@link FrameCodec#encode} would have. Thread-safe; the lock is held only for the lookup, not the encode.
 */
final class EncodedFrames {

    /** Distinct frames kept: a history window (200) plus a live burst, per visibility class of a busy table. */
    static final int CAPACITY = 512;

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
