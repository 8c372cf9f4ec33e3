package dm20.relay.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes JSON answers and JSON errors. Thread-safe. */
public final class Responses {

    /** The body of every error. */
    public record ApiError(String error, String message) { }

    private final JsonMapper json;

    public Responses(JsonMapper json) {
        this.json = json;
    }

    public void json(ServerResponse res, int status, Object body) {
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, "application/json; charset=utf-8");
        res.send(json.writeValueAsBytes(body));
    }

    public void error(ServerResponse res, int status, String error, String message) {
        json(res, status, new ApiError(error, message));
    }
}
