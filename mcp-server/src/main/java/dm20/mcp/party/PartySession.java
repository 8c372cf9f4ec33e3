package dm20.mcp.party;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.BusPoller;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The mcp-server's side of one campaign's bus: the outbox it writes, and the state folded from both queues
 * (actions, seat presence, the relay's last report). Opening it replays both queues from their start, so
 * a restarted mcp-server knows every action that was ever queued and offers the ones it had claimed but
 * not answered again. Then a poller follows the inbox.
 *
 * <p>Thread-safe. {@link #publish} may be called from any thread.
 */
final class PartySession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartySession.class);

    private final PartyBus bus;
    private final ActionBook actions = new ActionBook();
    private final Map<String, Presence> presence = new ConcurrentHashMap<>();
    private final Object relayMonitor = new Object();
    private final Consumer<InboxMessage.ActionSubmitted> onAction;
    private final Consumer<InboxMessage> onRequest;
    private volatile boolean locked;
    private volatile RelayStatus relay = RelayStatus.UNKNOWN;
    private volatile Optional<String> epoch = Optional.empty();
    private volatile long lastApplied = -1;
    private final BusPoller<InboxMessage> poller;

    /**
     * @param onAction  called on the poller thread for each action that arrives live (not for replayed ones)
     * @param onRequest called on the poller thread for each host, roll or end-turn request that arrives live;
     *                  replayed ones were carried out (or dropped) by the run that saw them
     */
    PartySession(Path campaignDir, Consumer<InboxMessage.ActionSubmitted> onAction, Consumer<InboxMessage> onRequest) {
        this.bus = PartyBus.open(campaignDir);
        this.onAction = onAction;
        this.onRequest = onRequest;
        // Actions first (inbox), then what became of them (outbox): claimed/resolved need the action known.
        BusReader<InboxMessage> inbox = bus.inboxReader(Optional.empty());
        for (var e = inbox.next(); e.isPresent(); e = inbox.next()) {
            apply(e.get(), false);
        }
        replayOutbox();
        actions.reofferClaimed();
        this.poller = new BusPoller<>("mcp-inbox", inbox, e -> apply(e, true));
    }

    private void replayOutbox() {
        try (BusReader<OutboxMessage> outbox = bus.outboxReader(Optional.empty())) {
            for (var e = outbox.next(); e.isPresent(); e = outbox.next()) {
                fold(e.get().message());
            }
        }
    }

    /**
     * Appends to the outbox (durably, before returning) and folds the message into this session's state.
     *
     * @return the message's sequence
     */
    long publish(OutboxMessage message) {
        long seq = bus.outboxWriter().append(message);
        fold(message);
        return seq;
    }

    private void fold(OutboxMessage message) {
        switch (message) {
            case OutboxMessage.SessionOpened o -> {
                epoch = Optional.of(o.epoch());
                locked = false;
            }
            case OutboxMessage.RoomLockChanged r -> locked = r.locked();
            case OutboxMessage.SessionClosed c -> epoch = Optional.empty();
            case OutboxMessage.ActionClaimed c -> actions.claimed(c.actionId());
            case OutboxMessage.ActionResolved r -> actions.resolved(r.actionId());
            case OutboxMessage.ActionRejected r -> actions.rejected(r.actionId());
            default -> { }
        }
    }

    private void apply(Envelope<InboxMessage> e, boolean live) {
        try {
            fold(e, live);
        } finally {
            synchronized (relayMonitor) {
                lastApplied = e.sequence();
                relayMonitor.notifyAll();
            }
        }
    }

    /**
     * Waits (up to {@code timeout}) until everything already in the inbox has been applied, so an action a
     * phone was told is queued is visible to the very next {@code party_next}.
     */
    void catchUp(Duration timeout) throws InterruptedException {
        long target = lastInboxSequence();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (relayMonitor) {
            while (lastApplied < target && System.nanoTime() < deadline) {
                relayMonitor.wait(5);
            }
        }
    }

    private void fold(Envelope<InboxMessage> e, boolean live) {
        switch (e.message()) {
            case InboxMessage.ActionSubmitted a -> {
                actions.submitted(a, e.sequence());
                if (live) {
                    onAction.accept(a);
                }
            }
            case InboxMessage.HostRequested h -> request(h, live);
            case InboxMessage.RollRequested r -> request(r, live);
            case InboxMessage.TurnEndRequested t -> request(t, live);
            case InboxMessage.PresenceChanged p -> presence.put(p.seatId(), new Presence(p.connections(), p.at()));
            case InboxMessage.RelayStarted s -> relay(new RelayStatus(RelayStatus.State.UP, e.sequence(), s.urls(),
                    Optional.of(s.pid()), Optional.empty(), Optional.of(s.at())));
            case InboxMessage.RelayFailed f -> relay(new RelayStatus(RelayStatus.State.FAILED, e.sequence(),
                    java.util.List.of(), Optional.empty(), Optional.of(f.reason()), Optional.of(f.at())));
            case InboxMessage.RelayStopped s -> {
                relay(new RelayStatus(RelayStatus.State.STOPPED, e.sequence(), java.util.List.of(), Optional.empty(),
                        Optional.of(s.reason()), Optional.of(s.at())));
                presence.clear();
            }
        }
    }

    private void request(InboxMessage m, boolean live) {
        if (live) {
            onRequest.accept(m);
        }
    }

    /** Whether the host locked the room in this session (from the outbox). */
    boolean locked() {
        return locked;
    }

    private void relay(RelayStatus status) {
        synchronized (relayMonitor) {
            relay = status;
            relayMonitor.notifyAll();
        }
        LOG.info("relay is {}{}", status.state(), status.reason().map(r -> ": " + r).orElse(""));
    }

    /**
     * Waits until the inbox reports on the relay after {@code afterSequence}, or {@code until} says stop.
     *
     * @return the report, or empty if none came in time
     */
    Optional<RelayStatus> awaitRelayReport(long afterSequence, Duration timeout, java.util.function.BooleanSupplier giveUp)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (relayMonitor) {
            while (relay.sequence() <= afterSequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || giveUp.getAsBoolean()) {
                    return Optional.empty();
                }
                relayMonitor.wait(Math.max(1, Math.min(left / 1_000_000, 50)));
            }
            return Optional.of(relay);
        }
    }

    ActionBook actions() {
        return actions;
    }

    RelayStatus relay() {
        return relay;
    }

    Map<String, Presence> presence() {
        return Map.copyOf(presence);
    }

    /** The epoch of the open session, if one is open on the bus. */
    Optional<String> epoch() {
        return epoch;
    }

    Path partyDir() {
        return bus.partyDir();
    }

    long lastInboxSequence() {
        return bus.lastInboxSequence().orElse(-1L);
    }

    @Override
    public void close() {
        poller.close();
        bus.close();
    }
}
