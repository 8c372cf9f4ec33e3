package dm20.relay;

import dm20.relay.host.HostApi;
import dm20.relay.http.Pages;
import dm20.relay.http.ParserErrors;
import dm20.relay.http.PlayerApi;
import dm20.relay.http.Responses;
import dm20.relay.live.Refusal;
import dm20.relay.http.SecurityHeaders;
import dm20.relay.ws.Sockets;
import io.helidon.common.tls.Tls;
import io.helidon.http.Header;
import io.helidon.http.HttpException;
import io.helidon.http.HttpLogConfig;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.http.media.MediaContext;
import io.helidon.service.registry.GlobalServiceRegistry;
import io.helidon.service.registry.ServiceRegistryConfig;
import io.helidon.service.registry.ServiceRegistryManager;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsUpgrader;
import io.helidon.webserver.websocket.WsRouting;

import java.lang.reflect.Field;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Builds the Helidon server: routes, security headers, the {@code /ws} endpoint and the size limits. */
final class RelayServer {

    private static final Logger LOG = Logger.getLogger(RelayServer.class.getName());

    private RelayServer() {
    }

    /**
     * Helidon signals statuses with exceptions (the static handler's 304 for a matching ETag, a 404 or 405):
     * a status below 400 is sent as is, with no body; a refusal gets the catalogue's JSON.
     */
    private static void httpException(ServerResponse res, HttpException e, Responses out) {
        int code = e.status().code();
        if (code < 400) {
            res.status(e.status());
            res.send();
        } else {
            out.send(res, code, new dm20.relay.http.Answer.Error(Refusal.forStatus(code).code(),
                    "the relay refused this request (HTTP " + code + ")"));
        }
    }

    /**
     * HTTP/1.1 with what costs CPU on every request and is not needed turned off (measured in docs/performance.md,
     * section Relay): validating the response headers (every header the relay sends is a constant made and checked
     * once, and Helidon writes Content-Length itself), the {@code Connection: keep-alive} header (HTTP/1.1 connections
     * persist without it, RFC 9112; Helidon also tokenizes it again after each response), and the per-packet logging
     * listeners (trace-level only). Requests are validated as before: prologue, path, headers and Host.
     */
    private static Http1Config http1() {
        return Http1Config.builder()
                .validateResponseHeaders(false)
                .sendKeepAliveHeader(false)
                .log(HttpLogConfig.builder().receiveLog(false).sendLog(false).build())
                .build();
    }

    /**
     * Builds the value list of Helidon's shared {@code Connection: Upgrade} header before anyone connects. Helidon
     * 4.5.0's {@code WsUpgrader} keeps it in a static field as a header whose list is built lazily, without
     * synchronization, on first use ({@code HeaderValueSingle.allValues}); two first upgrades at once — every phone
     * reconnecting to a restarted relay — raced on it and one failed with a ConcurrentModificationException
     * (RelayBench, FirstUpgradesIT). Built once here, it is only read afterwards. If a later Helidon renames the
     * field, this does nothing and says so at FINE level.
     */
    static void buildSharedUpgradeHeaders() {
        for (String field : List.of("CONNECTION_UPGRADE", "SUPPORTED_VERSION_HEADER")) {
            try {
                Field f = WsUpgrader.class.getDeclaredField(field);
                f.setAccessible(true);
                if (f.get(null) instanceof Header h) {
                    h.allValues();
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.FINE, "Helidon's WsUpgrader." + field + " not found; nothing to build", e);
            }
        }
    }

    /**
     * Makes Helidon's global service registry one that discovers nothing. Helidon builds that registry on first use
     * (an empty routing path's parameters ask it for mappers) by reading every jar's service descriptors and
     * {@code service.loader} lists: ≈ 250 classes and 60–90 ms of every relay start, for services the relay does not
     * use (Helidon Config, metrics, the injection request scope, declarative entry points). Everything the relay
     * serves is registered here by hand (protocols, routes, the WebSocket endpoint), and Helidon adds its built-in
     * mappers without the registry. Measured in docs/performance.md, section "Sixth pass";
     * {@code RelayFootprintIT} fails if a relay reads the descriptors again.
     */
    static void useRegistryWithoutDiscovery() {
        GlobalServiceRegistry.registry(ServiceRegistryManager.create(ServiceRegistryConfig.builder()
                .discoverServices(false)
                .discoverServicesFromServiceLoader(false)
                .build()).registry());
    }

    /**
     * Builds (not starts) the server.
     *
     * @param maxBodyBytes a backstop: the API checks its own, smaller limit with a clear error
     */
    static WebServer build(RelayOptions options, Limits limits, PlayerApi api, HostApi host, Pages pages,
                           Sockets sockets, Responses out, HttpService... requests) {
        ClassLoader loader = RelayServer.class.getClassLoader();
        useRegistryWithoutDiscovery();
        buildSharedUpgradeHeaders();
        return WebServer.builder()
                // every option is set here; without a configuration Helidon's builders fall back to an empty one,
                // whose first use builds Helidon Config's mapper machinery (NoConfig)
                .config(NoConfig.INSTANCE)
                .mediaContext(MediaContext.create(NoConfig.INSTANCE))
                .contentEncoding(ContentEncodingContext.create(NoConfig.INSTANCE))
                .tls(Tls.builder().config(NoConfig.INSTANCE).enabled(false).build())
                .host(options.host())
                .port(options.port())
                .shutdownHook(false)
                // Per connection, the NIO socket keeps two 8 KiB buffers and a 4 KiB write buffer (≈ 21 KB with
                // the WebSocket's own; 21 MB for 1,000 observers); the plain socket keeps one 8 KiB read buffer
                // and the write buffer, and most frames (a narrative ≈ 300 B) fit in 2 KiB. Measured in
                // docs/performance.md, section Relay.
                .useNio(false)
                .writeBufferSize(2048)
                // A pushed frame is one small write that the phone should have at once: without TCP_NODELAY
                // (Helidon's default is off) Nagle holds a frame back while an earlier one is unacknowledged.
                .connectionOptions(o -> o.tcpNoDelay(true))
                .maxPayloadSize(limits.maxBodyBytes() * 8L)
                .directHandlers(new ParserErrors(out).handlers())
                // exactly these two protocols: discovering them too would add a second HTTP/1 selector beside this
                // one, and with two selectors Helidon closes a connection whose first line is not HTTP/1.1 instead
                // of answering 400 (RelayHardeningIT)
                .protocolsDiscoverServices(false)
                .addProtocol(http1())
                .routing(r -> r.addFilter(new SecurityHeaders())
                        .register(api)
                        .register(host)
                        .register(requests)
                        .register(pages)
                        .register("/static", Pages.assets(loader))
                        .register(pages::unrouted)
                        .error(HttpException.class, (req, res, e) -> httpException(res, e, out))
                        .error(RuntimeException.class, (req, res, e) -> {
                            LOG.log(Level.WARNING, "request failed", e);
                            out.refuse(res, Refusal.INTERNAL, "the relay failed to answer; try again");
                        }))
                .addProtocol(WsConfig.builder().maxFrameLength(limits.maxFrameBytes() * 16).build())
                .addRouting(WsRouting.builder().endpoint("/ws", sockets))
                .build();
    }
}
