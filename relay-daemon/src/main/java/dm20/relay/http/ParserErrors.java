package dm20.relay.http;

import dm20.relay.live.Refusal;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Answers what Helidon's HTTP parser refuses before any route runs (a malformed request line, a NUL in the
 * path, a 10 KB path, a header section too large): the same security headers as every routed response
 * and a JSON error from the refusal catalogue instead of Helidon's plain text. Thread-safe.
 */
public final class ParserErrors implements DirectHandler {

    private final Responses out;

    public ParserErrors(Responses out) {
        this.out = out;
    }

    /** The direct handlers to give the server: this handler for every event type. */
    public DirectHandlers handlers() {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (EventType type : EventType.values()) {
            builder.addHandler(type, this);
        }
        return builder.build();
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        Refusal refusal = Refusal.forStatus(status.code());
        SecurityHeaders.apply(headers);
        headers.set(HeaderNames.CONTENT_TYPE, Responses.JSON);
        // Helidon's message may echo the request line; the client gets a fixed sentence instead.
        byte[] body = out.encode(new Answer.Error(refusal.code(), "the request could not be parsed (HTTP "
                + status.code() + ")"));
        return TransportResponse.builder().status(status).headers(headers).entity(body)
                .keepAlive(eventType.keepAlive()).build();
    }
}
