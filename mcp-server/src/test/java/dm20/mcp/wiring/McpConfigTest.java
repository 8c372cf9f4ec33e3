package dm20.mcp;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class McpConfigTest {

    private static final Path HOME = Path.of("/home/dm");

    @Test
    void parse_noArgs_usesEnvThenHomeDefault() {
        assertThat(McpConfig.parse(new String[0], Map.of(), HOME).campaignRoot())
                .isEqualTo(Path.of("/home/dm/.dm20/campaigns"));
        assertThat(McpConfig.parse(new String[0], Map.of("DM20_CAMPAIGN_ROOT", "/srv/c"), HOME).campaignRoot())
                .isEqualTo(Path.of("/srv/c"));
        assertThat(McpConfig.parse(new String[0], Map.of(), HOME).turnDeadline()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void parse_flags_overrideEnv() {
        McpConfig c = McpConfig.parse(new String[] {"--campaign-root", "/x", "--turn-seconds", "90"},
                Map.of("DM20_CAMPAIGN_ROOT", "/srv/c"), HOME);
        assertThat(c.campaignRoot()).isEqualTo(Path.of("/x"));
        assertThat(c.turnDeadline()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.campaign()).isEmpty();
    }

    @Test
    void parse_campaign_isLoadedAtStart() {
        assertThat(McpConfig.parse(new String[] {"--campaign", "Sunless Citadel"}, Map.of(), HOME).campaign())
                .contains("Sunless Citadel");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--campaign"}, Map.of(), HOME))
                .hasMessageContaining("--campaign needs a value");
    }

    @Test
    void parse_badArguments_failNamingThem() {
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--root", "/x"}, Map.of(), HOME))
                .hasMessageContaining("unknown argument '--root'");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--campaign-root"}, Map.of(), HOME))
                .hasMessageContaining("--campaign-root needs a value");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--turn-seconds", "soon"}, Map.of(), HOME))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> McpConfig.parse(new String[] {"--turn-seconds", "-1"}, Map.of(), HOME))
                .hasMessageContaining("must not be negative");
    }
}
