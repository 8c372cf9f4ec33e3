package dm20.relay.ws;

import tools.jackson.databind.JsonNode;

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

    /** Decodes a JSON object frame. */
    static ClientFrame decode(JsonNode frame) {
        String type = frame.path("type").asString("");
        return switch (type) {
            case "hello" -> hello(frame);
            case "ping" -> new Ping();
            default -> new Unknown(type);
        };
    }

    private static ClientFrame hello(JsonNode frame) {
        JsonNode token = frame.path("token");
        if (!token.isString() || token.asString().isEmpty()) {
            return new Unknown("hello");
        }
        JsonNode since = frame.path("since");
        JsonNode epoch = frame.path("epoch");
        return new Hello(token.asString(), since.isIntegralNumber() ? Optional.of(since.asLong()) : Optional.empty(),
                epoch.isString() ? Optional.of(epoch.asString()) : Optional.empty());
    }
}
