package dm20.protocol.queue;

import dm20.protocol.testing.ChildJvm;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a process that uses the bus loads: neither Chronicle's jnr-ffi POSIX layer, nor JNA, nor JFR (each costs start
 * time and resident memory in both JVMs; docs/performance.md, Start-up). Checked in a real second JVM, because
 * Chronicle skips loading its native layers when it finds JUnit on a thread's stack, i.e. in this one.
 */
class BusFootprintTest {

    @Test
    @Timeout(60)
    void aProcessAppendingAndReadingTheBus_loadsNoJnrJnaOrJfr(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("classes.log");
        List<String> cmd = new ArrayList<>(ChildJvm.mainCommand(BusRoundTripProcess.class,
                dir.resolve("campaign").toString(), "20"));
        cmd.add(cmd.indexOf("-cp"), "-Xlog:class+load=info:file=" + log);   // after ChildJvm's -Xlog:disable
        Process child = ChildJvm.start(cmd);
        String out = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).isZero();
        assertThat(out).contains("READ 20");

        String loaded = Files.readString(log);
        // Chronicle did start, outside JUnit (so its native layers were up to be loaded), and the poller checked
        // whether to stamp hops: the test can fail.
        assertThat(loaded).contains("net.openhft.chronicle.core.Jvm ").contains("dm20.protocol.queue.Hop ");
        assertThat(loaded.lines().filter(line -> line.contains(" jnr.ffi.") || line.contains(" com.sun.jna.")
                || line.contains("net.openhft.posix.internal.jnr.") || line.contains(" jdk.jfr."))).isEmpty();
    }

    @Test
    @Timeout(30)
    void stamp_isAJfrEventNamedDm20HopWithItsTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hops.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dm20.Hop");
            recording.start();
            Hop.stamp("bus.read", 123_456_789L);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> hops = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("dm20.Hop")).toList();
        assertThat(hops).hasSize(1);
        assertThat(hops.get(0).getString("hop")).isEqualTo("bus.read");
        assertThat(hops.get(0).getLong("nanos")).isEqualTo(123_456_789L);
        assertThat(hops.get(0).getLong("threadCpu")).isPositive();
    }
}
