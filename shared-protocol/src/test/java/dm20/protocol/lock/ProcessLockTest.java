package dm20.protocol.lock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessLockTest {

    @TempDir
    Path dir;

    @Test
    void tryAcquire_free_takesItAndWritesThePid() throws Exception {
        Path file = dir.resolve("party").resolve("dm.lock");
        try (ProcessLock lock = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(ProcessLock.holder(file)).startsWith("pid " + ProcessHandle.current().pid() + ", since ");
        }
    }

    @Test
    void tryAcquire_heldInThisProcess_isRefusedUntilClosed() throws Exception {
        Path file = dir.resolve("relay.lock");
        ProcessLock first = ProcessLock.tryAcquire(file).orElseThrow();
        assertThat(ProcessLock.tryAcquire(file)).isEmpty();
        first.close();
        try (ProcessLock again = ProcessLock.tryAcquire(file).orElseThrow()) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void tryAcquire_heldByAnotherProcess_isRefusedAndNamesIt_untilThatProcessIsKilled() throws Exception {
        Path file = dir.resolve("dm.lock");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("held");
            assertThat(ProcessLock.tryAcquire(file)).isEmpty();
            assertThat(ProcessLock.holder(file)).startsWith("pid " + holder.pid() + ", since ");

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Optional<ProcessLock> taken = ProcessLock.tryAcquire(file);
            assertThat(taken).isPresent();
            taken.get().close();
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void holder_missingOrForeignFile_isPidUnknown() throws Exception {
        assertThat(ProcessLock.holder(dir.resolve("none.lock"))).isEqualTo("pid unknown");
        Path foreign = Files.writeString(dir.resolve("odd.lock"), "something else\n");
        assertThat(ProcessLock.holder(foreign)).isEqualTo("pid unknown");
    }

    /** A second process that holds the lock until it is killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            ProcessLock lock = ProcessLock.tryAcquire(Path.of(args[0])).orElseThrow();
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            lock.close();
        }
    }
}
