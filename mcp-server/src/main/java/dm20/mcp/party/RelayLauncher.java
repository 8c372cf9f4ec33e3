package dm20.mcp.party;

import dm20.mcp.game.GameException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts the relay as a separate JVM: the same java binary as this process, {@code -jar relay-daemon.jar}
 * (whose manifest carries the JVM flags it needs), its stdout and stderr appended to
 * {@code party/relay.log} — never this process's stdout, which belongs to JSON-RPC. The host's limits for it
 * (sockets, actions a minute, sizes) come from {@value #OPTIONS_ENV}.
 */
final class RelayLauncher {

    /**
     * The relay's JVM: the serial collector (one small heap, no concurrent GC threads), C1 only (no C2
     * compiler threads competing for two cores), and sizing that bounds memory: a heap that starts at 8 MiB and
     * grows to at most 96 MiB (the relay's live data is ≈ 6 MB idle and ≈ 19 MB with 1,000 sockets), with the
     * young generation a third of it (the default ratio), so it grows with the heap under load instead of being
     * 32 MiB touched at idle, but to at most 8 MiB (the serial collector resizes it only after a full collection,
     * and one that ran with the old generation near 40 MB left a 14 MB young generation, all of it touched, under
     * an audience: 105–117 MB with 1,000 observers, 104–108 MB capped; docs/performance.md, eighth pass), and
     * survivor spaces a quarter of the young generation each ({@code SurvivorRatio=2}
     * instead of a tenth): with an audience, the frames in flight to 1,000 sockets outgrew the default survivors
     * at every young collection and were promoted, so the old generation filled with garbage and the heap grew to
     * its bound (relay ≈ 158 MB after 1,000 pushes, ≈ 109 MB with these survivors, idle unchanged); free ratios
     * 10/30 so that a full collection gives memory back after a burst.
     * Code cache and metaspace capped. The native heap trimmed every second: the compiler's arenas from start-up
     * are freed by the JVM after 5 s, but glibc keeps the pages (≈ 6 MB) until it is told to give them back; a
     * trim takes 0.2–1 ms on its own thread. Measured in docs/performance.md, section Relay; {@code relay_flags}
     * in {@code ./dm20} are these ({@code RelayLauncherTest}).
     */
    static final List<String> JVM_FLAGS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xms8m", "-Xmx96m", "-XX:MaxNewSize=8m", "-XX:SurvivorRatio=2",
            "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-XX:ReservedCodeCacheSize=32m", "-XX:MaxMetaspaceSize=96m", "-XX:TrimNativeHeapInterval=1000",
            "-Djdk.reflect.useNativeAccessorOnly=true");

    /**
     * Added when this launch records the relay's AOT cache (the launcher's training): no method profiles in it, which
     * serve only C2 (JEP 515) and cost 1.5 MB of the relay's resident set, and no call adapters: JDK 25.0.3 recorded
     * one under the wrong signature, failed to link it at every start (two warnings on the relay's stderr), and a
     * cache without them starts sooner and 0.6 MB smaller (docs/performance.md, sixth pass). {@code aot_record} in
     * {@code ./dm20}.
     */
    static final List<String> AOT_RECORD_FLAGS = List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining",
            "-XX:-AOTAdapterCaching");

    /** The host's relay limits for {@code party_start}'s relay, e.g. {@code --observer-sockets 1000} (docs/relay.md). */
    static final String OPTIONS_ENV = "DM20_RELAY_OPTIONS";
    /** The relay options {@code party_start} itself gives; {@value #OPTIONS_ENV} may not repeat them. */
    private static final List<String> SET_BY_PARTY_START = List.of("--campaign", "--host", "--port", "--public-url");

    private final Optional<Path> configuredJar;
    private final String options;

    /**
     * @param configuredJar the relay jar if set by {@code --relay-jar} or {@code DM20_RELAY_JAR}
     * @param options       {@value #OPTIONS_ENV} as the host set it (blank: none); checked at each start, so a
     *                      mistake in it is {@code party_start}'s error, not a server that will not start
     */
    RelayLauncher(Optional<Path> configuredJar, String options) {
        this.configuredJar = configuredJar;
        this.options = options;
    }

    /**
     * The relay limits in {@value #OPTIONS_ENV}: {@code --name N} or {@code --name=N} pairs, N a whole number, as
     * {@code --name N} words for the relay's command line. The relay's own parser then checks each name and
     * value (an unknown option or a value it refuses stops its start, and {@code party_start} quotes the relay's
     * error); refused here already: anything that is not such a pair, and the options {@code party_start} sets.
     *
     * @throws IllegalArgumentException naming the word that is wrong
     */
    static List<String> options(String text) {
        List<String> words = text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            int eq = word.indexOf('=');
            String name = eq < 0 ? word : word.substring(0, eq);
            if (!name.matches("--[a-z][a-z-]*")) {
                throw new IllegalArgumentException("'" + word + "' is not a relay option (--name N, e.g."
                        + " --observer-sockets 1000)");
            }
            if (SET_BY_PARTY_START.contains(name)) {
                throw new IllegalArgumentException(name + " is party_start's to set (its arguments port, host,"
                        + " public_url), not " + OPTIONS_ENV + "'s");
            }
            if (eq < 0 && i + 1 == words.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = eq < 0 ? words.get(++i) : word.substring(eq + 1);
            if (!value.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
            }
            out.add(name);
            out.add(value);
        }
        return out;
    }

    /**
     * Spawns the relay.
     *
     * @throws GameException if the jar cannot be found or the process cannot start
     */
    Process start(Path campaignDir, String host, int port, Optional<String> publicUrl) {
        List<String> limits;
        try {
            limits = options(options);
        } catch (IllegalArgumentException e) {
            throw new GameException(OPTIONS_ENV + ": " + e.getMessage());
        }
        Path jar = relayJar();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary());
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-jar", jar.toString(),
                "--campaign", campaignDir.toString(), "--host", host, "--port", Integer.toString(port)));
        if (Runtime.version().feature() >= 24) {
            // Chronicle still uses sun.misc.Unsafe; a manifest cannot carry this flag, and without it every
            // relay start prints a deprecation warning block.
            cmd.add(1, "--sun-misc-unsafe-memory-access=allow");
        }
        Optional<String> record = recordCache();
        if (record.isPresent()) {
            List<String> recording = new ArrayList<>(AOT_RECORD_FLAGS);
            recording.add("-XX:AOTCacheOutput=" + record.get());
            cmd.addAll(1, recording);
        } else {
            aotCache(jar).ifPresent(flag -> cmd.add(1, flag));
        }
        publicUrl.ifPresent(u -> cmd.addAll(List.of("--public-url", u)));
        cmd.addAll(limits);
        Path log = log(campaignDir);
        try {
            Files.createDirectories(log.getParent());
            return new ProcessBuilder(cmd)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new GameException("cannot start the relay (" + String.join(" ", cmd) + "): " + e.getMessage());
        }
    }

    /**
     * JDK 25's ahead-of-time cache roughly halves the relay's start (≈1.0 s → ≈0.45 s here): used when
     * {@code relay-daemon.aot} beside the jar is newer than the jar. The launcher ({@code ./dm20}) records it
     * in a separate, bounded training run; a live relay never records one (recording at exit spawns an
     * assembler process that could outlive the game).
     */
    static Optional<String> aotCache(Path jar) {
        Path cache = jar.resolveSibling("relay-daemon.aot");
        try {
            boolean fresh = Runtime.version().feature() >= 25 && Files.isRegularFile(cache)
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) > 0;
            return fresh ? Optional.of("-XX:AOTCache=" + cache) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Set only by the launcher's training run ({@code train_mcp} in {@code ./dm20}); see {@link #recordCache}. */
    static final String RECORD_ENV = "DM20_RELAY_AOT_OUTPUT";

    /**
     * The relay's AOT cache to record, in the launcher's training run only: {@code ./dm20} sets
     * {@value #RECORD_ENV} for its throw-away server, whose {@code party_start} then starts the relay recording
     * its cache from a real start (a session with seats folded from the outbox, the ready report, a status
     * request, the stop), which is what every later {@code party_start} does. A relay recording its cache writes
     * it when it exits (a child JVM assembles it); the training waits for that. Never set for a real game.
     */
    static Optional<String> recordCache() {
        return Optional.ofNullable(System.getenv(RECORD_ENV)).filter(p -> !p.isBlank())
                .filter(p -> Runtime.version().feature() >= 25);
    }

    /** How long the relay's log is now: where the lines of the next start will begin. */
    static long logSize(Path campaignDir) {
        try {
            return Files.size(log(campaignDir));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * The first lines the relay wrote to its log from {@code offset} on (one start's), to explain its failure: the
     * relay names what stopped it first (a refused option before its usage, an exception before its stack).
     */
    static String logSince(Path campaignDir, long offset, int lines) {
        Path log = log(campaignDir);
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            List<String> all = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            if (all.isEmpty()) {
                return "(nothing in the relay log)";
            }
            return String.join("\n", all.subList(0, Math.min(lines, all.size())))
                    + (all.size() > lines ? "\n(" + (all.size() - lines) + " more lines in " + log + ")" : "");
        } catch (IOException e) {
            return "(no relay log)";
        }
    }

    private static Path log(Path campaignDir) {
        return campaignDir.resolve("party").resolve("relay.log");
    }

    Path relayJar() {
        if (configuredJar.isPresent()) {
            if (!Files.isRegularFile(configuredJar.get())) {
                throw new GameException("the relay jar " + configuredJar.get() + " does not exist");
            }
            return configuredJar.get();
        }
        return candidates().stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new GameException(
                "cannot find relay-daemon.jar (looked at " + candidates() + "); build it with ./mvnw package or"
                        + " set DM20_RELAY_JAR"));
    }

    /** Beside our own jar, or in the source tree's relay-daemon/target when run from a checkout. */
    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        try {
            Path here = Path.of(RelayLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(here) ? here : here.getParent();
            out.add(dir.resolve("relay-daemon.jar"));
            for (Path p = dir; p != null && out.size() < 6; p = p.getParent()) {
                out.add(p.resolve("relay-daemon").resolve("target").resolve("relay-daemon.jar"));
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the working directory
        }
        out.add(Path.of("relay-daemon", "target", "relay-daemon.jar").toAbsolutePath());
        return out;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
