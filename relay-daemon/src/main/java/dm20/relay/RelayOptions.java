package dm20.relay;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The relay's command line, validated once at start.
 *
 * <pre>--campaign DIR [--host 0.0.0.0] [--port 8080] [--public-url URL] [--heartbeat-seconds 20]</pre>
 *
 * @param port      0 binds an ephemeral port (reported in {@code relay_started} and on stderr)
 * @param publicUrl base URL advertised first in links (e.g. behind a proxy or in a container)
 * @param heartbeat interval of server pings; a socket silent for three intervals is dropped
 */
public record RelayOptions(Path campaign, String host, int port, Optional<String> publicUrl, Duration heartbeat) {

    public static final String USAGE = "usage: relay-daemon --campaign DIR [--host 0.0.0.0] [--port 8080]"
            + " [--public-url URL] [--heartbeat-seconds 20]";

    public RelayOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        if (!Files.isDirectory(campaign)) {
            throw new IllegalArgumentException("--campaign must be an existing directory, got " + campaign);
        }
        publicUrl = publicUrl.map(RelayOptions::checkUrl);
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("--heartbeat-seconds must be positive");
        }
    }

    private static String checkUrl(String url) {
        URI uri = URI.create(url);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--public-url must be an http(s) URL, got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the bad or missing option
     */
    public static RelayOptions parse(String... args) {
        Optional<String> campaign = Optional.empty();
        String host = "0.0.0.0";
        int port = 8080;
        Optional<String> publicUrl = Optional.empty();
        long heartbeat = 20;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[i + 1];
            switch (name) {
                case "--campaign" -> campaign = Optional.of(value);
                case "--host" -> host = value;
                case "--port" -> port = number(name, value);
                case "--public-url" -> publicUrl = Optional.of(value);
                case "--heartbeat-seconds" -> heartbeat = number(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        Path dir = Path.of(campaign.orElseThrow(() -> new IllegalArgumentException("--campaign is required")));
        return new RelayOptions(dir.toAbsolutePath().normalize(), host, port, publicUrl, Duration.ofSeconds(heartbeat));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got " + value);
        }
    }

    /** True when binding every interface. */
    public boolean wildcardHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }
}
