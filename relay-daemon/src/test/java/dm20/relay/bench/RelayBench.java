package dm20.relay.bench;

import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.BusPoller;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import dm20.protocol.testing.HopTimes;
import dm20.protocol.testing.RawWs;
import dm20.relay.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay's load harness (on demand, not a test): spawns the packaged relay jar as its own process on a
 * fresh campaign (a session with the fixture seats: p1..p4 players, {@code tv} observer), writes the outbox
 * from this JVM like the mcp-server does, and drives the relay over real loopback sockets:
 * <ol>
 *   <li><b>idle</b>: relay RSS (VmRSS) 5 s after it reported ready;</li>
 *   <li><b>fanout12</b>: 12 player sockets (p1..p4 × 3); per push, outbox append → the frame's arrival at the
 *       first and the last socket (client stamps before parsing);</li>
 *   <li><b>audience</b>: N observer sockets on the one {@code tv} link (default 1,000), connected all at once
 *       (time until every {@code welcome} arrived), then P pushes (default 200): append → arrival at all N;
 *       relay RSS after;</li>
 *   <li><b>post</b>: 4 players in a closed loop of {@code POST /action} on kept-alive connections (the 202
 *       comes after the durable, msync'ed inbox append): actions/s and latency percentiles; RSS after. The inbox
 *       is tailed meanwhile as the mcp-server tails it, and every action answered 202 must be in it.</li>
 * </ol>
 * Every row carries the 1-minute load average and the CPU steal share while it was measured. With
 * {@code soak=MINUTES} it repeats audience + a rate-limited POST run for that long and samples RSS every
 * 10 s. Usage (key=value, all optional):
 * <pre>jar=relay-daemon/target/relay-daemon.jar jvm="-XX:+UseSerialGC ..." aot=auto|off observers=1000
 * pushes=200 pushes12=200 gapMs=20 postWarm=3 postSeconds=10 inboxReader=on|off phases=idle,fanout12,audience,post soak=0 hops=off</pre>
 * {@code hops=on} starts the relay with {@code -Ddm20.hops=true} and a JFR recording of its {@code dm20.Hop} events
 * (shared-protocol's {@code queue.Hop}); after fanout12 it prints, per hop, the median time from the append call to
 * that hop, the outbox poller's wall and CPU time per step, and this harness's own CPU per append. A relay jar
 * without the events (an older build) simply shows no relay hops.
 */
public final class RelayBench {

    /**
     * The JVM flags mcp-server's {@code RelayLauncher} passes (keep in step with it), without the AOT cache,
     * which {@code aot=auto} adds when {@code relay-daemon.aot} is fresh, as the launcher does.
     */
    static final String DEFAULT_JVM = "-Xlog:disable -Xlog:all=warning:stderr --sun-misc-unsafe-memory-access=allow"
            + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms8m -Xmx96m -XX:MaxNewSize=8m -XX:SurvivorRatio=2"
            + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m"
            + " -XX:TrimNativeHeapInterval=1000 -Djdk.reflect.useNativeAccessorOnly=true";

    private final Map<String, String> opt;
    private final PartyBus bus;
    private final List<String[]> rows = new ArrayList<>();
    private final AtomicLong pushIds = new AtomicLong();
    private Process relay;
    private int port;

    private RelayBench(Map<String, String> opt, PartyBus bus) {
        this.opt = opt;
        this.bus = bus;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("arguments are key=value, got " + a);
            }
            opt.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Path dir = Files.createTempDirectory("relay-bench");
        try (PartyBus bus = PartyBus.open(dir)) {
            RelayBench bench = new RelayBench(opt, bus);
            try {
                bench.run(dir);
            } finally {
                bench.stop();
            }
        }
    }

    private void run(Path dir) throws Exception {
        bus.outboxWriter().append(new OutboxMessage.SessionOpened("bench-epoch", "Bench", Fixtures.T0));
        Fixtures.seatMessages().forEach(bus.outboxWriter()::append);
        start(dir);
        List<String> phases = List.of(opt.getOrDefault("phases", "idle,fanout12,audience,post").split(","));
        int soak = Integer.parseInt(opt.getOrDefault("soak", "0"));
        if (soak > 0) {
            soak(soak);
        } else {
            for (String phase : phases) {
                switch (phase) {
                    case "idle" -> idle();
                    case "fanout12" -> fanout12();
                    case "audience" -> audience(Integer.parseInt(opt.getOrDefault("observers", "1000")),
                            Integer.parseInt(opt.getOrDefault("pushes", "200")), true);
                    case "post" -> post(Integer.parseInt(opt.getOrDefault("postWarm", "3")),
                            Integer.parseInt(opt.getOrDefault("postSeconds", "10")), 0);
                    default -> throw new IllegalArgumentException("unknown phase " + phase);
                }
            }
        }
        row("relay CPU time, whole run", String.format(Locale.ROOT, "%.2f s", Machine.cpuSeconds(relay.pid())), "",
                Machine.sample(), Machine.sample());
        print();
    }

    // ---------------------------------------------------------------------------------------------- relay

    private void start(Path dir) throws IOException {
        Path jar = Path.of(opt.getOrDefault("jar", "relay-daemon/target/relay-daemon.jar")).toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.addAll(Arrays.asList(opt.getOrDefault("jvm", DEFAULT_JVM).trim().split("\\s+")));
        if (hops()) {
            // the relay stamps each hop of a push as a JFR event (dm20.protocol.queue.Hop); dumped after fanout12
            cmd.add("-Ddm20.hops=true");
            cmd.add("-XX:StartFlightRecording=name=hops,settings=none,filename=" + dir.resolve("hops.jfr"));
        }
        Path aot = jar.resolveSibling("relay-daemon.aot");
        if (!"off".equals(opt.getOrDefault("aot", "auto")) && Files.isRegularFile(aot)
                && Files.getLastModifiedTime(aot).compareTo(Files.getLastModifiedTime(jar)) > 0) {
            cmd.add("-XX:AOTCache=" + aot);
        }
        cmd.addAll(List.of("-jar", jar.toString(), "--campaign", dir.toString(), "--host", "127.0.0.1", "--port", "0",
                "--actions-per-minute", opt.getOrDefault("actionsPerMinute", "100000000"),
                "--observer-sockets", opt.getOrDefault("observerCap", "5000")));
        System.err.println("relay: " + String.join(" ", cmd));
        try (BusReader<InboxMessage> inbox = bus.inboxReader(Optional.empty())) {
            inbox.toEnd();
            relay = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("relay.log").toFile()).start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < end && port == 0) {
                Optional<Envelope<InboxMessage>> e = inbox.next();
                if (e.isPresent() && e.get().message() instanceof InboxMessage.RelayStarted s) {
                    port = s.port();
                } else if (e.isPresent() && e.get().message() instanceof InboxMessage.RelayFailed f) {
                    throw new IllegalStateException("relay failed: " + f.reason());
                } else if (e.isEmpty()) {
                    sleep(5);
                }
            }
        }
        if (port == 0) {
            throw new IllegalStateException("relay did not start; see " + dir.resolve("relay.log"));
        }
        System.err.println("relay pid " + relay.pid() + " on port " + port);
    }

    private void stop() {
        if (relay != null) {
            relay.destroy();
            try {
                if (!relay.waitFor(10, TimeUnit.SECONDS)) {
                    relay.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean hops() {
        return "on".equals(opt.getOrDefault("hops", "off"));
    }

    private String breakdown() {
        StringBuilder s = new StringBuilder();
        Machine.rssByKind(relay.pid()).forEach((k, v) -> s.append(String.format(Locale.ROOT, "%s %.1f MB; ", k, v)));
        return s.toString();
    }

    private double rss() {
        return Machine.rssMb(relay.pid());
    }

    // --------------------------------------------------------------------------------------------- phases

    private void idle() {
        Machine.Sample a = Machine.sample();
        sleep(5000);
        row("relay RSS idle (5 s after ready)", mb(rss()), "≤ 64 MB", a, Machine.sample());
        System.err.println("idle RSS by mapping: " + breakdown());
        // The JVM frees the JIT's start-up arenas on a 5 s schedule from its own start, and the native heap is
        // trimmed a second after that: 5 s after the ready line falls either side of it, 10 s never does.
        Machine.Sample b = Machine.sample();
        sleep(5000);
        row("relay RSS idle (10 s after ready)", mb(rss()), "≤ 64 MB", b, Machine.sample());
    }

    /** A public narrative whose text carries {@code marker + n + "-"} so that arrivals can be matched. */
    private long push(String marker, int n) {
        long c0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        bus.outboxWriter().append(new OutboxMessage.NarrativePosted("bench-" + pushIds.incrementAndGet(),
                marker + n + "- The torches gutter as the audience leans in.", Visibility.everyone(), Instant.now()));
        appended = System.nanoTime();
        if (n < appendCpu.length) {
            appendCpu[n] = THREADS.getCurrentThreadCpuTime() - c0;
        }
        return t0;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** The harness thread's CPU time spent in each push's append call (fanout12), ns. */
    private final long[] appendCpu = new long[100_000];

    /** When the last {@link #push}'s append call returned. */
    private long appended;

    /** Sockets that record when each numbered push arrived. */
    private static final class Crowd implements AutoCloseable {
        final String marker;
        final long[][] arrived;
        final AtomicInteger[] count;
        final long[] welcomed;
        final CountDownLatch welcomes;
        final List<RawWs> sockets = new ArrayList<>();
        final AtomicInteger failed = new AtomicInteger();
        /** Close codes of sockets closed before their welcome (e.g. 4401: hello not read within the timeout). */
        final Map<Integer, Integer> closedEarly = new java.util.concurrent.ConcurrentHashMap<>();

        Crowd(String marker, int sockets, int pushes) {
            this.marker = marker;
            this.arrived = new long[pushes][sockets];
            this.count = new AtomicInteger[pushes];
            for (int i = 0; i < pushes; i++) {
                count[i] = new AtomicInteger();
            }
            this.welcomed = new long[sockets];
            this.welcomes = new CountDownLatch(sockets);
        }

        void open(int port, List<String> tokens) {
            for (int i = 0; i < tokens.size(); i++) {
                int k = i;
                String token = tokens.get(i);
                Thread.ofVirtual().start(() -> {
                    RawWs ws;
                    try {
                        ws = RawWs.connect(port);
                        synchronized (sockets) {
                            sockets.add(ws);
                        }
                        ws.sendText("{\"type\":\"hello\",\"token\":\"" + token + "\"}");
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        welcomes.countDown();
                        return;
                    }
                    int code = ws.readLoop((now, text) -> heard(k, now, text));
                    if (welcomed[k] == 0) {
                        closedEarly.merge(code, 1, Integer::sum);
                        failed.incrementAndGet();
                        welcomes.countDown();
                    }
                });
            }
        }

        private void heard(int socket, long now, String text) {
            if (text.startsWith("{\"type\":\"welcome\"")) {
                welcomed[socket] = now;
                welcomes.countDown();
                return;
            }
            int at = text.indexOf(marker);
            if (at < 0) {
                return;
            }
            int from = at + marker.length();
            int to = text.indexOf('-', from);
            int n = Integer.parseInt(text, from, to, 10);
            if (n < arrived.length && arrived[n][socket] == 0) {
                arrived[n][socket] = now;
                count[n].incrementAndGet();
            }
        }

        /** Waits until push {@code n} reached every socket; false on timeout. */
        boolean await(int n, long timeoutNanos) {
            long end = System.nanoTime() + timeoutNanos;
            int want = arrived[n].length - failed.get();
            while (count[n].get() < want) {
                if (System.nanoTime() > end) {
                    return false;
                }
                LockSupport.parkNanos(20_000);
            }
            return true;
        }

        @Override
        public void close() {
            synchronized (sockets) {
                sockets.forEach(RawWs::close);
            }
        }
    }

    private void fanout12() throws InterruptedException {
        int pushes = Integer.parseInt(opt.getOrDefault("pushes12", "200"));
        long gap = Long.parseLong(opt.getOrDefault("gapMs", "20"));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Fixtures.PLAYERS.forEach(p -> tokens.add(Fixtures.token(p)));
        }
        try (Crowd crowd = new Crowd("f12-", tokens.size(), pushes)) {
            crowd.open(port, tokens);
            if (!crowd.welcomes.await(30, TimeUnit.SECONDS) || crowd.failed.get() > 0) {
                throw new IllegalStateException("12 sockets did not all connect (failed " + crowd.failed + ")");
            }
            sleep(500);
            long[] first = new long[pushes];
            long[] last = new long[pushes];
            long[] starts = new long[pushes];
            long[] appendDone = new long[pushes];
            Machine.Sample a = Machine.sample();
            double[] us0 = Machine.userSystemSeconds(relay.pid());
            for (int n = 0; n < pushes; n++) {
                long t0 = push("f12-", n);
                starts[n] = t0;
                appendDone[n] = appended - t0;
                if (!crowd.await(n, TimeUnit.SECONDS.toNanos(5))) {
                    throw new IllegalStateException("push " + n + " did not reach all 12 sockets");
                }
                first[n] = Arrays.stream(crowd.arrived[n]).min().orElseThrow() - t0;
                last[n] = Arrays.stream(crowd.arrived[n]).max().orElseThrow() - t0;
                sleep(gap);
            }
            Machine.Sample b = Machine.sample();
            double[] us1 = Machine.userSystemSeconds(relay.pid());
            int skip = Math.min(20, pushes / 5);
            row("relay CPU per push to 12 sockets (user + system, /proc; idle time between pushes included)",
                    String.format(Locale.ROOT, "%.0f µs (user %.0f, system %.0f)",
                            ((us1[0] - us0[0]) + (us1[1] - us0[1])) * 1e6 / pushes, (us1[0] - us0[0]) * 1e6 / pushes,
                            (us1[1] - us0[1]) * 1e6 / pushes), "", a, b);
            row("outbox append → first of 12 sockets, p50 / p99 (" + (pushes - skip) + " pushes, " + gap + " ms apart)",
                    pct(first, skip), "", a, b);
            row("outbox append → last of 12 sockets, p50 / p99", pct(last, skip), "", a, b);
            if (hops()) {
                hopBreakdown(starts, appendDone, first, last, skip, a, b);
            }
        }
    }

    /**
     * Per hop, the median time from the push's append call (harness) to the hop (relay's JFR {@code dm20.Hop}
     * events, matched to a push by time: the first stamp of each kind after the push and before the next one; for
     * the per-socket hops also the last). Dumps the relay's recording with {@code jcmd}.
     */
    private void hopBreakdown(long[] starts, long[] appendDone, long[] first, long[] last, int skip,
                              Machine.Sample a, Machine.Sample b) {
        Path file;
        try {
            file = Files.createTempFile("hops", ".jfr");
            Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(relay.pid()), "JFR.dump", "name=hops",
                    "filename=" + file).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.err.println("jcmd JFR.dump failed");
                return;
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("cannot dump the relay's hops: " + e);
            return;
        }
        // the outbox poller's own hops in order, with its thread's CPU time: what each step cost it in CPU
        List<jdk.jfr.consumer.RecordedEvent> poller = new ArrayList<>();
        HopTimes times;
        try (jdk.jfr.consumer.RecordingFile rf = new jdk.jfr.consumer.RecordingFile(file)) {
            while (rf.hasMoreEvents()) {
                jdk.jfr.consumer.RecordedEvent e = rf.readEvent();
                if (e.getEventType().getName().equals("dm20.Hop") && e.getLong("threadCpu") >= 0
                        && e.getString("hop").matches("bus\\..*|table\\..*")) {
                    poller.add(e);
                }
            }
            times = HopTimes.read(Map.of("", file));
        } catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e);
            return;
        }
        int n = starts.length;
        Map<String, long[]> firstOf = new LinkedHashMap<>();
        Map<String, long[]> lastOf = new LinkedHashMap<>();
        for (String hop : times.hops()) {
            firstOf.put(hop, times.since(hop, starts, false));
            lastOf.put(hop, times.since(hop, starts, true));
        }
        row("hops, append → …, p50 (µs): append returned", us(appendDone, skip), "", a, b);
        for (String hop : List.of("bus.woke-rang", "bus.woke", "bus.read", "table.locked", "table.fanned",
                "bus.handled")) {
            if (firstOf.containsKey(hop)) {
                row("hops: " + hop + " (first after the append)", us(firstOf.get(hop), skip), "", a, b);
            }
        }
        for (String hop : List.of("ws.taken", "ws.written")) {
            if (firstOf.containsKey(hop)) {
                row("hops: " + hop + " first / last of 12", us(firstOf.get(hop), skip) + " / "
                        + us(lastOf.get(hop), skip), "", a, b);
            }
        }
        row("hops: client first byte, first / last of 12", us(first, skip) + " / " + us(last, skip), "", a, b);
        poller.sort(java.util.Comparator.comparingLong(e -> e.getLong("nanos")));
        Map<String, List<Long>> wall = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int i = 1; i < poller.size(); i++) {
            var x = poller.get(i - 1);
            var y = poller.get(i);
            String step = x.getString("hop") + " → " + y.getString("hop");
            if (step.startsWith("bus.handled")) {
                continue;   // the idle time between messages
            }
            wall.computeIfAbsent(step, k -> new ArrayList<>()).add(y.getLong("nanos") - x.getLong("nanos"));
            cpu.computeIfAbsent(step, k -> new ArrayList<>()).add(y.getLong("threadCpu") - x.getLong("threadCpu"));
        }
        for (String step : wall.keySet()) {
            long[] w = wall.get(step).stream().mapToLong(Long::longValue).toArray();
            long[] c = cpu.get(step).stream().mapToLong(Long::longValue).toArray();
            row("outbox poller " + step + ": wall / its CPU, p50", us(w, 0) + " / " + us(c, 0), "", a, b);
        }
        long[] cpuAppend = Arrays.copyOf(appendCpu, n);
        row("harness: its append call's own CPU, p50", us(cpuAppend, skip), "", a, b);
    }

    /** The median of the values from {@code skip} on that are ≥ 0 (a hop not seen in a push is -1), in µs. */
    private static String us(long[] nanos, int skip) {
        long[] s = Arrays.stream(nanos, skip, nanos.length).filter(x -> x >= 0).sorted().toArray();
        return s.length == 0 ? "—" : String.format(Locale.ROOT, "%.0f µs (%d)", q(s, 0.5) / 1e3, s.length);
    }

    private void audience(int observers, int pushes, boolean record) throws InterruptedException {
        long gap = Long.parseLong(opt.getOrDefault("gapMs", "20"));
        List<String> tokens = java.util.Collections.nCopies(observers, Fixtures.token("tv"));
        try (Crowd crowd = new Crowd("aud-", observers, pushes)) {
            Machine.Sample a = Machine.sample();
            double cpuBefore = Machine.cpuSeconds(relay.pid());
            long t0 = System.nanoTime();
            crowd.open(port, tokens);
            boolean all = crowd.welcomes.await(60, TimeUnit.SECONDS);
            long connected = Arrays.stream(crowd.welcomed).max().orElseThrow() - t0;
            double connectCpu = Machine.cpuSeconds(relay.pid()) - cpuBefore;
            Machine.Sample b = Machine.sample();
            if (!all || crowd.failed.get() > 0) {
                String what = "observers did not all connect: " + crowd.welcomes.getCount() + " missing, " + crowd.failed
                        + " refused or closed before their welcome (close codes " + crowd.closedEarly + ")";
                if (record) {
                    throw new IllegalStateException(what);
                }
                System.err.println(what);
            }
            if (record) {
                row(observers + " observers on one link: connect + hello → every welcome", ms(connected), "≤ 1,500 ms",
                        a, b);
                row("relay CPU to connect them (user + system, /proc)", String.format(Locale.ROOT, "%.2f s", connectCpu),
                        "", a, b);
            }
            sleep(500);
            long[] allIn = new long[pushes];
            long[] firstIn = new long[pushes];
            a = Machine.sample();
            double[] us0 = Machine.userSystemSeconds(relay.pid());
            double cpu0 = Machine.cpuSeconds(relay.pid());
            for (int n = 0; n < pushes; n++) {
                long p0 = push("aud-", n);
                if (!crowd.await(n, TimeUnit.SECONDS.toNanos(10))) {
                    throw new IllegalStateException("push " + n + " reached " + crowd.count[n] + " of " + observers);
                }
                allIn[n] = Arrays.stream(crowd.arrived[n]).max().orElseThrow() - p0;
                firstIn[n] = Arrays.stream(crowd.arrived[n]).filter(x -> x > 0).min().orElseThrow() - p0;
                sleep(gap);
            }
            b = Machine.sample();
            double cpu = Machine.cpuSeconds(relay.pid()) - cpu0;
            double[] us1 = Machine.userSystemSeconds(relay.pid());
            if (record) {
                row("relay CPU per push to " + observers + " sockets (user + system, /proc)",
                        String.format(Locale.ROOT, "%.2f ms (user %.2f, system %.2f)", cpu * 1e3 / pushes,
                                (us1[0] - us0[0]) * 1e3 / pushes, (us1[1] - us0[1]) * 1e3 / pushes), "", a, b);
                int skip = Math.min(20, pushes / 5);
                row("append → all " + observers + " observers, p50 / p99 (" + (pushes - skip) + " pushes, " + gap
                        + " ms apart)", pct(allIn, skip), "p99 ≤ 30 ms", a, b);
                row("append → first observer, p50 / p99", pct(firstIn, skip), "", a, b);
                row("relay RSS with " + observers + " sockets after " + pushes + " pushes", mb(rss()), "≤ 110 MB", a,
                        Machine.sample());
                System.err.println("RSS by mapping with the audience: " + breakdown());
            }
        }
        sleep(1000);
    }

    /**
     * 4 players, closed loop. {@code perSecondCap} &gt; 0 paces each player (the soak); 0 is flat out. The inbox is
     * tailed meanwhile by a {@link BusPoller} in this JVM, as the mcp-server tails it (so the relay rings a listening
     * reader after each append, as in a game; {@code inboxReader=off} leaves it out), and every action answered
     * {@code 202} must be in the inbox at the end.
     */
    private void post(int warmSeconds, int seconds, int perSecondCap) throws Exception {
        AtomicLong inInbox = new AtomicLong();
        BusReader<InboxMessage> tail = bus.inboxReader(Optional.empty());
        tail.toEnd();
        BusPoller<InboxMessage> poller = "off".equals(opt.get("inboxReader")) ? null
                : new BusPoller<>("bench-inbox", tail, e -> {
                    if (e.message() instanceof InboxMessage.ActionSubmitted) {
                        inInbox.incrementAndGet();
                    }
                });
        AtomicLong accepted = new AtomicLong();
        List<String> players = Fixtures.PLAYERS;
        long[][] lat = new long[players.size()][];
        int[] counts = new int[players.size()];
        AtomicInteger refused = new AtomicInteger();
        AtomicLong firstRefusal = new AtomicLong();
        String[] refusalBody = new String[1];
        long warmEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmSeconds);
        long end = warmEnd + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            int k = i;
            lat[k] = new long[Math.max(1024, seconds * 20_000)];
            threads.add(Thread.ofPlatform().name("post-" + k).start(() -> {
                byte[] req = RawHttp.post(port, "/action", Fixtures.token(players.get(k)),
                        "{\"text\":\"I search the room for traps\",\"private\":false}");
                try (RawHttp http = new RawHttp(port)) {
                    long pace = perSecondCap > 0 ? 1_000_000_000L / perSecondCap : 0;
                    while (true) {
                        long s = System.nanoTime();
                        if (s > end) {
                            return;
                        }
                        int code = http.exchange(req);
                        long e = System.nanoTime();
                        if (code == 202) {
                            accepted.incrementAndGet();
                        }
                        if (code != 202) {
                            if (refused.getAndIncrement() == 0) {
                                firstRefusal.set(code);
                                refusalBody[0] = http.body();
                            }
                        } else if (s >= warmEnd && counts[k] < lat[k].length) {
                            lat[k][counts[k]++] = e - s;
                        }
                        if (pace > 0) {
                            LockSupport.parkNanos(pace - (System.nanoTime() - s));
                        }
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
        sleep(warmSeconds * 1000L);
        Machine.Sample a = Machine.sample();
        double cpu0 = Machine.cpuSeconds(relay.pid());
        for (Thread t : threads) {
            t.join();
        }
        double cpu = Machine.cpuSeconds(relay.pid()) - cpu0;
        Machine.Sample b = Machine.sample();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < lat.length; i++) {
            System.arraycopy(lat[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        if (refused.get() > 0) {
            System.err.println("POST refusals: " + refused + ", first " + firstRefusal + " " + refusalBody[0]);
        }
        if (poller != null) {
            if (!poller.awaitCaughtUp(java.time.Duration.ofSeconds(30))) {
                throw new IllegalStateException("the inbox reader did not catch up");
            }
            poller.close();
            if (inInbox.get() != accepted.get()) {
                throw new IllegalStateException(accepted + " actions answered 202 but " + inInbox + " in the inbox");
            }
            System.err.println("inbox check: all " + accepted + " actions answered 202 are in the inbox");
        } else {
            tail.close();
        }
        if (perSecondCap == 0) {
            row("POST /action, 4 players closed loop: durable actions/s (" + seconds + " s after " + warmSeconds
                    + " s warm-up)", String.format(Locale.ROOT, "%,.0f", total / (double) seconds), "≥ 10,000", a, b);
            Arrays.sort(all);
            row("POST /action → 202, p50 / p99 / p99.9 / max", String.format(Locale.ROOT, "%s / %s / %s / %s ms",
                    f(q(all, 0.5)), f(q(all, 0.99)), f(q(all, 0.999)), f(all.length == 0 ? 0 : all[all.length - 1])),
                    "p99 ≤ 2.5 ms", a, b);
            row("relay CPU per action (user + system, /proc)", String.format(Locale.ROOT, "%.0f µs", cpu * 1e6 / total),
                    "", a, b);
            row("relay RSS after the POST run", mb(rss()), "", a, Machine.sample());
            if (refused.get() > 0) {
                row("POST answers other than 202", Integer.toString(refused.get()), "0", a, b);
            }
        }
    }

    private void soak(int minutes) throws Exception {
        List<double[]> samples = new ArrayList<>();
        long t0 = System.nanoTime();
        Thread sampler = Thread.ofPlatform().daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                synchronized (samples) {
                    samples.add(new double[]{(System.nanoTime() - t0) / 1e9, rss()});
                }
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        Machine.Sample a = Machine.sample();
        long end = t0 + TimeUnit.MINUTES.toNanos(minutes);
        int observers = Integer.parseInt(opt.getOrDefault("observers", "1000"));
        int rounds = 0;
        while (System.nanoTime() < end) {
            audience(observers, 200, false);
            post(0, 10, 20);
            rounds++;
        }
        sampler.interrupt();
        Machine.Sample b = Machine.sample();
        StringBuilder s = new StringBuilder();
        synchronized (samples) {
            for (double[] x : samples) {
                s.append(String.format(Locale.ROOT, "%.0fs:%.0f ", x[0], x[1]));
            }
            System.err.println("RSS samples (s:MB): " + s);
            double firstHalfMax = samples.subList(0, samples.size() / 2).stream().mapToDouble(x -> x[1]).max().orElse(0);
            double secondHalfMax = samples.subList(samples.size() / 2, samples.size()).stream().mapToDouble(x -> x[1])
                    .max().orElse(0);
            row("soak " + minutes + " min (" + rounds + " rounds of " + observers
                            + " observers + 200 pushes + 10 s of paced POSTs): RSS max, 1st half / 2nd half",
                    String.format(Locale.ROOT, "%.0f / %.0f MB", firstHalfMax, secondHalfMax), "flat", a, b);
        }
    }

    // -------------------------------------------------------------------------------------------- output

    private void row(String what, String value, String target, Machine.Sample a, Machine.Sample b) {
        rows.add(new String[]{what, value, target, String.format(Locale.ROOT, "%.2f", b.load()),
                String.format(Locale.ROOT, "%.1f %%", a.stealPercent(b))});
        System.err.println(what + ": " + value);
    }

    private void print() {
        System.out.println("| measure | result | target | load (1 min) | steal |");
        System.out.println("|---|---|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    private static String pct(long[] nanos, int skip) {
        long[] s = Arrays.copyOfRange(nanos, skip, nanos.length);
        Arrays.sort(s);
        return f(q(s, 0.5)) + " / " + f(q(s, 0.99)) + " ms (max " + f(s[s.length - 1]) + ")";
    }

    private static long q(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String f(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
    }

    private static String mb(double mb) {
        return String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
