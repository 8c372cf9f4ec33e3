package dm20.relay.browser;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/**
 * One browser at a phone viewport (390×844) driven over W3C WebDriver: headless Chromium through Debian's
 * chromedriver, or WebKitGTK's MiniBrowser through Debian's WebKitWebDriver on a private Xvfb display. Nothing is
 * ever downloaded. Not thread-safe: one test class, one browser, used sequentially.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Engine engine;
    private final RemoteWebDriver driver;
    private final AutoCloseable resources;

    private Browser(Engine engine, RemoteWebDriver driver, AutoCloseable resources) {
        this.engine = engine;
        this.driver = driver;
        this.resources = resources;
    }

    /**
     * Skips the calling test class when Chromium is missing, or fails it if {@code dm20.browser.required} (system
     * property) or {@code DM20_BROWSER_REQUIRED} (environment, set by CI) is true.
     */
    static void requireChromium() {
        Engine.CHROMIUM.require();
    }

    /** Opens headless Chromium (the engine of every test that does not name one). */
    static Browser open() {
        return open(Engine.CHROMIUM);
    }

    /**
     * Opens {@code engine} at the phone viewport; skips (assumption) when it is missing and not required.
     *
     * @throws IllegalStateException if it is required but missing, or its driver does not start
     */
    static Browser open(Engine engine) {
        engine.require();
        Browser browser = switch (engine) {
            case CHROMIUM -> chromium();
            case WEBKIT -> webkit();
        };
        browser.driver.manage().timeouts().scriptTimeout(WAIT);
        browser.phone();
        return browser;
    }

    private static Browser chromium() {
        try {
            Path profile = Files.createTempDirectory("dm20-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=390,844");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
            return new Browser(Engine.CHROMIUM, new ChromeDriver(service, options), () -> deleteTree(profile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Browser webkit() {
        WebKitProcesses processes = WebKitProcesses.start();
        try {
            return new Browser(Engine.WEBKIT, processes.session(), processes);
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    Engine engine() {
        return engine;
    }

    /** The phone viewport every test starts with: 390×844 CSS px (touch and device pixel ratio 2 in Chromium). */
    void phone() {
        viewport(390, 844, true);
    }

    /**
     * Sets a viewport of {@code width}×{@code height} CSS px (a TV: 1920×1080, a laptop: 1280×800). Chromium
     * emulates the device over CDP (headless windows have a minimum width above a phone's); MiniBrowser runs
     * full-screen without a toolbar on an Xvfb display, so its window is the viewport (device pixel ratio 1, no
     * touch emulation).
     */
    void viewport(int width, int height, boolean mobile) {
        if (driver instanceof ChromeDriver chrome) {
            chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                    "height", height, "deviceScaleFactor", mobile ? 2 : 1, "mobile", mobile));
        } else {
            driver.manage().window().setPosition(new org.openqa.selenium.Point(0, 0));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
            until(d -> Long.valueOf(width).equals(js("return window.innerWidth")) ? Boolean.TRUE : null);
        }
    }

    RemoteWebDriver driver() {
        return driver;
    }

    /** Opens a URL and waits until the page's socket said welcome. */
    void join(String url) {
        driver.get(url);
        until(d -> "true".equals(js("return document.body.dataset.ready || ''")));
    }

    /** Clears the relay origin's storage (via a page of that origin) so the next join starts clean. */
    void fresh(String base) {
        driver.get(base + "/status");
        js("localStorage.clear()");
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String text(String css) {
        return (String) js("var e = document.querySelector(arguments[0]); return e ? e.textContent : '';", css);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    boolean visible(String css) {
        return Boolean.TRUE.equals(js("var e = document.querySelector(arguments[0]);"
                + " return !!e && !e.closest('[hidden]') && getComputedStyle(e).display !== 'none';", css));
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50)).until(condition::apply);
    }

    /** Waits until the text of the element matching {@code css} contains {@code part}. */
    void untilText(String css, String part) {
        until(d -> text(css).contains(part) ? Boolean.TRUE : null);
    }

    /**
     * Saves a PNG of the page to {@code target/screenshots} (WebKit's with a {@code -webkit} suffix); with {@code -Ddm20.screenshots=../docs/screenshots}
     * the pictures linked from docs/web.md are refreshed instead (a normal test run leaves docs untouched).
     */
    void screenshot(String name) {
        // WebKit's screenshot is the last painted frame: let the page paint what the test just asserted.
        ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
        try {
            Path dir = Path.of(System.getProperty("dm20.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + engine.screenshotSuffix() + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where CI installs axe-core ({@code .ci/run}); {@code DM20_AXE} overrides. */
    static Path axeScript() {
        String env = System.getenv("DM20_AXE");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("../.ci/axe/node_modules/axe-core/axe.min.js");
    }

    /**
     * Runs axe-core (injected by this test only; the page itself loads nothing from outside) on the current page
     * and returns its violations as "id (impact): targets" lines. Skips without axe-core unless
     * {@code dm20.axe.required} / {@code DM20_AXE_REQUIRED} is true, then fails.
     */
    java.util.List<String> axe() {
        Path script = axeScript();
        boolean required = Boolean.getBoolean("dm20.axe.required") || "true".equalsIgnoreCase(System.getenv("DM20_AXE_REQUIRED"));
        if (!Files.isReadable(script) && required) {
            throw new IllegalStateException("axe-core is required but " + script.toAbsolutePath() + " is missing: "
                    + "npm install --prefix .ci/axe axe-core");
        }
        Assumptions.assumeTrue(Files.isReadable(script), "no axe-core at " + script + "; run .ci/run's npm line");
        try {
            js(Files.readString(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        @SuppressWarnings("unchecked")
        java.util.List<String> found = (java.util.List<String>) ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + " axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + "   + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                + " }, function (e) { done(['axe failed: ' + e]); });");
        return found;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                resources.close();
            } catch (Exception e) {
                // a leftover temp profile is harmless; the processes were killed before
            }
        }
    }

    static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
