package dm20.relay.http;

import dm20.relay.live.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import dm20.protocol.json.WireJson;

/**
 * Writes the relay's HTTP answers, and is the one place a {@link Refusal} becomes an HTTP status with a
 * JSON {@link Answer.Error} body. Thread-safe.
 */
public final class Responses {

    /** The content type of every JSON answer. */
    public static final String JSON = "application/json; charset=utf-8";
    private static final io.helidon.http.Header CONTENT_TYPE = io.helidon.http.HeaderValues.createCached(
            HeaderNames.CONTENT_TYPE, JSON);

    public Responses() {
    }

    /** Sends {@code body} with {@code status}. */
    public void send(ServerResponse res, int status, Answer body) {
        res.status(status);
        res.header(CONTENT_TYPE);
        res.send(encode(body));
    }

    /** Answers a refusal with its catalogue status and code, and {@code message} saying what to do. */
    public void refuse(ServerResponse res, Refusal refusal, String message) {
        send(res, refusal.status(), new Answer.Error(refusal.code(), message));
    }

    /**
     * The JSON of an answer by the wire rules of {@link WireJson} (components in order, absent optionals
     * left out, instants ISO-8601); a sheet is the bare {@code CharacterSheet} object. Also used for the
     * parser's own errors and by the golden-file test.
     */
    public byte[] encode(Answer body) {
        return switch (body) {
            case Answer.Sheet sheet -> WireJson.writeBytes(sheet.sheet());
            case Answer.Status a -> WireJson.writeBytes(a);
            case Answer.Me a -> WireJson.writeBytes(a);
            case Answer.Queued a -> WireJson.writeBytes(a);
            case Answer.Action a -> WireJson.writeBytes(a);
            case Answer.Host a -> WireJson.writeBytes(a);
            case Answer.Requested a -> WireJson.writeBytes(a);
            case Answer.Error a -> WireJson.writeBytes(a);
        };
    }
}
