package dm20.mcp.bench;

import dm20.protocol.testing.HopTimes;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * On-demand Party Mode benchmark (not part of the test run; see docs/performance.md (Party Mode section)): the packaged
 * mcp-server over raw stdio JSON-RPC, the relay it spawns, and 12 phones over real HTTP and WebSockets.
 * Measures party_start cold (relay JVM start included), phone submit → already-waiting party_wait, and
 * party_resolve → resolution frame on all 12 phones. Bounded: a fixed number of runs and actions.
 *
 * <p>Arguments: {@code [server launcher (default ./dm20, run as "./dm20 mcp", which is what .mcp.json
 * starts; a path ending in .jar runs "java <-Dbench.jvm flags> -jar" instead)] [actions (default 200)]
 * [start runs (default 5)] [actions after silence (default 10)]}. The back-to-back actions follow a tenth as many
 * for warm-up, or {@code -Dbench.warmup=N}. The relay accepts 20 actions per seat per minute, so more than 240
 * back-to-back actions (warm-up included) on 12 seats make the later ones wait for the window, unless
 * {@code -Dbench.actionsPerMinute=N} gives the relay another limit (through {@code DM20_RELAY_OPTIONS}, as a host
 * would): a steady state measured over thousands of actions, after the JIT of all three JVMs has settled.
 *
 * <p>Prints each measure as it goes and, at the end, a table with the load average and steal at the start and the
 * end and the resident set (VmRSS) of both processes idle and after the run. {@code -Dbench.jfr=FILE} records
 * the server during the back-to-back actions and the reads, and the relay into FILE's name with {@code -relay} before
 * the extension (JFR, {@code settings=profile} or
 * {@code -Dbench.jfrSettings=FILE.jfc}, started with jcmd);
 * {@code -Dbench.gc=true} counts both processes' collection pauses during the back-to-back actions;
 * {@code -Dbench.soak=SECONDS} adds a run at one action a second with the RSS of both processes every minute;
 * {@code -Dbench.startAfter=SECONDS} waits that long after the table is set before the first {@code party_start};
 * {@code -Dbench.history=SESSIONS} plays that many short sessions first (each: {@code party_start}, 250 whispers and
 * 250 thinking indicators, {@code party_stop}; ≈ 530 outbox messages), so that the starts measured are those of a
 * campaign with that much history on its bus.
 */
public final class PartyBench {

    private static final int PHONES = 12;
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    /** {@code -Dbench.hops=true}: both processes stamp their hops ({@code dm20.Hop}), broken down after the warm run. */
    private static final boolean HOPS = Boolean.getBoolean("bench.hops");
    /** {@code -Dbench.gc=true}: both processes log their collections (jcmd VM.log) during the warm run; counted after it. */
    private static final boolean GC = Boolean.getBoolean("bench.gc");
    /** {@code -Dbench.gcWhat=what=gc,safepoint}: what those logs hold (the files stay beside the campaign). */
    private static final String GC_WHAT = System.getProperty("bench.gcWhat", "what=gc");

    private final StdioRpc rpc;
    private final ProcessHandle server;
    private final Path campaignDir;

