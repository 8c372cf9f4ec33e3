/**
 * The player page tested in real browsers against a real relay process fed through a real outbox:
 * {@link dm20.relay.browser.RelayProcess} runs the packaged jar, {@link dm20.relay.browser.TableScript} plays the
 * mcp-server's part on the bus, {@link dm20.relay.browser.Browser} drives Debian's headless Chromium
 * (chromedriver) or WebKitGTK's MiniBrowser (WebKitWebDriver on a private Xvfb) over W3C WebDriver at a phone
 * viewport. {@link dm20.relay.browser.PageTableExtension} opens one {@link dm20.relay.browser.PageTable} per class
 * and engine for every {@link dm20.relay.browser.BrowserTest}. A missing engine skips its tests, unless
 * {@code DM20_BROWSER_REQUIRED} / {@code DM20_WEBKIT_REQUIRED} (CI) or the matching system property makes them fail.
 */
package dm20.relay.browser;
