package dm20.mcp.party;

import dm20.mcp.game.GameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The relay process this server watches: one it spawned (it starts it and waits for its ready or failure report
 * on the inbox) or one it adopted (spawned by an earlier run of this server, found serving the campaign). It
 * starts the relay again on the same port if it dies without being asked to (a crash, an OOM kill), at most
 * {@link #MAX_RESTARTS} times a minute. Phones reconnect by themselves and resume from their cursor; the
 * restarted relay rebuilds its state from the outbox. A relay whose process this server cannot see (one in a
 * container, which reports a pid of another namespace) is not watched. Thread-safe.
 */
final class RelaySupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(RelaySupervisor.class);
    // a relay JVM starts in about a second, but a loaded 2-core machine was measured at 26 s (2026-12-01)
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    static final int MAX_RESTARTS = 3;

    /** Where and how the relay serves. */
    record Spec(Path campaignDir, String host, int port, Optional<String> publicUrl) {
    }

    private final RelayLauncher launcher;
    private final Deque<Long> restarts = new ArrayDeque<>();
    private Optional<ProcessHandle> current = Optional.empty();
    private boolean stopping;

    RelaySupervisor(RelayLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Spawns the relay and waits until it reports.
     *
     * @throws GameException with the relay's reason (and its log's tail) if it does not come up; the process
     *                       is then gone
     */
    synchronized RelayStatus start(PartySession s, Spec spec) {
        stopping = false;
        long before = s.lastInboxSequence();
        long logStart = RelayLauncher.logSize(spec.campaignDir());
        Process p = launcher.start(spec.campaignDir(), spec.host(), spec.port(), spec.publicUrl());
        Optional<RelayStatus> report = awaitReport(s, before, p);
        if (report.isPresent() && report.get().state() == RelayStatus.State.UP) {
            watch(p.toHandle(), s, spec);
            return report.get();
        }
        p.destroyForcibly();
        String reason = report.flatMap(RelayStatus::reason).orElseGet(() -> p.isAlive() ? "it did not report ready in "
                + START_TIMEOUT.toSeconds() + " s" : "it exited with code " + exitCode(p));
        throw new GameException("the relay did not start: " + reason + "\nrelay log:\n"
                + RelayLauncher.logSince(spec.campaignDir(), logStart, 8));
    }

    private static Optional<RelayStatus> awaitReport(PartySession s, long before, Process p) {
        try {
            Optional<RelayStatus> report = s.awaitRelayReport(before, START_TIMEOUT, () -> !p.isAlive());
            return report.isEmpty() && !p.isAlive() ? s.awaitRelayReport(before, Duration.ofMillis(500), () -> false)
                    : report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void watch(ProcessHandle p, PartySession s, Spec spec) {
        current = Optional.of(p);
        p.onExit().thenRun(() -> exited(p, s, spec));
    }

    /**
     * Watches a relay that was already serving the campaign (spawned by an earlier run of this server), so that
     * it is restarted like one this server spawned. It is restarted as it was started: its own command line
     * gives host, port and public URL (the port it actually listens on if it was asked for any free port).
     * Nothing happens if this server already watches that process, or if the relay's process is not visible
     * here as a relay of {@code campaignDir}.
     *
     * @return whether the relay is watched now
     */
    synchronized boolean adopt(PartySession s, Path campaignDir, RelayStatus status) {
        Optional<ProcessHandle> relay = status.pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(h -> isRelayOf(h, campaignDir));
        if (relay.isEmpty()) {
            LOG.info("the running relay's process is not visible here (pid {}); it is not watched",
                    status.pid().map(String::valueOf).orElse("unknown"));
            return false;
        }
        if (current.filter(relay.get()::equals).isPresent()) {
            return true;
        }
        stopping = false;
        Spec spec = specOf(relay.get(), campaignDir, status);
        watch(relay.get(), s, spec);
        LOG.info("watching the running relay (pid {}, port {})", relay.get().pid(), spec.port());
        return true;
    }

    private static boolean isRelayOf(ProcessHandle h, Path campaignDir) {
        String cmd = h.info().commandLine().orElse("");
        return cmd.contains("relay-daemon") && cmd.contains(campaignDir.toString());
    }

    /** How {@code relay} was started, from its arguments ({@code --port 0} becomes the port it got). */
    static Spec specOf(ProcessHandle relay, Path campaignDir, RelayStatus status) {
        java.util.List<String> args = java.util.List.of(relay.info().arguments().orElse(new String[0]));
        String host = option(args, "--host").orElse("0.0.0.0");
        Optional<String> publicUrl = option(args, "--public-url");
        int port = option(args, "--port").map(Integer::parseInt).orElse(8080);
        if (port == 0) {
            port = status.urls().stream().filter(u -> publicUrl.map(p -> !u.startsWith(p)).orElse(true))
                    .map(u -> java.net.URI.create(u).getPort()).filter(x -> x > 0).findFirst().orElse(0);
        }
        return new Spec(campaignDir, host, port, publicUrl);
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE} in {@code args}. */
    static Optional<String> option(java.util.List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(name) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
            if (args.get(i).startsWith(name + "=")) {
                return Optional.of(args.get(i).substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    private synchronized void exited(ProcessHandle p, PartySession s, Spec spec) {
        if (stopping || current.filter(p::equals).isEmpty()) {
            return;
        }
        current = Optional.empty();
        long now = System.nanoTime();
        restarts.removeIf(t -> now - t > Duration.ofMinutes(1).toNanos());
        if (restarts.size() >= MAX_RESTARTS) {
            LOG.error("the relay died again (pid {}); {} restarts in a minute, giving up: party_start restarts it",
                    p.pid(), MAX_RESTARTS);
            return;
        }
        restarts.add(now);
        LOG.warn("the relay died unexpectedly (pid {}); starting it again on port {}", p.pid(), spec.port());
        try {
            start(s, spec);
        } catch (GameException | IllegalStateException e) {
            LOG.error("could not restart the relay: {}", e.getMessage());
        }
    }

    /** From now on an exit is expected: no restart. */
    synchronized void expectStop() {
        stopping = true;
    }

    /**
     * Ends the relay we watch (spawned or adopted) if it outlived the graceful stop.
     *
     * @return whether we watched one and it is gone now (false if we watched none)
     */
    synchronized boolean ensureStopped() {
        stopping = true;
        current.filter(ProcessHandle::isAlive).ifPresent(p -> {
            p.destroy();
            p.onExit().completeOnTimeout(p, 2, java.util.concurrent.TimeUnit.SECONDS).join();
        });
        boolean gone = current.map(p -> !p.isAlive()).orElse(false);
        current = Optional.empty();
        return gone;
    }

    /** Forgets the process without touching it: it keeps serving when this server exits. */
    synchronized void release() {
        stopping = true;
        current = Optional.empty();
    }

    private static String exitCode(Process p) {
        try {
            return Integer.toString(p.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
