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

    /** The words of {@code name=( … )} in a bash script (the array may span lines). */
    private static List<String> array(String script, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(script);
        assertThat(m.find()).as(name + " in ./dm20").isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }
}
