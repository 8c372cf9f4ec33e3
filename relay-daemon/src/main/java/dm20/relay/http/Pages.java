package dm20.relay.http;

import dm20.relay.live.Refusal;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import io.helidon.webserver.http.ServerRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The pages, from the classpath {@code web/} (the {@code web} module): {@code /} redirects to
 * {@code /play}, {@code /play} is {@code web/index.html}, {@code /host} is {@code web/host.html},
 * {@code /favicon.ico} is {@code web/icon.svg} (pages and page assets gzip-compressed for a browser that accepts
 * it), and
 * {@code /static/x} is {@code web/x} (Helidon's static handler, which refuses paths leaving {@code web/}).
 */
public final class Pages implements HttpService {

    private static final String HTML = "text/html; charset=utf-8";
    private static final Pattern ASSET = Pattern.compile("[a-z][a-z0-9-]{0,40}\\.(js|css|svg)");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml");
    private static final Map<String, byte[]> GZ = new ConcurrentHashMap<>();

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
        }).get("/play", (req, res) -> page("web/index.html", HTML, req, res))
                .get("/host", (req, res) -> page("web/host.html", HTML, req, res))
                // Browsers ask for /favicon.ico on pages without an icon link (the JSON /status): the same icon.
                .get("/favicon.ico", (req, res) -> page("web/icon.svg", "image/svg+xml", req, res))
                .get("/static/{name}", this::compressed);
    }

    /**
     * A page asset gzip-compressed for a browser that accepts it; anything else (other names, no gzip) goes on
     * to Helidon's static handler. Only plain names of the known kinds are looked up, never a path.
     */
    private void compressed(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().first("name").orElse("");
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null || !ASSET.matcher(name).matches() || !acceptsGzip(req)) {
            res.next();
            return;
        }
        Optional<byte[]> gz = gzipped("web/" + name);
        if (gz.isEmpty()) {
            res.next();
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CONTENT_ENCODING, "gzip");
        res.header(HeaderNames.VARY, "Accept-Encoding");
        res.send(gz.get());
    }

    private void page(String resource, String type, ServerRequest req, ServerResponse res) {
        Optional<byte[]> body = acceptsGzip(req) ? gzipped(resource) : read(resource);
        body.ifPresentOrElse(bytes -> {
            res.header(HeaderNames.CONTENT_TYPE, type);
            res.header(HeaderNames.VARY, "Accept-Encoding");
            if (acceptsGzip(req)) {
                res.header(HeaderNames.CONTENT_ENCODING, "gzip");
            }
            res.send(bytes);
        }, () -> out.refuse(res, Refusal.NOT_FOUND, "this relay was built without " + resource));
    }

    private static boolean acceptsGzip(ServerRequest req) {
        return req.headers().first(HeaderNames.ACCEPT_ENCODING).map(v -> v.toLowerCase(Locale.ROOT).contains("gzip"))
                .orElse(false);
    }

    /** The resource compressed once and kept (the classpath does not change while the relay runs). */
    private Optional<byte[]> gzipped(String resource) {
        byte[] cached = GZ.get(resource);
        if (cached != null) {
            return Optional.of(cached);
        }
        return read(resource).map(raw -> {
            var buf = new ByteArrayOutputStream(raw.length / 3 + 64);
            try (var gz = new GZIPOutputStream(buf)) {
                gz.write(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = buf.toByteArray();
            GZ.putIfAbsent(resource, bytes);
            return bytes;
        });
    }

    private Optional<byte[]> read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
