package dm20.relay;

import dm20.protocol.lock.ProcessLock;
import dm20.protocol.message.InboxMessage.RelayStarted;
import dm20.protocol.message.InboxMessage.RelayStopped;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusPoller;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.PartyBus;
import dm20.relay.feed.Frame;
import dm20.relay.live.CloseCodes;
import dm20.relay.live.LiveTable;
import dm20.relay.state.TableState;
import dm20.relay.ws.Sockets;
import io.helidon.webserver.WebServer;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running relay: reports {@code relay_started}, follows the outbox, and stops once — on SIGTERM (close
 * code 1001) or on a live {@code session_closed} (4000, then exit 0): every socket is told why and
 * closed, the port is released, {@code relay_stopped} is written, the bus and the campaign lock are
 * released. Messages printed here go straight to stderr because JUL may already be shut down in a hook.
 */
final class Lifecycle {

    private final String instanceId;
    private final PartyBus bus;
    private final WebServer server;
    private final LiveTable table;
    private final Sockets sockets;
    private final ProcessLock lock;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final InboxPresence presence;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private BusPoller<OutboxMessage> poller;

    Lifecycle(String instanceId, PartyBus bus, WebServer server, LiveTable table, Sockets sockets, ProcessLock lock,
              Clock clock, ScheduledExecutorService timer, InboxPresence presence) {
        this.instanceId = instanceId;
        this.bus = bus;
        this.server = server;
        this.table = table;
        this.sockets = sockets;
        this.lock = lock;
        this.clock = clock;
        this.timer = timer;
        this.presence = presence;
    }

    /** Reports ready, then follows the outbox from where the catch-up left {@code outbox}. */
    void running(BusReader<OutboxMessage> outbox, List<String> urls) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop("the relay is stopping", CloseCodes.GOING_AWAY),
                "relay-shutdown"));
        bus.inboxWriter().append(new RelayStarted(instanceId, urls, server.port(), ProcessHandle.current().pid(),
                clock.instant()));
        System.err.println("relay-daemon: listening on port " + server.port() + " " + urls);
        poller = new BusPoller<>("relay-outbox", outbox, envelope -> {
            if (table.apply(envelope) instanceof TableState.Change.Closed closed) {
                // Not a daemon (the poller's threads are): the JVM must not exit before the stop is done.
                Thread.ofPlatform().name("relay-session-closed").daemon(false).start(() -> {
                    stop("session closed: " + closed.reason(), CloseCodes.SESSION_CLOSED);
                    System.exit(0);
                });
            }
        });
    }

    /** Stops once; a concurrent call (e.g. the shutdown hook during a session_closed stop) waits for it. */
    void stop(String reason, int closeCode) {
        if (!stopping.compareAndSet(false, true)) {
            awaitStopped();
            return;
        }
        try {
            stopNow(reason, closeCode);
        } finally {
            stopped.countDown();
        }
    }

    private void awaitStopped() {
        try {
            stopped.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopNow(String reason, int closeCode) {
        table.closeAll(new Frame.Closing(reason), closeCode);
        awaitSocketsClosed();
        server.stop();
        if (poller != null) {
            poller.close();
        }
        timer.shutdownNow();
        presence.flush();
        try {
            bus.inboxWriter().append(new RelayStopped(instanceId, reason, clock.instant()));
        } catch (BusException e) {
            System.err.println("relay-daemon: cannot report the stop: " + e.getMessage());
        }
        bus.close();
        lock.close();
        System.err.println("relay-daemon: stopped (" + reason + ")");
    }

    private void awaitSocketsClosed() {
        long deadline = System.nanoTime() + java.time.Duration.ofMillis(800).toNanos();
        while (sockets.openCount() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
