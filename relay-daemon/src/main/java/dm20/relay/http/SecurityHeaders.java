package dm20.relay.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.Map;

/**
 * Adds the relay's security headers to every response: no referrer (links carry tokens in the fragment),
 * a strict same-origin CSP with no external origin, no MIME sniffing, no framing, and {@code no-store}
 * everywhere except the static assets (which hold nothing personal). Routed responses get them from this
 * filter; responses the HTTP parser writes itself get them from {@link ParserErrors} through
 * {@link #apply}.
 */
public final class SecurityHeaders implements Filter {

    /** The Content-Security-Policy: same origin only; images may also be data: URLs (QR codes). */
    public static final String CSP = "default-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** The headers every response carries, besides {@code Cache-Control}. */
    static final Map<String, String> ALWAYS = Map.of(
            "Referrer-Policy", "no-referrer",
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        ALWAYS.forEach(res::header);
        res.header("Cache-Control", req.path().path().startsWith("/static/") ? "no-cache" : "no-store");
        chain.proceed();
    }

    /** Sets every security header (and {@code no-store}) on headers the parser is about to write. */
    static void apply(ServerResponseHeaders headers) {
        ALWAYS.forEach((name, value) -> headers.set(HeaderNames.create(name), value));
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
