package dm20.protocol;

import com.tngtech.archunit.core.domain.JavaClasses;
import dm20.protocol.testing.Architecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** shared-protocol's architecture: no package cycles; Chronicle only in {@code queue}; the contract sees no process. */
class ArchitectureTest {

    private static final JavaClasses MAIN = Architecture.mainClasses("dm20.protocol");

    @Test
    void packages_haveNoCycles() {
        Architecture.noPackageCycles("dm20.protocol").check(MAIN);
    }

    @Test
    void chronicle_isSeenOnlyByTheQueuePackage() {
        Architecture.chronicleOnlyInQueue().check(MAIN);
    }

    @Test
    void contract_dependsOnNeitherProcess() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dm20.mcp..", "dm20.relay..").check(MAIN);
    }
}
