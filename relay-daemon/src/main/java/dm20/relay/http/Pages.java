package dm20.relay.http;

import dm20.relay.live.Refusal;
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
 * {@code /play}, {@code /play} is {@code web/index.html}, {@code /host} is {@code web/host.html}, and
 * {@code /static/x} is {@code web/x} (Helidon's static handler, which refuses paths leaving {@code web/}).
 */
public final class Pages implements HttpService {

    private final ClassLoader loader;
    private final Responses out;

    public Pages(ClassLoader loader, Responses out) {
        this.loader = loader;
        this.out = out;
    }

    /**
     * The static-asset service to register under {@code /static}. Temporary storage is off: by default
     * Helidon copies every asset it serves out of a jar into {@code helidon-ws*.je} files in the system
     * temp folder and leaves them there; without it, assets are streamed from the jar.
     */
    public static HttpService assets(ClassLoader loader) {
        return StaticContentFeature.createService(ClasspathHandlerConfig.builder()
                .location("web").classLoader(loader).temporaryStorage(t -> t.enabled(false)).build());
    }

    /** Answers every request no route took: a JSON 404 like every other refusal. */
    public void unrouted(HttpRules rules) {
        rules.any((req, res) -> out.refuse(res, Refusal.NOT_FOUND, "no such route: " + req.prologue().method().text()
                + " " + truncate(req.path().path())));
    }

    private static String truncate(String path) {
        return path.length() > 80 ? path.substring(0, 80) + "…" : path;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> {
            res.status(302);
            res.header(HeaderNames.LOCATION, "/play");
            res.send();
        }).get("/play", (req, res) -> page("web/index.html", res))
                .get("/host", (req, res) -> page("web/host.html", res));
    }

    private void page(String resource, ServerResponse res) {
        read(resource).ifPresentOrElse(bytes -> {
            res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
            res.send(bytes);
        }, () -> out.refuse(res, Refusal.NOT_FOUND, "this relay was built without " + resource));
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
