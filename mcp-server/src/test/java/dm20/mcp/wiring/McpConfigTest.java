package dm20.mcp.wiring;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpConfigTest {

    private static final Path HOME = Path.of("/home/dm");

    private static McpConfig run(Map<String, String> env, String... args) {
        return switch (McpConfig.parse(args, env, HOME)) {
            case Invocation.Run<McpConfig> r -> r.config();
            case Invocation.Help<McpConfig> h -> throw new AssertionError("help instead of a configuration: " + h.usage());
        };
    }

    @Test
    void parse_noArgs_usesEnvThenHomeDefault() {
        assertThat(run(Map.of()).campaignRoot()).isEqualTo(Path.of("/home/dm/.dm20/campaigns"));
        assertThat(run(Map.of("DM20_CAMPAIGN_ROOT", "/srv/c")).campaignRoot()).isEqualTo(Path.of("/srv/c"));
        assertThat(run(Map.of()).turnDeadline()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void parse_flags_overrideEnv() {
        McpConfig c = run(Map.of("DM20_CAMPAIGN_ROOT", "/srv/c"), "--campaign-root", "/x", "--turn-seconds", "90");
        assertThat(c.campaignRoot()).isEqualTo(Path.of("/x"));
        assertThat(c.turnDeadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.campaign()).isEmpty();
        assertThat(run(Map.of(), "--campaign-root=/y").campaignRoot()).isEqualTo(Path.of("/y"));
    }

    @Test
    void parse_campaign_isLoadedAtStart() {
        assertThat(run(Map.of(), "--campaign", "Sunless Citadel").campaign()).contains("Sunless Citadel");
    }

    @Test
    void parse_help_givesTheUsageNamingEveryOption() {
        Invocation<McpConfig> help = McpConfig.parse(new String[] {"--help"}, Map.of(), HOME);
        assertThat(help).isInstanceOf(Invocation.Help.class);
        assertThat(((Invocation.Help<McpConfig>) help).usage())
                .contains("--campaign-root=DIR", "--campaign=NAME", "--turn-seconds=N", "--help");
    }

    @Test
    void parse_optionWithoutValue_saysWhichOptionNeedsOne() {
        for (String flag : new String[] {"--campaign-root", "--campaign", "--turn-seconds"}) {
            assertThatThrownBy(() -> McpConfig.parse(new String[] {flag}, Map.of(), HOME))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Missing required parameter for option '" + flag + "'")
                    .hasMessageContaining("Usage:");
        }
    }

    @Test
    void parse_badValues_failNamingTheOptionAndValue() {
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--root", "/x"}, Map.of(), HOME))
                .hasMessageContaining("Unknown option").hasMessageContaining("'--root'");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--turn-seconds", "soon"}, Map.of(), HOME))
                .hasMessageContaining("--turn-seconds").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--turn-seconds", "-1"}, Map.of(), HOME))
                .hasMessageContaining("--turn-seconds must not be negative");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--campaign", " "}, Map.of(), HOME))
                .hasMessageContaining("--campaign needs a name");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"stray"}, Map.of(), HOME))
                .hasMessageContaining("stray");
    }

    @Test
    void parse_plainCommandLines_sameConfigurationAsPicocli() {
        List<String[]> lines = List.of(
                new String[] {},
                new String[] {"--campaign-root", "/srv/c"},
                new String[] {"--campaign-root=/srv/c", "--campaign=Lost Mine", "--turn-seconds=0"},
                new String[] {"--turn-seconds", "45", "--campaign", "demo", "--campaign-root", "rel/dir"});
        for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("DM20_CAMPAIGN_ROOT", "/env/c"))) {
            for (String[] line : lines) {
                assertThat(McpConfig.plain(line, env, HOME)).as(String.join(" ", line)).isPresent();
                assertThat(McpConfig.parse(line, env, HOME)).as(String.join(" ", line))
                        .isEqualTo(McpConfig.parseWithPicocli(line, env, HOME));
            }
        }
    }

    @Test
    void plain_anythingUnusual_isLeftToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"--help"}, new String[] {"-h"}, new String[] {"--version"}, new String[] {"--campaign"},
                new String[] {"--campaign", ""}, new String[] {"--campaign", " "}, new String[] {"--turn-seconds", "010"},
                new String[] {"--turn-seconds", "+5"}, new String[] {"--turn-seconds", "-1"},
                new String[] {"--turn-seconds", "1e3"}, new String[] {"--turn-seconds", "1", "--turn-seconds", "2"},
                new String[] {"--bogus", "1"}, new String[] {"extra"}, new String[] {"@args.txt"},
                new String[] {"--campaign-root", "--campaign"}, new String[] {"--turn-seconds", "99999999999"});
        for (String[] line : lines) {
            assertThat(McpConfig.plain(line, Map.of(), HOME)).as(String.join(" ", line)).isEmpty();
        }
    }
}
