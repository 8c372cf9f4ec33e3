/**
 * The player page tested in a real browser (Debian's headless Chromium) against a real relay process fed
 * through a real outbox: {@link dm20.relay.browser.RelayProcess} runs the packaged jar,
 * {@link dm20.relay.browser.TableScript} plays the mcp-server's part on the bus, {@link dm20.relay.browser.Browser}
 * drives Chromium at a phone viewport. Without /usr/bin/chromium the browser tests are skipped, unless the
 * system property {@code dm20.browser.required=true} (CI) makes them fail.
 */
package dm20.relay.browser;
