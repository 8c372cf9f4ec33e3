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
 * The relay process this server spawned: starts it and waits for its ready (or failure) report on the inbox,
 * watches it, and starts it again on the same port if it dies without being asked to (a crash, an OOM kill),
 * at most {@link #MAX_RESTARTS} times a minute. Phones reconnect by themselves and resume from their cursor;
 * the restarted relay rebuilds its state from the outbox. Thread-safe.
 */
final class RelaySupervisor {

    private static final Logger LOG = LoggerFactory.getLogger(RelaySupervisor.class);
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    static final int MAX_RESTARTS = 3;

    /** Where and how the relay serves. */
    record Spec(Path campaignDir, String host, int port, Optional<String> publicUrl) {
    }

    private final RelayLauncher launcher;
    private final Deque<Long> restarts = new ArrayDeque<>();
    private Optional<Process> current = Optional.empty();
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
        Process p = launcher.start(spec.campaignDir(), spec.host(), spec.port(), spec.publicUrl());
        Optional<RelayStatus> report = awaitReport(s, before, p);
        if (report.isPresent() && report.get().state() == RelayStatus.State.UP) {
            current = Optional.of(p);
            p.onExit().thenRun(() -> exited(p, s, spec));
            return report.get();
        }
        p.destroyForcibly();
        String reason = report.flatMap(RelayStatus::reason).orElseGet(() -> p.isAlive() ? "it did not report ready in "
                + START_TIMEOUT.toSeconds() + " s" : "it exited with code " + exitCode(p));
        throw new GameException("the relay did not start: " + reason + "\nrelay log:\n"
                + RelayLauncher.logTail(spec.campaignDir(), 8));
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

    private synchronized void exited(Process p, PartySession s, Spec spec) {
        if (stopping || current.filter(p::equals).isEmpty()) {
            return;
        }
        current = Optional.empty();
        long now = System.nanoTime();
        restarts.removeIf(t -> now - t > Duration.ofMinutes(1).toNanos());
        if (restarts.size() >= MAX_RESTARTS) {
            LOG.error("the relay died again (exit {}); {} restarts in a minute, giving up: party_start restarts it",
                    p.exitValue(), MAX_RESTARTS);
            return;
        }
        restarts.add(now);
        LOG.warn("the relay died unexpectedly (exit {}); starting it again on port {}", p.exitValue(), spec.port());
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
     * Ends the relay we spawned if it outlived the graceful stop.
     *
     * @return whether we had spawned one and it is gone now (false for an adopted relay)
     */
    synchronized boolean ensureStopped() {
        stopping = true;
        current.filter(Process::isAlive).ifPresent(p -> {
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
