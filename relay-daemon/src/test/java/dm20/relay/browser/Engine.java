package dm20.relay.browser;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The browser engines the player page is tested in: Chromium (Debian's chromium + chromedriver) and WebKit
 * (Debian's webkit2gtk-driver: WebKitWebDriver driving WebKitGTK's MiniBrowser on a private Xvfb display).
 * Both are driven over standard W3C WebDriver; only Chromium also offers device emulation over CDP.
 */
enum Engine {

    CHROMIUM("dm20.browser.required", "DM20_BROWSER_REQUIRED", "apt-get install -y chromium chromium-driver",
            List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"))),
    WEBKIT("dm20.webkit.required", "DM20_WEBKIT_REQUIRED", "apt-get install -y webkit2gtk-driver xvfb",
            List.of(Path.of("/usr/bin/WebKitWebDriver"), Path.of("/usr/bin/Xvfb"),
                    Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser")));

    private final String property;
    private final String env;
    private final String install;
    private final List<Path> executables;

    Engine(String property, String env, String install, List<Path> executables) {
        this.property = property;
        this.env = env;
        this.install = install;
        this.executables = executables;
    }

    /** True when every executable this engine needs is installed. */
    boolean present() {
        return executables.stream().allMatch(Files::isExecutable);
    }

    /** True when the system property or the environment variable (set by CI) demands this engine. */
    boolean required() {
        return Boolean.getBoolean(property) || "true".equalsIgnoreCase(System.getenv(env));
    }

    /** What is missing, in words; empty when the engine is present. */
    String missing() {
        return executables.stream().filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + ", " + b).map(m -> "no " + m + " (" + install + ")").orElse("");
    }

    /**
     * Skips the calling test (a JUnit assumption) when this engine is missing, or fails it when it is required.
     *
     * @throws IllegalStateException if the engine is missing although {@link #required()}
     */
    void require() {
        if (!present() && required()) {
            throw new IllegalStateException(property + "/" + env + " is true but " + missing());
        }
        Assumptions.assumeTrue(present(), () -> this + " tests skipped: " + missing());
    }

    /** The suffix of this engine's screenshots: none for Chromium (the docs' pictures), "-webkit" for WebKit. */
    String screenshotSuffix() {
        return this == CHROMIUM ? "" : "-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
