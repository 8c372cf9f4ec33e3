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
 * (actions, seat presence, the relay's last report). Opening it replays the bus from the latest session's
 * opening, which says where the inbox stood then and which actions were still queued
 * ({@link OutboxMessage.Resume}; both queues from their start for an opening written without one), so a
 * restarted mcp-server knows every action still queued, and offers the ones it had claimed but not answered
 * again, without reading every session the campaign ever played. Then a poller follows the inbox.
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
    private final BusPoller<InboxMessage> poller;
    /** The last inbox sequence read and folded (or deliberately skipped, see {@link #replayInboxFrom}); -1: none. */
    private volatile long consumedThrough = -1;

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
        try (BusReader<OutboxMessage> outbox = bus.outboxReader(Optional.empty())) {
            Optional<OutboxMessage.Resume> resume = outbox.rewindToLast(OutboxMessage.SessionOpened.class)
                    .flatMap(e -> e.message().resume());
            if (resume.isPresent()) {
                replayInboxFrom(resume.get(), inbox);
            } else {
                outbox.toStart();
                for (var e = inbox.next(); e.isPresent(); e = inbox.next()) {
                    apply(e.get(), false);
                    consumedThrough = e.get().sequence();
                }
            }
            for (var e = outbox.next(); e.isPresent(); e = outbox.next()) {
                fold(e.get().message());
            }
        }
        actions.reofferClaimed();
        this.poller = new BusPoller<>("mcp-inbox", inbox, e -> {
            apply(e, true);
            consumedThrough = e.sequence();
        });
    }

    /**
     * The inbox as {@code resume} describes it: the actions it lists as queued, read where they are, then
     * everything from the relay's last report on, except the actions at or before its end (each of them listed,
     * or answered before the session opened).
     */
    private void replayInboxFrom(OutboxMessage.Resume resume, BusReader<InboxMessage> inbox) {
        for (long sequence : resume.queued()) {
            inbox.read(sequence).filter(e -> e.message() instanceof InboxMessage.ActionSubmitted)
                    .ifPresent(e -> apply(e, false));
        }
        if (resume.relayFrom() >= 0) {
            inbox.seekTo(resume.relayFrom());
        } else {
            inbox.seekAfter(resume.inboxEnd());
        }
        consumedThrough = resume.inboxEnd();   // accounted for by the resume point, even if nothing follows it
        for (var e = inbox.next(); e.isPresent(); e = inbox.next()) {
            if (!(e.get().message() instanceof InboxMessage.ActionSubmitted && e.get().sequence() <= resume.inboxEnd())) {
                apply(e.get(), false);
            }
            consumedThrough = Math.max(consumedThrough, e.get().sequence());
        }
    }

    /**
     * Where this session's fold of the inbox stands, for a session's opening to carry ({@link OutboxMessage.Resume}):
     * the last inbox message it has consumed, the relay's last report and the actions queued up to that message.
     * Called with the game lock held, so that no action is claimed or answered on the outbox meanwhile; it does
     * not wait for the inbox poller (which may itself wait for that lock): what the poller has not consumed yet
     * comes after the end and is folded as usual.
     */
    OutboxMessage.Resume resumePoint() {
        long report = relay.sequence();        // folded before the end below was consumed, or just after (then: the end)
        long end = consumedThrough;
        return new OutboxMessage.Resume(end, Math.min(report, end), actions.queuedThrough(end));
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
        fold(e, live);
    }

    /**
     * Waits (up to {@code timeout}) until everything already in the inbox has been applied, so an action a
     * phone was told is queued is visible to the very next {@code party_next}: the inbox poller makes one more
     * pass ({@link BusPoller#awaitCaughtUp}).
     */
    void catchUp(Duration timeout) throws InterruptedException {
        poller.awaitCaughtUp(timeout);
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

    /** How long a relay that answered counts as answering for {@link #relayAnswers()}. */
    static final Duration ANSWER_FRESH_FOR = Duration.ofSeconds(1);
    private volatile RelayStatus answeredStatus;
    private volatile long answeredAt;

    /**
     * Whether the relay is up and answering ({@link RelayStatus#alive()}), for {@code party_status}: a relay that
     * answered less than {@link #ANSWER_FRESH_FOR} ago, with no newer report on the inbox, is not asked again (the
     * probe is a TCP exchange with the relay; a host polling the status in a loop would pay it on every call). A
     * relay that did not answer is asked again on every call.
     */
    boolean relayAnswers() {
        RelayStatus now = relay;
        if (now == answeredStatus && System.nanoTime() - answeredAt < ANSWER_FRESH_FOR.toNanos()) {
            return true;
        }
        boolean alive = now.alive();
        if (alive) {
            answeredAt = System.nanoTime();
            answeredStatus = now;
        }
        return alive;
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
