package dm20.relay.browser;

import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;

/**
 * Base of every browser test class: the shared {@link PageTable} of the engine under test, as static fields that
 * {@link PageTableExtension} sets before each test. A class annotated {@code @ParameterizedClass @EnumSource(Engine.class)}
 * runs every test once per engine (one relay and one browser per engine); any other class runs in Chromium.
 */
@ExtendWith(PageTableExtension.class)
abstract class BrowserTest {

    /** The campaign directory (bus, seats.json, relay logs) of the current fixture. */
    static Path campaign;
    static PageTable t;
    static TableScript table;
    static Browser browser;

    static void use(PageTable fixture) {
        t = fixture;
        table = fixture == null ? null : fixture.table;
        browser = fixture == null ? null : fixture.browser;
        campaign = fixture == null ? null : fixture.campaign();
    }
}
