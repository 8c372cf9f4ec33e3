package dm20.relay.http;

import dm20.relay.live.FlatJson;
import dm20.relay.live.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of request bodies: a small JSON object of at most {@code maxBodyBytes}, read into its
 * top-level fields by {@link FlatJson} (streaming, no document tree). A declared length over the limit, a
 * longer body or anything but a JSON object is refused with the catalogue's answer and yields empty. A declared
 * Content-Length is trusted for the buffer size (Helidon stops the stream there), so a 74-byte body costs 74
 * bytes, not the limit; only a body without a length (chunked) is read up to the limit plus one byte.
 * Thread-safe.
 */
public final class JsonBody {

    private final Responses out;
    private final int maxBodyBytes;

    public JsonBody(Responses out, int maxBodyBytes) {
        this.out = out;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The body's fields; an empty body is refused like any other text that is not a JSON object. */
    public Optional<Map<String, FlatJson.Value>> object(ServerRequest req, ServerResponse res) {
        return bytes(req, res).flatMap(b -> parsed(b, res));
    }

    /**
     * The body's fields, where an empty body reads as {@code {}} (a request whose fields are all optional,
     * e.g. "end my turn").
     */
    public Optional<Map<String, FlatJson.Value>> objectOrEmpty(ServerRequest req, ServerResponse res) {
        return bytes(req, res).flatMap(b -> b.length == 0 ? Optional.of(Map.of()) : parsed(b, res));
    }

    private Optional<Map<String, FlatJson.Value>> parsed(byte[] bytes, ServerResponse res) {
        Optional<Map<String, FlatJson.Value>> body = FlatJson.object(bytes);
        if (body.isEmpty()) {
            out.refuse(res, Refusal.MALFORMED_JSON, "the body must be a JSON object");
        }
        return body;
    }

    private Optional<byte[]> bytes(ServerRequest req, ServerResponse res) {
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
        return Optional.of(bytes);
    }

    /** The declared length; a malformed or negative one counts as too large (-2 marks it). */
    private static long length(String header) {
        try {
            long n = Long.parseLong(header.strip());
            return n < 0 ? -2 : n;
        } catch (NumberFormatException e) {
            return -2;
        }
    }
}
