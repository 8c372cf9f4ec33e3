package dm20.relay.http;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;
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

    /** {@link #ALWAYS} as Helidon's cached headers: names and values are made (and checked) once, not per response. */
    private static final List<Header> CACHED = ALWAYS.entrySet().stream()
            .map(e -> HeaderValues.createCached(HeaderNames.create(e.getKey()), e.getValue())).toList();
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");
    private static final Header NO_CACHE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-cache");

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        CACHED.forEach(res::header);
        res.header(req.path().path().startsWith("/static/") ? NO_CACHE : NO_STORE);
        chain.proceed();
    }

    /** Sets every security header (and {@code no-store}) on headers the parser is about to write. */
    static void apply(ServerResponseHeaders headers) {
        ALWAYS.forEach((name, value) -> headers.set(HeaderNames.create(name), value));
        headers.set(HeaderNames.CACHE_CONTROL, "no-store");
    }
}