    private PartyBench(StdioRpc rpc, ProcessHandle server, Path campaignDir) {
        this.rpc = rpc;
        this.server = server;
        this.campaignDir = campaignDir;
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "dm20").toAbsolutePath();
        int actions = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int starts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int quiet = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        Path root = Files.createTempDirectory("party-bench");
        List<String> command = serverCommand(launcher, root);
        Machine.Snapshot begin = Machine.snapshot();
        String startState = Machine.describeNow(1000);
        System.out.printf("machine: %d cores; start: %s; java %s; server: %s%n",
                Runtime.getRuntime().availableProcessors(), startState, Runtime.version(), command);
        Path relayJar = launcher.resolveSibling("relay-daemon").resolve("target").resolve("relay-daemon.jar");
        System.out.printf("relay AOT cache: %s%n", relayAot(relayJar));
        ProcessBuilder serverBuilder = new ProcessBuilder(command).redirectError(root.resolve("mcp-server.err").toFile());
        if (HOPS) {   // the relay inherits it; each JVM notes "Picked up JAVA_TOOL_OPTIONS" on its stderr
            serverBuilder.environment().put("JAVA_TOOL_OPTIONS", "-Ddm20.hops=true");
        }
        if (Integer.getInteger("bench.actionsPerMinute") != null) {
            serverBuilder.environment().put("DM20_RELAY_OPTIONS",
                    "--actions-per-minute " + Integer.getInteger("bench.actionsPerMinute"));
        }
        Process server = serverBuilder.start();
        PartyBench bench = null;
        try (StdioRpc rpc = new StdioRpc(server)) {
            bench = new PartyBench(rpc, javaOf(server.toHandle()), root.resolve("bench"));
            bench.table();
            int history = Integer.getInteger("bench.history", 0);
            if (history > 0) {
                bench.history(history);
            }
            bench.coldStarts(starts);
            bench.latencies(actions, quiet);
        } finally {
            relayProcess(root.resolve("bench")).ifPresent(ProcessHandle::destroyForcibly);
            System.out.printf("%nstart: %s%nend:   %s (steal over the whole run)%nserver log: %s%n", startState,
                    Machine.snapshot().describe(begin), root.resolve("mcp-server.err"));
            if (bench != null) {
                bench.printTable();
            }
        }
    }

    /** The server's java process: the launcher execs java, so normally the process itself. */
    private static ProcessHandle javaOf(ProcessHandle p) {
        return p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst().orElse(p);
    }

    private final List<String> rows = new ArrayList<>();

    private void row(String what, String value) {
        rows.add("| %s | %s |".formatted(what, value));
    }

    private void printTable() {
        System.out.println();
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        rows.forEach(System.out::println);
    }

    private static String rss(Optional<ProcessHandle> p) {
        return p.map(h -> "%.1f MB".formatted(Machine.rssMegabytes(h.pid()))).orElse("gone");
    }

    /** Whether party_start's relay starts from an AOT cache (RelayLauncher uses one newer than the jar). */
    private static String relayAot(Path relayJar) throws java.io.IOException {
        Path cache = relayJar.resolveSibling("relay-daemon.aot");
        if (!Files.isRegularFile(relayJar)) {
            return "unknown (no " + relayJar + ")";
        }
        return Files.isRegularFile(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(relayJar)) > 0
                ? "fresh, used" : "missing or stale: the first relay start records it";
    }

    private static List<String> serverCommand(Path launcher, Path root) {
        if (!launcher.toString().endsWith(".jar")) {
            return List.of(launcher.toString(), "mcp", "--campaign-root", root.toString());
        }
        String flags = System.getProperty("bench.jvm", "-Xlog:disable -Xlog:all=warning:stderr -XX:+UseSerialGC"
                + " -XX:TieredStopAtLevel=1 --sun-misc-unsafe-memory-access=allow");
        return concat(List.of(JAVA), List.of(flags.split(" ")), List.of("-jar", launcher.toString(), "--campaign-root",
                root.toString()));
    }

    /** A campaign with 12 characters, each owned by its own player. */
    private void table() throws Exception {
        rpc.call("create_campaign", Map.of("name", "Bench"));
        for (int i = 1; i <= PHONES; i++) {
            rpc.call("create_character", Map.of("name", "Hero%02d".formatted(i), "class", "Fighter", "level", 3,
                    "player", "Player%02d".formatted(i)));
        }
    }

    /** Sessions of history on the bus, each a party_start, 500 tool calls that publish, and a party_stop. */
    private void history(int sessions) throws Exception {
        long t0 = System.nanoTime();
        for (int s = 0; s < sessions; s++) {
            rpc.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
            for (int k = 0; k < 250; k++) {
                rpc.call("party_whisper", Map.of("players", List.of("Player%02d".formatted(k % PHONES + 1)),
                        "text", "The torchlight flickers as you step into hall %d; something moves beyond the pillars."
                                .formatted(k)));
                rpc.call("party_thinking", Map.of("thinking", k % 2 == 0, "label", "planning"));
            }
            rpc.call("party_stop", Map.of());
            awaitRelayGone();
        }
        System.out.printf("history: %d sessions in %.1f s%n", sessions, (System.nanoTime() - t0) / 1e9);
        row("history on the bus before the starts", sessions + " sessions of ≈ 530 outbox messages each");
    }

    /** party_start → relay ready, each from a stopped relay; the first run also opens the bus in this server. */
    private void coldStarts(int runs) throws Exception {
        // -Dbench.startAfter=SECONDS: let the server sit that long first, as it does while a DM sets up before Party
        // Mode (its background preparation then has run); 0, the default, is the worst case: straight after start.
        long after = Long.getLong("bench.startAfter", 0);
        if (after > 0) {
            Thread.sleep(after * 1000);
        }
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            rpc.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
            t[i] = System.nanoTime() - t0;
            rpc.call("party_stop", Map.of());
            awaitRelayGone();
        }
        String each = Arrays.toString(Arrays.stream(t).map(n -> n / 1_000_000).toArray());
        System.out.printf("party_start cold (ms, run by run): %s%n", each);
        String first = Integer.getInteger("bench.history", 0) > 0 ? "all after the history" : "first in a fresh server";
        row("party_start → relay ready, run by run (" + first + (after > 0 ? ", up " + after + " s" : "") + ")",
                each + " ms");
    }

    /** The three latencies on a table of 12 connected phones: warm (back to back), then after silences. */
    private void latencies(int actions, int quiet) throws Exception {
        JsonNode started = rpc.call("party_start", Map.of("port", 0, "host", "127.0.0.1"));
        Thread.sleep(2000);
        row("RSS idle (relay up, no phone yet): mcp-server / relay", rss(Optional.of(server)) + " / "
                + rss(relayProcess(campaignDir)));
        BenchPhone.Arrivals arrivals = new BenchPhone.Arrivals();
        List<BenchPhone> phones = new ArrayList<>();
        PhoneHub hub = new PhoneHub();
        try {
            for (JsonNode seat : started.path("seats")) {
                if (seat.path("role").asString().equals("PLAYER")) {
                    phones.add(BenchPhone.join(hub, seat.path("url").asString(), arrivals));
                }
            }
            if (phones.size() != PHONES) {
                throw new IllegalStateException("expected " + PHONES + " player seats, got " + started.path("seats"));
            }
            String jfr = System.getProperty("bench.jfr", "");
            if (!jfr.isEmpty()) {   // with jcmd: a recording started by a flag prints on the server's stdout
                jcmd(server.pid(), "JFR.start", "name=bench", "settings=" + System.getProperty("bench.jfrSettings", "profile"),
                        "filename=" + Path.of(jfr).toAbsolutePath());
                jcmd(relayProcess(campaignDir).orElseThrow().pid(), "JFR.start", "name=bench",
                        "settings=" + System.getProperty("bench.jfrSettings", "profile"),
                        "filename=" + relayRecording(Path.of(jfr).toAbsolutePath()));
            }
            if (HOPS) {   // started by jcmd: a recording started by a flag would print on the server's stdout
                jcmd(server.pid(), "JFR.start", "name=hops", "settings=none");
                jcmd(relayProcess(campaignDir).orElseThrow().pid(), "JFR.start", "name=hops", "settings=none");
            }
            if (GC) {   // both processes run with -Xlog:disable; a runtime output is still allowed
                jcmd(server.pid(), "VM.log", "output=file=" + campaignDir.resolveSibling("gc-mcp.log"), GC_WHAT);
                jcmd(relayProcess(campaignDir).orElseThrow().pid(), "VM.log",
                        "output=file=" + campaignDir.resolveSibling("gc-relay.log"), GC_WHAT);
            }
            warm(phones, arrivals, actions);
            if (GC) {
                row("GC pauses during the warm run: mcp-server / relay", pauses(campaignDir.resolveSibling("gc-mcp.log"))
                        + " / " + pauses(campaignDir.resolveSibling("gc-relay.log")));
            }
            reads(200);
            if (!jfr.isEmpty()) {
                jcmd(server.pid(), "JFR.stop", "name=bench");
                jcmd(relayProcess(campaignDir).orElseThrow().pid(), "JFR.stop", "name=bench");
            }
            row("RSS after the warm run: mcp-server / relay", rss(Optional.of(server)) + " / " + rss(relayProcess(campaignDir)));
            idle(relayProcess(campaignDir).orElseThrow());
            soak(phones, arrivals, Integer.getInteger("bench.soak", 0));
            afterSilence(phones, arrivals, quiet);
        } finally {
            for (BenchPhone p : phones) {
                p.close();
            }
            hub.close();
        }
        rpc.call("party_stop", Map.of());
        row("RSS after the whole run (party stopped): mcp-server", rss(Optional.of(server)));
    }

    /**
     * A long run at a table's pace, for memory: one action a second (submit, wait, resolve) and a party_status,
     * with the RSS of both processes every minute. Skipped when {@code seconds} is 0.
     */
    private void soak(List<BenchPhone> phones, BenchPhone.Arrivals arrivals, int seconds) throws Exception {
        if (seconds <= 0) {
            return;
        }
        List<String> series = new ArrayList<>();
        long start = System.nanoTime();
        long nextSample = start;
        for (int i = 0; System.nanoTime() - start < seconds * 1_000_000_000L; i++) {
            if (System.nanoTime() >= nextSample) {
                series.add("%d min: %s / %s".formatted((System.nanoTime() - start) / 60_000_000_000L,
                        rss(Optional.of(server)), rss(relayProcess(campaignDir))));
                System.out.println("soak RSS " + series.getLast());
                nextSample += 60_000_000_000L;
            }
            oneAction(phones.get(i % PHONES), arrivals, "soak action " + i);
            rpc.call("party_status", Map.of());
            Thread.sleep(1000);
        }
        series.add("end: %s / %s".formatted(rss(Optional.of(server)), rss(relayProcess(campaignDir))));
        row("RSS during a %d s run at one action a second: mcp-server / relay".formatted(seconds), String.join("; ", series));
    }

    /** party_status and party_next (none pending) one at a time, with 12 phones connected. */
    private void reads(int calls) throws Exception {
        for (String tool : List.of("party_status", "party_next")) {
            long[] t = new long[calls];
            for (int i = -calls / 4; i < calls; i++) {
                long t0 = System.nanoTime();
                StdioRpc.Reply r = rpc.tool(tool, Map.of()).get(60, TimeUnit.SECONDS);
                JsonNode answer = r.tool();
                if (tool.equals("party_status") && !answer.path("relay").asString().equals("up")) {
                    throw new IllegalStateException("party_status says the relay is not up: " + answer);
                }
                if (i >= 0) {
                    t[i] = r.arrivedNanos() - t0;
                }
            }
            report(tool + " (stdio round trip, 12 phones connected)", t);
        }
    }

    /** "N (max X ms, total Y ms)" from a {@code -Xlog:gc} file's "Pause" lines so far. */
    private static String pauses(Path log) throws IOException {
        java.util.regex.Pattern ms = java.util.regex.Pattern.compile("Pause.* ([0-9.]+)ms$");
        double max = 0;
        double total = 0;
        int n = 0;
        for (String line : Files.readAllLines(log)) {
            java.util.regex.Matcher m = ms.matcher(line);
            if (m.find()) {
                double t = Double.parseDouble(m.group(1));
                max = Math.max(max, t);
                total += t;
                n++;
            }
        }
        return "%d (max %.2f ms, total %.1f ms)".formatted(n, max, total);
    }

    private static void jcmd(long pid, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(JAVA).resolveSibling("jcmd").toString(), Long.toString(pid)));
        cmd.addAll(List.of(args));
        new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** Actions back to back, round robin over the phones, after a tenth as many for warm-up (or bench.warmup). */
    private void warm(List<BenchPhone> phones, BenchPhone.Arrivals arrivals, int actions) throws Exception {
        int warmUp = Integer.getInteger("bench.warmup", actions / 10);
        ProcessHandle relay = relayProcess(campaignDir).orElseThrow();
        long[] cpu = new long[4];
        long[] waited = new long[3];
        long[][] samples = new long[7][actions];
        for (int i = -warmUp; i < actions; i++) {
            if (i == 0) {   // the counters cover the measured actions only
                cpu = new long[] {cpuNanos(server), cpuNanos(relay), cpuNanos(ProcessHandle.current()), System.nanoTime()};
                waited = new long[] {Machine.runQueueNanos(server.pid()), Machine.runQueueNanos(relay.pid()),
                    Machine.runQueueNanos(ProcessHandle.current().pid())};
            }
            long[] one = oneAction(phones.get(Math.floorMod(i, PHONES)), arrivals, "bench action " + i);
            for (int k = 0; i >= 0 && k < samples.length; k++) {
                samples[k][i] = one[k];
            }
        }
        long wall = System.nanoTime() - cpu[3];
        String share = "mcp-server %.0f %%, relay %.0f %%, bench (client + 12 phones) %.0f %%".formatted(
                100.0 * (cpuNanos(server) - cpu[0]) / wall, 100.0 * (cpuNanos(relay) - cpu[1]) / wall,
                100.0 * (cpuNanos(ProcessHandle.current()) - cpu[2]) / wall);
        System.out.println("CPU used while measuring (share of one core): " + share);
        row("CPU while back to back (share of one core)", share);
        row("mcp-server CPU per action (wait + resolve, µs)", "%.0f".formatted((cpuNanos(server) - cpu[0]) / 1e3 / actions));
        // runnable but not running: the threads' time in the kernel's run queue, per action (all of an action, not
        // only its resolve), from /proc/<pid>/task/*/schedstat
        String queued = "mcp-server %.0f, relay %.0f, bench %.0f µs".formatted(
                (Machine.runQueueNanos(server.pid()) - waited[0]) / 1e3 / actions,
                (Machine.runQueueNanos(relay.pid()) - waited[1]) / 1e3 / actions,
                (Machine.runQueueNanos(ProcessHandle.current().pid()) - waited[2]) / 1e3 / actions);
        System.out.println("waiting for a CPU per action: " + queued);
        row("threads runnable, waiting for a CPU, per action", queued);
        report("phone POST /action → party_wait returns it", samples[0]);
        report("  (phone POST /action → 202, for comparison)", samples[3]);
        report("  (phone GET /status → 200, HTTP alone)", samples[4]);
        report("party_resolve call (stdio round trip)", samples[1]);
        report("party_resolve → resolution on all 12 phones", samples[2]);
        report("  (party_resolve → resolution on the first phone)", samples[5]);
        if (HOPS) {
            hops(samples[6], samples[5], samples[2]);
        }
    }

    /**
     * With {@code -Dbench.hops=true}: the median time from {@code party_resolve} written to each hop of the server
     * ({@code mcp:}) and the relay ({@code relay:}), from their JFR recordings' {@code dm20.Hop} events, beside the
     * phones' first bytes. Only the hops between one resolve and the next action's are counted.
     */
    private void hops(long[] resolving, long[] firstPhone, long[] lastPhone) throws Exception {
        Path mcp = campaignDir.resolveSibling("hops-mcp.jfr");
        Path relay = campaignDir.resolveSibling("hops-relay.jfr");
        jcmd(server.pid(), "JFR.dump", "name=hops", "filename=" + mcp);
        jcmd(relayProcess(campaignDir).orElseThrow().pid(), "JFR.dump", "name=hops", "filename=" + relay);
        HopTimes times = HopTimes.read(Map.of("mcp:", mcp, "relay:", relay));
        List<String> order = List.of("mcp:mcp.read", "mcp:mcp.parsed", "mcp:tool.call", "mcp:party.resolve",
                "mcp:bus.encoded", "mcp:bus.committed", "mcp:bus.rang", "mcp:bus.mirrored", "mcp:tool.done",
                "mcp:mcp.send", "mcp:mcp.written", "relay:bus.woke-rang", "relay:bus.entry", "relay:bus.read",
                "relay:table.locked", "relay:table.fanned", "relay:bus.handled", "relay:ws.taken", "relay:ws.written");
        long[] ends = new long[resolving.length];   // a socket's hops after its frame reached the last phone are the next action's
        for (int i = 0; i < ends.length; i++) {
            ends[i] = resolving[i] + lastPhone[i];
        }
        String previous = null;
        for (String hop : order) {
            long first = HopTimes.median(times.since(hop, resolving, ends, false));
            if (first < 0) {
                continue;
            }
            String v = "%.0f µs".formatted(first / 1e3);
            if (hop.startsWith("relay:ws.")) {
                v += " / last %.0f µs".formatted(HopTimes.median(times.since(hop, resolving, ends, true)) / 1e3);
            }
            if (previous != null && hop.startsWith(previous.substring(0, previous.indexOf(':')))) {
                long[] a = times.threadCpu(previous, resolving, ends);
                long[] b = times.threadCpu(hop, resolving, ends);
                long[] d = new long[a.length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = a[i] < 0 || b[i] < 0 ? -1 : b[i] - a[i];
                }
                long cpu = HopTimes.median(d);   // -1 where a virtual thread stamped (no CPU time of its own)
                long[] x = times.threadAllocated(previous, resolving, ends);
                long[] y = times.threadAllocated(hop, resolving, ends);
                for (int i = 0; i < d.length; i++) {
                    d[i] = x[i] < 0 || y[i] < 0 ? -1 : y[i] - x[i];
                }
                long bytes = HopTimes.median(d);
                if (cpu >= 0) {
                    v += " (thread since the hop before: CPU %.0f µs, allocated %.1f KB)".formatted(cpu / 1e3, bytes / 1e3);
                }
            }
            previous = hop;
            System.out.printf("hop %-24s %s%n", hop, v);
            row("hops, resolve written → " + hop + ", p50", v);
        }
        String phones = "%.0f / last %.0f µs".formatted(HopTimes.median(firstPhone) / 1e3, HopTimes.median(lastPhone) / 1e3);
        System.out.printf("hop %-24s %s%n", "phones' first byte", phones);
        row("hops, resolve written → phones' first byte, p50", phones);
        // the tail: the slowest resolves hop by hop (µs since written), to see which step made them slow
        Integer[] slowest = new Integer[lastPhone.length];
        Arrays.setAll(slowest, i -> i);
        Arrays.sort(slowest, (x, y) -> Long.compare(lastPhone[y], lastPhone[x]));
        for (int k = 0; k < Math.min(4, slowest.length); k++) {
            int i = slowest[k];
            StringBuilder line = new StringBuilder("slow resolve: last phone %.0f, first %.0f µs;".formatted(
                    lastPhone[i] / 1e3, firstPhone[i] / 1e3));
            for (String hop : order) {
                long t = times.since(hop, new long[] {resolving[i]}, new long[] {ends[i]}, hop.startsWith("relay:ws."))[0];
                if (t >= 0) {
                    line.append(" %s %.0f".formatted(hop.substring(hop.indexOf(':') + 1), t / 1e3));
                }
            }
            System.out.println(line);
        }
    }

    /**
     * The CPU both processes use with a party open, 12 phones connected and nothing happening (a table between
     * actions, most of an evening): over 5 s, a second after the last call.
     */
    private void idle(ProcessHandle relay) throws InterruptedException {
        Thread.sleep(1000);
        long[] before = {Machine.runNanos(server.pid()), Machine.runNanos(relay.pid()), System.nanoTime()};
        Thread.sleep(5000);
        double seconds = (System.nanoTime() - before[2]) / 1e9;
        String cpu = "mcp-server %.0f, relay %.0f µs of CPU per second".formatted(
                (Machine.runNanos(server.pid()) - before[0]) / 1e3 / seconds,
                (Machine.runNanos(relay.pid()) - before[1]) / 1e3 / seconds);
        System.out.println("idle, a party open: " + cpu);
        row("idle with a party open and 12 phones connected (5 s)", cpu);
    }

    /** Actions at a human pace: each after 6 s of silence, when both bus pollers have backed off. */
    private void afterSilence(List<BenchPhone> phones, BenchPhone.Arrivals arrivals, int count) throws Exception {
        long[][] samples = new long[2][count];
        for (int i = 0; i < count; i++) {
            Thread.sleep(6000);
            long[] one = oneAction(phones.get(i % PHONES), arrivals, "quiet action " + i);
            samples[0][i] = one[0];
            samples[1][i] = one[2];
        }
        if (count > 0) {
            report("after 6 s silence: POST → party_wait returns it", samples[0]);
            report("after 6 s silence: party_resolve → all 12 phones", samples[1]);
        }
    }

    /**
     * One action: a waiting party_wait, the phone's POST, then party_resolve.
     *
     * @return nanos for {submit → wait returned, resolve round trip, resolve → last phone's frame, submit → 202,
     *         GET /status round trip, resolve → first phone's frame}
     */
    private long[] oneAction(BenchPhone phone, BenchPhone.Arrivals arrivals, String text) throws Exception {
        CompletableFuture<StdioRpc.Reply> waiting = rpc.tool("party_wait", Map.of("timeout_seconds", 60));
        long probe = System.nanoTime();
        phone.status();
        long probed = System.nanoTime() - probe;
        Thread.sleep(30); // let the server block in the wait before the phone submits
        long submitted;
        long answered;
        KeepAliveHttp.Response accepted;
        do {
            submitted = System.nanoTime();
            accepted = phone.act(text);
            answered = System.nanoTime();
            if (accepted.statusCode() == 429) {
                Thread.sleep(1000); // the relay's 20 actions per seat per minute: wait for the window
            }
        } while (accepted.statusCode() == 429);
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("submit refused: " + accepted.statusCode() + " " + accepted.body());
        }
        StdioRpc.Reply claimed = waiting.get(60, TimeUnit.SECONDS);
        String id = claimed.tool().path("actionId").asString();
        if (!accepted.body().contains(id)) {
            throw new IllegalStateException("party_wait returned " + id + " but the phone queued " + accepted.body());
        }
        arrivals.expect(id, PHONES);
        CompletableFuture<StdioRpc.Reply> answer = rpc.tool("party_resolve", Map.of("action_id", id, "narrative", "Done: " + text));
        long resolving = rpc.lastWriteNanos();   // this thread is the only writer here
        long[] phones = arrivals.awaitAll(id);   // the answer is checked after: nothing of the harness's runs meanwhile
        StdioRpc.Reply resolved = answer.get(60, TimeUnit.SECONDS);
        resolved.tool();
        return new long[] {claimed.arrivedNanos() - submitted, resolved.arrivedNanos() - resolving, phones[1] - resolving,
            answered - submitted, probed, phones[0] - resolving, resolving};
    }

    private void awaitRelayGone() throws Exception {
        var relay = relayProcess(campaignDir);
        if (relay.isPresent()) {
            relay.get().onExit().get(10, TimeUnit.SECONDS);
        }
    }

    /** {@code x.jfr} → {@code x-relay.jfr}: where the relay's recording goes beside the server's. */
    static Path relayRecording(Path server) {
        String name = server.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return server.resolveSibling(dot < 0 ? name + "-relay" : name.substring(0, dot) + "-relay" + name.substring(dot));
    }

    private static java.util.Optional<ProcessHandle> relayProcess(Path campaignDir) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("relay-daemon.jar"))
                .filter(p -> p.info().commandLine().orElse("").contains(campaignDir.toString())).findFirst();
    }

    private static long cpuNanos(ProcessHandle p) {
        return Machine.cpuNanos(p);
    }

    private void report(String what, long[] nanos) {
        long[] t = nanos.clone();
        Arrays.sort(t);
        int n = t.length;
        String v = "p50 %.2f ms, p99 %.2f ms, max %.2f ms (n = %d)".formatted(t[n / 2] / 1e6,
                t[Math.max(0, (int) Math.ceil(n * 0.99) - 1)] / 1e6, t[n - 1] / 1e6, n);
        System.out.printf("%-50s %s%n", what, v);
        row(what.strip(), v);
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
