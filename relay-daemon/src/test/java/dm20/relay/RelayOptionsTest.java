package dm20.relay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelayOptionsTest {

    @TempDir
    Path dir;

    @Test
    void parse_defaults() {
        RelayOptions o = RelayOptions.parse("--campaign", dir.toString());
        assertThat(o.host()).isEqualTo("0.0.0.0");
        assertThat(o.port()).isEqualTo(8080);
        assertThat(o.publicUrl()).isEmpty();
        assertThat(o.wildcardHost()).isTrue();
    }

    @Test
    void parse_badInputs_nameTheOption() {
        assertThatThrownBy(() -> RelayOptions.parse()).hasMessageContaining("--campaign");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.resolve("missing").toString()))
                .hasMessageContaining("existing directory");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--port", "x")).hasMessageContaining("--port");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--port", "70000")).hasMessageContaining("--port");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--public-url", "ftp://x"))
                .hasMessageContaining("--public-url");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--bogus", "1")).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign")).hasMessageContaining("Missing required parameter for option '--campaign'");
    }

    @Test
    void parse_optionWithoutOrWithEmptyValue_saysWhichOptionAndValue() {
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing required parameter for option '--port'").hasMessageContaining("Usage:");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--port", ""))
                .hasMessageContaining("Invalid value for option '--port': '' is not an int")
                .message().doesNotContain("For input string");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--heartbeat-seconds", "0"))
                .hasMessageContaining("--heartbeat-seconds must be positive");
    }

    @Test
    void parse_limits_defaultToLimitsDefaultAndOptionsSetThem() {
        assertThat(RelayOptions.parse("--campaign", dir.toString()).limits()).isEqualTo(Limits.DEFAULT);
        Limits set = RelayOptions.parse("--campaign", dir.toString(), "--actions-per-minute", "5",
                "--sockets-per-seat", "2", "--observer-sockets", "50").limits();
        assertThat(set).isEqualTo(Limits.DEFAULT.withActionsPerMinute(5).withSockets(2, 50));
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--actions-per-minute", "0"))
                .hasMessageContaining("--actions-per-minute must be a positive number, got 0");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--observer-sockets"))
                .hasMessageContaining("Missing required parameter for option '--observer-sockets'");
        assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), "--sockets-per-seat", "many"))
                .hasMessageContaining("Invalid value for option '--sockets-per-seat'");
    }

    @Test
    void parse_everyOtherLimit_hasAnOptionAndMustBePositive() {
        Limits set = RelayOptions.parse("--campaign", dir.toString(), "--max-body-bytes", "1000", "--max-frame-bytes",
                "500", "--max-action-chars", "80", "--socket-queue-frames", "16", "--hello-timeout-seconds", "2").limits();
        assertThat(set).isEqualTo(new Limits(1000, 500, 80, 20, 4, 200, 16, java.time.Duration.ofSeconds(2)));
        for (String option : List.of("--max-body-bytes", "--max-frame-bytes", "--max-action-chars",
                "--socket-queue-frames", "--hello-timeout-seconds")) {
            assertThatThrownBy(() -> RelayOptions.parse("--campaign", dir.toString(), option, "0"))
                    .hasMessageContaining(option + " must be a positive number, got 0");
        }
    }

    @Test
    void read_help_givesTheUsageNamingEveryOption() {
        RelayOptions.Invocation help = RelayOptions.read("--help");
        assertThat(help).isInstanceOfSatisfying(RelayOptions.Invocation.Help.class, h -> assertThat(h.text())
                .contains("Usage: relay-daemon", "--campaign=DIR", "--host=H", "--port=N", "--public-url=URL",
                        "--heartbeat-seconds=N", "--actions-per-minute=N", "--sockets-per-seat=N", "--observer-sockets=N",
                        "--max-body-bytes=N", "--max-frame-bytes=N", "--max-action-chars=N", "--socket-queue-frames=N",
                        "--hello-timeout-seconds=N"));
        assertThat(RelayOptions.read("--campaign", dir.toString())).isInstanceOf(RelayOptions.Invocation.Run.class);
    }

    @Test
    void baseUrls_publicUrlFirstAndSpecificHostAlone() {
        RelayOptions o = RelayOptions.parse("--campaign", dir.toString(), "--host", "127.0.0.1", "--public-url",
                "https://table.example/");
        assertThat(o.publicUrl()).isEqualTo(Optional.of("https://table.example"));
        assertThat(RelayMain.baseUrls(o, 9000)).isEqualTo(List.of("https://table.example", "http://127.0.0.1:9000"));
    }

    @Test
    void read_plainCommandLines_sameOptionsAsPicocli() {
        String d = dir.toString();
        List<String[]> lines = List.of(
                new String[] {"--campaign", d},
                new String[] {"--campaign=" + d, "--port=0", "--host=127.0.0.1"},
                new String[] {"--campaign", d, "--host", "127.0.0.1", "--port", "0", "--public-url", "https://t.example/"},
                new String[] {"--port", "9000", "--campaign", d, "--heartbeat-seconds", "7", "--actions-per-minute",
                        "100000000", "--sockets-per-seat", "2", "--observer-sockets", "5000", "--max-body-bytes", "100",
                        "--max-frame-bytes", "200", "--max-action-chars", "30", "--socket-queue-frames", "4",
                        "--hello-timeout-seconds", "1"});
        for (String[] line : lines) {
            assertThat(RelayOptions.plain(line)).as(String.join(" ", line)).isPresent();
            assertThat(RelayOptions.read(line)).as(String.join(" ", line)).isEqualTo(RelayOptions.readWithPicocli(line));
        }
    }

    @Test
    void plain_anythingUnusual_isLeftToPicocli() {
        String d = dir.toString();
        List<String[]> lines = List.of(
                new String[] {}, new String[] {"--help"}, new String[] {"--version"}, new String[] {"--campaign"},
                new String[] {"--campaign", d, "--port"}, new String[] {"--campaign", d, "--port", ""},
                new String[] {"--campaign", d, "--port", "010"}, new String[] {"--campaign", d, "--port", "+80"},
                new String[] {"--campaign", d, "--port", "0x10"}, new String[] {"--campaign", d, "--port", "-1"},
                new String[] {"--campaign", d, "--port", "70000"}, new String[] {"--campaign", d, "--port", "1", "--port", "2"},
                new String[] {"--campaign", d, "--bogus", "1"}, new String[] {"--campaign", d, "extra"},
                new String[] {"@args.txt"}, new String[] {"--campaign", d, "--host", "--port"},
                new String[] {"--campaign", dir.resolve("missing").toString()},
                new String[] {"--campaign", d, "--actions-per-minute", "0"},
                new String[] {"--campaign", d, "--public-url", "ftp://x"},
                new String[] {"--campaign", d, "--heartbeat-seconds", "9999999999"});
        for (String[] line : lines) {
            assertThat(RelayOptions.plain(line)).as(String.join(" ", line)).isEmpty();
        }
    }
}
