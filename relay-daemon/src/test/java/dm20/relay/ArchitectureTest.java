package dm20.relay;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.Architectures;
import dm20.protocol.testing.Architecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The relay is a strict stack, each layer depending only downward:
 * {@code state → feed → live → http / ws → host → RelayServer → RelayMain} ({@code net}, LAN addresses, is a
 * leaf any layer may use). No package cycles; Chronicle only behind shared-protocol's queue package.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = Architecture.mainClasses("dm20.relay");

    @Test
    void packages_haveNoCycles() {
        Architecture.noPackageCycles("dm20.relay").check(MAIN);
    }

    @Test
    void chronicle_isNeverSeenHere() {
        Architecture.chronicleOnlyInQueue().check(MAIN);
    }

    @Test
    void layers_dependOnlyDownward() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("state").definedBy("dm20.relay.state..")
                .layer("feed").definedBy("dm20.relay.feed..")
                .layer("live").definedBy("dm20.relay.live..")
                .layer("http").definedBy("dm20.relay.http..")
                .layer("ws").definedBy("dm20.relay.ws..")
                .layer("host").definedBy("dm20.relay.host..")
                .layer("root").definedBy("dm20.relay")
                .layer("net").definedBy("dm20.relay.net..")
                .whereLayer("root").mayNotBeAccessedByAnyLayer()
                .whereLayer("host").mayOnlyBeAccessedByLayers("root")
                .whereLayer("http").mayOnlyBeAccessedByLayers("host", "root")
                .whereLayer("ws").mayOnlyBeAccessedByLayers("host", "root")
                .whereLayer("live").mayOnlyBeAccessedByLayers("http", "ws", "host", "root")
                .whereLayer("feed").mayOnlyBeAccessedByLayers("live", "http", "ws", "host", "root")
                .whereLayer("state").mayOnlyBeAccessedByLayers("feed", "live", "http", "ws", "host", "root")
                .check(MAIN);
    }

    @Test
    void relayServer_doesNotKnowRelayMain() {
        noClasses().that().haveSimpleName("RelayServer").should().dependOnClassesThat().haveSimpleName("RelayMain")
                .check(MAIN);
    }
}
