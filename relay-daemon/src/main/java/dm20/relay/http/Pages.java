package dm20.relay.http;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The pages, from the classpath {@code web/} (the {@code web} module): {@code /} redirects to
 * {@code /play}, {@code /play} is {@code web/index.html}, {@code /host} is {@code web/host.html},
 * {@code /favicon.ico} is {@code web/icon.svg}, and
 * {@code /static/x} is {@code web/x} (Helidon's static handler, which refuses paths leaving {@code web/}).
 */
public final class Pages implements HttpService {

    private final ClassLoader loader;
    private final Responses out;

    public Pages(ClassLoader loader, Responses out) {
        this.loader = loader;
        this.out = out;
    }

    /** The static-asset service to register under {@code /static}. */
    public static HttpService assets(ClassLoader loader) {
        return StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("web").classLoader(loader).build());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            res.status(302);
            res.header(HeaderNames.LOCATION, "/play");
            res.send();
        }).get("/play", (req, res) -> page("web/index.html", res))
                .get("/host", (req, res) -> page("web/host.html", res))
                // Browsers ask for /favicon.ico on pages without an icon link (the JSON /status): the same icon.
                .get("/favicon.ico", (req, res) -> page("web/icon.svg", "image/svg+xml", res));
    }

    private void page(String resource, ServerResponse res) {
        page(resource, "text/html; charset=utf-8", res);
    }

    private void page(String resource, String type, ServerResponse res) {
        read(resource).ifPresentOrElse(bytes -> {
            res.header(HeaderNames.CONTENT_TYPE, type);
            res.send(bytes);
        }, () -> out.error(res, 404, "not_found", "this relay was built without " + resource));
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
