package dm20.protocol.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a real second JVM for cross-process tests: the same java binary, the module flags Chronicle
 * needs (taken from this JVM's own arguments) and either this JVM's class path or a runnable jar.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The java executable running this JVM. */
    public static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The JVM flags of this process that a Chronicle child needs too. */
    public static List<String> chronicleFlags() {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens") || arg.startsWith("--add-exports")
                    || arg.startsWith("--enable-native-access") || arg.startsWith("-Dchronicle.")) {
                flags.add(arg);
            }
        }
        flags.add("-Xlog:disable");
        flags.add("-Xlog:all=warning:stderr");
        return flags;
    }

    /** A command running {@code mainClass} on this JVM's class path. */
    public static List<String> mainCommand(Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(chronicleFlags());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** A command running a runnable jar; its manifest carries the module flags. */
    public static List<String> jarCommand(Path jar, List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.add("-Xlog:disable");
        cmd.add("-Xlog:all=warning:stderr");
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code command} with stderr inherited (so its logs show in the test report). */
    public static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
