package dm20.mcp.party;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay runs with one set of JVM flags, whether {@code party_start} or {@code ./dm20 relay} starts it. */
class RelayLauncherTest {

    @Test
    void jvmFlags_areTheLaunchersRelayFlags() throws IOException {
        String launcher = Files.readString(Path.of("..", "dm20"));
        List<String> launcherFlags = new ArrayList<>(array(launcher, "jvm_flags"));
        launcherFlags.addAll(array(launcher, "relay_flags"));

        assertThat(array(launcher, "relay_flags")).contains("-Xmx96m", "-XX:TrimNativeHeapInterval=1000");
        assertThat(RelayLauncher.JVM_FLAGS).containsExactlyInAnyOrderElementsOf(launcherFlags);
        assertThat(RelayLauncher.AOT_RECORD_FLAGS).containsExactlyElementsOf(array(launcher, "aot_record"));
    }

    @Test
    void hostOptions_becomeTheRelaysWords() {
        assertThat(RelayLauncher.options("")).isEmpty();
        assertThat(RelayLauncher.options("  ")).isEmpty();
        assertThat(RelayLauncher.options(" --observer-sockets 1000\t--actions-per-minute=30 --max-body-bytes  4096 "))
                .containsExactly("--observer-sockets", "1000", "--actions-per-minute", "30", "--max-body-bytes", "4096");
    }

    @Test
    void hostOptions_refuseWhatIsNotALimit_namingTheWord() {
        assertThatThrownBy(() -> RelayLauncher.options("--port 9000")).hasMessageContaining("--port is party_start's");
        assertThatThrownBy(() -> RelayLauncher.options("--public-url=http://x")).hasMessageContaining("--public-url");
        assertThatThrownBy(() -> RelayLauncher.options("--campaign /tmp/x")).hasMessageContaining("--campaign");
        assertThatThrownBy(() -> RelayLauncher.options("--host 0.0.0.0")).hasMessageContaining("--host");
        assertThatThrownBy(() -> RelayLauncher.options("--observer-sockets")).hasMessage("--observer-sockets needs a value");
        assertThatThrownBy(() -> RelayLauncher.options("--observer-sockets -1"))
                .hasMessage("--observer-sockets takes a whole number, not '-1'");
        assertThatThrownBy(() -> RelayLauncher.options("--observer-sockets 1e3")).hasMessageContaining("not '1e3'");
        assertThatThrownBy(() -> RelayLauncher.options("--observer-sockets 10000000000")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> RelayLauncher.options("--observer-sockets=")).hasMessageContaining("not ''");
        assertThatThrownBy(() -> RelayLauncher.options("1000")).hasMessageContaining("'1000' is not a relay option");
        assertThatThrownBy(() -> RelayLauncher.options("--help")).hasMessage("--help needs a value");
        assertThatThrownBy(() -> RelayLauncher.options("-p 80")).hasMessageContaining("'-p' is not a relay option");
        assertThatThrownBy(() -> RelayLauncher.options("--Observer-Sockets 3")).hasMessageContaining("not a relay option");
    }

    /** The words of {@code name=( … )} in a bash script (the array may span lines). */
    private static List<String> array(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as(name + " in ./dm20").isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }
}
