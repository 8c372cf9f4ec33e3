package dm20.relay;

import io.helidon.http.Header;
import io.helidon.webserver.websocket.WsUpgrader;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RelayServer#buildSharedUpgradeHeaders()} reaches the Helidon field it means to build (a Helidon upgrade
 * that renames it fails here, not silently), and afterwards the header's value list exists, so the first upgrades
 * only read it.
 */
class UpgradeHeadersTest {

    @Test
    void buildSharedUpgradeHeaders_helidonsConnectionUpgrade_hasItsValueListBuilt() throws Exception {
        Field f = WsUpgrader.class.getDeclaredField("CONNECTION_UPGRADE");
        f.setAccessible(true);
        Header header = (Header) f.get(null);

        RelayServer.buildSharedUpgradeHeaders();

        Field values = header.getClass().getDeclaredField("values");
        values.setAccessible(true);
        assertThat(values.get(header)).as("the lazily built list of %s", header).isNotNull();
        assertThat(header.allValues()).containsExactly("Upgrade");
    }
}
