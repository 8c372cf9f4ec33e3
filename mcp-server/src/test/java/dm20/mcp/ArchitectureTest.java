package dm20.mcp;

import com.tngtech.archunit.core.domain.JavaClasses;
import dm20.protocol.testing.Architecture;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The mcp-server's layering (STYLE.md): {@code storage ← game ← tools ← party ← console} (and {@code party ←
 * resources}, the MCP resources), with {@code wiring}
 * putting them together for the two entry points ({@code dm20.mcp.McpMain} and {@code console.ConsoleMain}),
 * which do not know each other. No package cycles; Chronicle only behind shared-protocol's queue package.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN = Architecture.mainClasses("dm20.mcp");

    @Test
    void packages_haveNoCycles() {
        Architecture.noPackageCycles("dm20.mcp").check(MAIN);
    }

    @Test
    void chronicle_isNeverSeenHere() {
        Architecture.chronicleOnlyInQueue().check(MAIN);
    }

    @Test
    void gameLayer_neverDependsOnToolsPartyConsoleOrWiring() {
        noClasses().that().resideInAnyPackage("dm20.mcp.game..", "dm20.mcp.storage..").should().dependOnClassesThat()
                .resideInAnyPackage("dm20.mcp", "dm20.mcp.tools..", "dm20.mcp.party..", "dm20.mcp.console..",
                        "dm20.mcp.wiring..")
                .because("game rules are the bottom layer: tools, party mode and the console use them, not the reverse")
                .check(MAIN);
    }

    @Test
    void engine_sitsBetweenGameAndTools() {
        noClasses().that().resideInAPackage("dm20.mcp.engine..").should().dependOnClassesThat()
                .resideInAnyPackage("dm20.mcp", "dm20.mcp.tools..", "dm20.mcp.party..", "dm20.mcp.console..",
                        "dm20.mcp.wiring..")
                .because("the combat engine drives the game and is driven by the tools")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("dm20.mcp.game..", "dm20.mcp.rules..", "dm20.mcp.storage..")
                .should().dependOnClassesThat().resideInAPackage("dm20.mcp.engine..").check(MAIN);
    }

    @Test
    void tools_neverDependOnPartyConsoleOrWiring() {
        noClasses().that().resideInAPackage("dm20.mcp.tools..").should().dependOnClassesThat()
                .resideInAnyPackage("dm20.mcp", "dm20.mcp.party..", "dm20.mcp.console..", "dm20.mcp.wiring..")
                .check(MAIN);
    }

    @Test
    void party_neverDependsOnConsoleOrWiring() {
        noClasses().that().resideInAPackage("dm20.mcp.party..").should().dependOnClassesThat()
                .resideInAnyPackage("dm20.mcp", "dm20.mcp.console..", "dm20.mcp.wiring..").check(MAIN);
    }

    @Test
    void resources_readGameAndParty_andKnowNeitherEntryPointNorWiring() {
        noClasses().that().resideInAPackage("dm20.mcp.resources..").should().dependOnClassesThat()
                .resideInAnyPackage("dm20.mcp", "dm20.mcp.console..", "dm20.mcp.wiring..", "dm20.mcp.tools..")
                .check(MAIN);
    }

    @Test
    void entryPoints_doNotKnowEachOther() {
        noClasses().that().resideInAPackage("dm20.mcp.console..").should().dependOnClassesThat()
                .resideInAPackage("dm20.mcp").check(MAIN);
        noClasses().that().resideInAPackage("dm20.mcp").should().dependOnClassesThat()
                .resideInAPackage("dm20.mcp.console..").check(MAIN);
        noClasses().that().resideInAPackage("dm20.mcp.wiring..").should().dependOnClassesThat()
                .resideInAnyPackage("dm20.mcp", "dm20.mcp.console..").check(MAIN);
    }
}
