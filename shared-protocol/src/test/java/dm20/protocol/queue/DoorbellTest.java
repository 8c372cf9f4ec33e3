package dm20.protocol.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DoorbellTest {

    @TempDir
    Path dir;

    @Test
    void ring_registeredReader_endsItsWaitWithTrue() throws Exception {
        Path queue = dir.resolve("outbox");
        try (Doorbell bell = Doorbell.listen(queue); Doorbell.Ringer ringer = new Doorbell.Ringer(queue)) {
            ringer.ring();
            ringer.ring();

            assertThat(bell.await(30_000)).isTrue();
            assertThat(bell.rings()).isEqualTo(1);   // two rings waiting are taken as one
            assertThat(bell.drain()).isFalse();
        }
    }

    @Test
    void ring_readerRegisteredAfterTheWriterListed_isRungWithinTheRelistTime() throws Exception {
        Path queue = dir.resolve("outbox");
        try (Doorbell.Ringer ringer = new Doorbell.Ringer(queue)) {
            ringer.ring();   // lists: nobody yet (no bell directory)
            try (Doorbell bell = Doorbell.listen(queue)) {
                long registered = System.nanoTime();
                long deadline = registered + 30_000_000_000L;
                boolean heard = false;
                while (!heard && System.nanoTime() < deadline) {
                    ringer.ring();   // a writer appending every 2 ms
                    heard = bell.await(2);
                }

                assertThat(heard).as("rung after the writer listed the directory again").isTrue();
            }
        }
    }

    @Test
    void await_noRing_isFalseAfterTheTimeout() throws Exception {
        try (Doorbell bell = Doorbell.listen(dir.resolve("outbox"))) {
            assertThat(bell.await(20)).isFalse();
            assertThat(bell.rings()).isZero();
        }
    }

    @Test
    void ring_noReaderListening_doesNothingAndDoesNotFail() {
        try (Doorbell.Ringer ringer = new Doorbell.Ringer(dir.resolve("outbox"))) {
            ringer.ring();
        }
        assertThat(Doorbell.bellDirectory(dir.resolve("outbox"))).doesNotExist();
    }

    @Test
    void close_removesTheRegistration() throws Exception {
        Path bells = Doorbell.bellDirectory(dir.resolve("outbox"));
        Doorbell bell = Doorbell.listen(dir.resolve("outbox"));
        assertThat(Files.list(bells).count()).isEqualTo(1);

        bell.close();

        assertThat(Files.list(bells).count()).isZero();
    }

    @Test
    void listen_registrationOfAGoneReader_isRemoved() throws Exception {
        Path bells = Files.createDirectories(Doorbell.bellDirectory(dir.resolve("outbox")));
        int freePort;
        try (DatagramChannel c = DatagramChannel.open()) {
            c.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            freePort = ((InetSocketAddress) c.getLocalAddress()).getPort();
        }
        Files.createFile(bells.resolve(Integer.toString(freePort)));
        Files.createFile(bells.resolve("not-a-port"));

        try (Doorbell bell = Doorbell.listen(dir.resolve("outbox"))) {
            assertThat(bells.resolve(Integer.toString(freePort))).doesNotExist();
            assertThat(bells.resolve("not-a-port")).exists();
        }
    }
}
