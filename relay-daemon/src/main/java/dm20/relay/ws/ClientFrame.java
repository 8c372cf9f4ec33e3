package dm20.relay.ws;

import dm20.relay.live.FlatJson;
import dm20.relay.live.FlatJson.Value;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A browser → server WebSocket frame (docs/protocol.md §2.2): {@code hello} first, then {@code ping}.
 * Anything else decodes to {@link Unknown}, which names the type it got. Unknown fields are tolerated;
 * {@code since} and {@code epoch} may be absent.
 */
sealed interface ClientFrame {

    /** The first frame: the seat's token and, on a reconnect, the cursor of the page's feed. */
    record Hello(String token, Optional<Long> since, Optional<String> epoch) implements ClientFrame {
        public Hello {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(epoch, "epoch");
        }
    }

    /** A heartbeat; answered with {@code pong}. */
    record Ping() implements ClientFrame { }

    /** A frame of another type, or a {@code hello} without a non-empty string token. */
    record Unknown(String type) implements ClientFrame { }

    /** Decodes a JSON object frame (its top-level fields, as {@link FlatJson} reads them). */
    static ClientFrame decode(Map<String, Value> frame) {
        String type = typeName(frame.get("type"));
        return switch (type) {
            case "hello" -> hello(frame);
            case "ping" -> new Ping();
            default -> new Unknown(type);
        };
    }

    /** The {@code type} as text: a string as is, a number or boolean as written, anything else "". */
    private static String typeName(Value type) {
        return switch (type) {
            case Value.Text t -> t.value();
            case Value.Number n -> n.value().toString();
            case Value.Bool b -> Boolean.toString(b.value());
            case Value.Null n -> "";
            case Value.Nested n -> "";
            case null -> "";
        };
    }

    private static ClientFrame hello(Map<String, Value> frame) {
        if (!(frame.get("token") instanceof Value.Text(String token)) || token.isEmpty()) {
            return new Unknown("hello");
        }
        return new Hello(token, frame.get("since") instanceof Value.Number n ? n.asLong() : Optional.empty(),
                frame.get("epoch") instanceof Value.Text(String epoch) ? Optional.of(epoch) : Optional.empty());
    }
}
