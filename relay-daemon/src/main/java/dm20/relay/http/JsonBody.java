package dm20.relay.http;

import dm20.relay.live.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a small JSON object body for the request endpoints beside the player API (host controls, roll and
 * turn requests), with the same bounds as {@code POST /action}: a declared length over the limit, a longer
 * body or anything but a JSON object is refused with the catalogue's answer. An empty body reads as {@code {}}.
 * Thread-safe.
 */
public final class JsonBody {

    private final JsonMapper json;
    private final Responses out;
    private final int maxBodyBytes;

    public JsonBody(JsonMapper json, Responses out, int maxBodyBytes) {
        this.json = json;
        this.out = out;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body as a JSON object, or empty after answering the refusal. */
    public Optional<JsonNode> read(ServerRequest req, ServerResponse res) {
        long declared = req.headers().first(HeaderNames.CONTENT_LENGTH).map(JsonBody::length).orElse(-1L);
        if (declared > maxBodyBytes || declared < -1) {
            out.refuse(res, Refusal.TOO_LARGE, "the body must be at most " + maxBodyBytes + " bytes");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes(declared >= 0 ? (int) declared : maxBodyBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBodyBytes) {
            out.refuse(res, Refusal.TOO_LARGE, "the body must be at most " + maxBodyBytes + " bytes");
            return Optional.empty();
        }
        if (bytes.length == 0) {
            return Optional.of(json.createObjectNode());
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node != null && node.isObject()) {
                return Optional.of(node);
            }
        } catch (JacksonException e) {
            // answered below
        }
        out.refuse(res, Refusal.MALFORMED_JSON, "the body must be a JSON object");
        return Optional.empty();
    }

    private static long length(String header) {
        try {
            long n = Long.parseLong(header.strip());
            return n < 0 ? -2 : n;
        } catch (NumberFormatException e) {
            return -2;
        }
    }
}
