package dm20.relay.http;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Adds the relay's security headers to every response: no referrer (links carry tokens in the fragment),
 * a strict same-origin CSP with no external origin, no MIME sniffing, no framing, and {@code no-store}
 * everywhere except the static assets (which hold nothing personal).
 */
public final class SecurityHeaders implements Filter {

    /** The Content-Security-Policy: same origin only; images may also be data: URLs (QR codes). */
    public static final String CSP = "default-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        res.header("Referrer-Policy", "no-referrer");
        res.header("Content-Security-Policy", CSP);
        res.header("X-Content-Type-Options", "nosniff");
        res.header("X-Frame-Options", "DENY");
        res.header("Cache-Control", req.path().path().startsWith("/static/") ? "no-cache" : "no-store");
        chain.proceed();
    }
}
