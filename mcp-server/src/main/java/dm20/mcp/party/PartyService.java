package dm20.mcp.party;

import dm20.mcp.game.Campaign;
import dm20.mcp.game.Campaigns;
import dm20.mcp.game.Combat;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.GameLock;
import dm20.mcp.game.Player;
import dm20.mcp.game.Players;
import dm20.mcp.game.SwitchableTableFeed;
import dm20.mcp.session.SessionBook;
import dm20.protocol.CombatState;
import dm20.protocol.Tokens;
import dm20.protocol.Viewer;
import dm20.protocol.lock.ProcessLock;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.sheet.CharacterSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Party Mode's lifecycle and DM loop for the current campaign: opens the bus and a session, issues seats,
 * starts (or adopts) the relay, claims and resolves actions. Game state is read and changed only under the
 * {@link GameLock}; waiting for the relay or for an action happens outside it.
 *
 * <p>Thread-safe: public methods synchronize on this object for the session's lifecycle and take the game
 * lock for game state.
 */
public final class PartyService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartyService.class);
    private static final String DM_LOCK = "dm.lock";

    private final Campaigns campaigns;
    private final Players players;
    private final Combat combat;
    private final SwitchableTableFeed feed;
    private final GameLock lock;
    private final Clock clock;
    private final Tokens tokens;
    private final RelaySupervisor relay;
    private final JsonMapper json;
    private final SessionBook sessions;

    /** Carries out the phones' requests one at a time, off the inbox poller (which must never wait on us). */
    private final java.util.concurrent.ExecutorService requestRunner = java.util.concurrent.Executors
            .newSingleThreadExecutor(Thread.ofPlatform().name("party-requests").daemon(true).factory());
    private volatile java.util.function.Consumer<dm20.protocol.message.InboxMessage> requests = m -> { };
    private volatile PartySettings settings;

    private volatile PartySession session;
    private ProcessLock dmLock;
    private SeatBook seats;

    /**
     * @param relayJar     the relay jar, if the host named one
     * @param relayOptions the host's limits for the relay ({@code DM20_RELAY_OPTIONS}; blank for the defaults)
     */
    public PartyService(Game game, Tokens tokens, Optional<java.nio.file.Path> relayJar, String relayOptions,
            JsonMapper json) {
        this.campaigns = game.campaigns();
        this.players = game.players();
        this.combat = game.combat();
        this.feed = game.feed();
        this.lock = game.lock();
        this.clock = game.clock();
        this.tokens = tokens;
        this.relay = new RelaySupervisor(new RelayLauncher(relayJar, relayOptions));
        this.json = json;
        this.sessions = new SessionBook(game, json);
    }

    /** What {@code party_start} reports. */
    public record Started(String campaign, String epoch, List<String> urls, boolean adopted, List<SeatLink> seats) {
    }

    /**
     * Opens a session (or re-announces the open one), issues seats, and starts or adopts the relay.
     *
     * @throws GameException if there is no campaign, or the relay cannot start (with its reason)
     */
    public synchronized Started start(String host, int port, Optional<String> publicUrl) {
        Campaign campaign = lock.call(campaigns::current);
        PartySession s = open(campaign);
        List<SeatLink> issued = lock.call(() -> announce(s, campaign));
        RelayStatus relay = s.relay();
        boolean adopted = relay.alive();
        if (adopted) {
            this.relay.adopt(s, campaign.dir(), relay);
        } else {
            try {
                relay = this.relay.start(s, new RelaySupervisor.Spec(campaign.dir(), host, port, publicUrl));
            } catch (GameException e) {
                abandon(s);
                throw e;
            }
        }
        return new Started(campaign.info().name(), s.epoch().orElseThrow(), relay.urls(), adopted, issued);
    }

    private PartySession open(Campaign campaign) {
        if (session != null && !session.partyDir().equals(campaign.dir().resolve("party"))) {
            closeSession();
        }
        if (session == null) {
            // one DM per campaign: refused here, before this process opens the bus or writes anything
            ProcessLock taken = takeDmLock(campaign);
            try {
                session = new PartySession(campaign.dir(), this::onLiveAction,
                        m -> requestRunner.execute(() -> run(m)));
            } catch (RuntimeException e) {
                taken.close();
                throw e;
            }
            dmLock = taken;
            seats = new SeatBook(session.partyDir(), json, tokens);
            settings = PartySettings.read(session.partyDir(), json);
        }
        return session;
    }

    /**
     * One DM per campaign: the OS lock on {@code party/dm.lock}, held while this process's session is open.
     *
     * @throws GameException naming the process that holds it, if another live process does
     */
    private static ProcessLock takeDmLock(Campaign campaign) {
        Path file = campaign.dir().resolve("party").resolve(DM_LOCK);
        try {
            return ProcessLock.tryAcquire(file).orElseThrow(() -> new GameException("another dm20 server ("
                    + ProcessLock.holder(file) + ") runs Party Mode for " + campaign.info().name()
                    + ": only one DM per campaign. Use that one, or stop it (close its Claude Code window,"
                    + " its console, or end that process) and call party_start again."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the session's opening (a fresh epoch unless one is open), every seat, sheet and the combat. */
    private List<SeatLink> announce(PartySession s, Campaign campaign) {
        autoAssign(campaign);
        var now = clock.instant();
        if (s.epoch().isEmpty()) {
            s.publish(new OutboxMessage.SessionOpened(UUID.randomUUID().toString(), campaign.info().name(), now,
                    Optional.of(s.resumePoint())));
            sessions.recapPost(now).ifPresent(s::publish);
        }
        List<SeatLink> all = seats.sync(campaign.players(), id -> campaign.character(id).map(CharacterSheet::name).orElse(id));
        all.forEach(seat -> s.publish(SeatBook.issued(seat, now)));
        for (CharacterSheet sheet : campaign.characters()) {
            s.publish(new OutboxMessage.CharacterUpdated(sheet.id(), campaign.ownerOf(sheet.id()).map(Player::id), sheet, now));
        }
        s.publish(new OutboxMessage.CombatUpdated(campaign.combat(), now));
        feed.switchTo(table(s));
        return all;
    }

    /**
     * The game's feed while the party runs: every message to the bus, and after a character change (a
     * player given a character, a character handed over) any seat that is new or changed is issued at once,
     * so a late joiner's QR code is on the host screen without another {@code party_start}. Runs with the
     * game lock held, as every publish does.
     */
    private dm20.mcp.game.TableFeed table(PartySession s) {
        return message -> {
            s.publish(message);
            if (message instanceof OutboxMessage.CharacterUpdated) {
                seatNewcomers(s);
            }
        };
    }

    private void seatNewcomers(PartySession s) {
        Campaign campaign = campaigns.current();
        Map<String, SeatLink> before = new java.util.HashMap<>();
        seats.all().forEach(seat -> before.put(seat.seatId(), seat));
        var now = clock.instant();
        for (SeatLink seat : seats.sync(campaign.players(), id -> campaign.character(id).map(CharacterSheet::name).orElse(id))) {
            if (!seat.equals(before.get(seat.seatId()))) {
                s.publish(SeatBook.issued(seat, now));
            }
        }
    }

    /** Characters whose sheet names a player but who have no seat owner yet get one. */
    private void autoAssign(Campaign campaign) {
        for (CharacterSheet sheet : campaign.characters()) {
            if (campaign.ownerOf(sheet.id()).isEmpty() && sheet.playerName().isPresent()) {
                players.assign(Viewer.dm(), sheet.playerName().get(), sheet.id(), false);
            }
        }
    }

    /** A failed start leaves no half-open session behind: closed on the bus and forgotten here. */
    private void abandon(PartySession s) {
        lock.run(() -> {
            feed.reset();
            s.publish(new OutboxMessage.SessionClosed("the relay could not start", clock.instant()));
        });
        closeSession();
    }

    /** Who carries out host, roll and end-turn requests from the phones (set once by the party tools). */
    void onRequests(java.util.function.Consumer<dm20.protocol.message.InboxMessage> handler) {
        this.requests = handler;
    }

    private void run(dm20.protocol.message.InboxMessage m) {
        try {
            requests.accept(m);
        } catch (RuntimeException e) {
            // a request that cannot be carried out is reported to the DM's log, never stops the next one
            LOG.warn("a {} from the table failed: {}", dm20.protocol.message.MessageCodec.typeName(m), e.toString());
        }
    }

    /** The party's settings (how player rolls are shown). */
    synchronized PartySettings settings() {
        requireSession();
        return settings;
    }

    /** Changes and saves the party's settings. */
    synchronized PartySettings settings(PartySettings changed) {
        requireSession();
        changed.write(session.partyDir(), json);
        settings = changed;
        return changed;
    }

    /** Called on the inbox poller for each live action: a simultaneous-mode answer is ticked off. */
    private void onLiveAction(ActionSubmitted a) {
        lock.run(() -> {
            CombatState c = campaigns.currentIfLoaded().map(Campaign::combat).orElse(CombatState.none());
            if (c.active() && c.mode() == CombatState.TurnMode.SIMULTANEOUS && c.waitingFor().contains(a.playerId())) {
                try {
                    combat.answered(a.playerId());
                } catch (GameException e) {
                    LOG.info("action {} not counted as an answer: {}", a.actionId(), e.getMessage());
                }
            }
        });
    }

    /**
     * Closes the session: the relay tells every phone and stops; pending actions stay queued for next time.
     *
     * @throws GameException if no session is open
     */
    public synchronized PartyAnswer.Stopped stop() {
        PartySession s = requireSession();
        long before = s.lastInboxSequence();
        relay.expectStop();
        lock.run(() -> {
            feed.reset();
            s.publish(new OutboxMessage.SessionClosed("the host ended party mode", clock.instant()));
        });
        boolean stopped = awaitStop(s, before);
        Map<QueuedAction.Status, Integer> counts = s.actions().counts();
        closeSession();
        return new PartyAnswer.Stopped(counts.get(QueuedAction.Status.PENDING), counts.get(QueuedAction.Status.CLAIMED), stopped);
    }

    private boolean awaitStop(PartySession s, long before) {
        try {
            Optional<RelayStatus> r = s.awaitRelayReport(before, Duration.ofSeconds(3), () -> false);
            boolean ours = relay.ensureStopped();
            return r.map(x -> x.state() == RelayStatus.State.STOPPED).orElse(false) || ours;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The open session, attaching to one left open on disk by a previous run of this server. */
    synchronized PartySession requireSession() {
        if (session == null) {
            Campaign campaign = lock.call(campaigns::current);
            if (!java.nio.file.Files.isDirectory(campaign.dir().resolve("party").resolve("bus"))) {
                throw new GameException("party mode is not running for " + campaign.info().name() + "; call party_start");
            }
            PartySession s = open(campaign);
            if (s.epoch().isEmpty()) {
                closeSession();
                throw new GameException("party mode is not running for " + campaign.info().name() + "; call party_start");
            }
            feed.switchTo(table(s));
            if (s.relay().alive()) {
                // a relay spawned by an earlier run of this server: restart it if it dies, as if spawned here
                relay.adopt(s, campaign.dir(), s.relay());
            }
        }
        return session;
    }

    /**
     * Each seat with its presence while Party Mode runs in this process; empty otherwise. Starts and attaches
     * nothing, and carries no token or link.
     */
    public synchronized Optional<List<PartyAnswer.SeatPresence>> presence() {
        if (session == null) {
            return Optional.empty();
        }
        Map<String, Presence> now = session.presence();
        return Optional.of(lock.call(seats::all).stream().map(seat -> {
            Optional<Presence> p = Optional.ofNullable(now.get(seat.seatId()));
            return new PartyAnswer.SeatPresence(seat.seatId(), seat.displayName(), seat.role(),
                    p.map(Presence::connected).orElse(false), p.map(x -> x.lastSeen().toString()));
        }).toList());
    }

    /** The open session, if any, without opening one (no monitor: safe from any thread). */
    Optional<PartySession> currentSession() {
        return Optional.ofNullable(session);
    }

    synchronized SeatBook seats() {
        requireSession();
        return seats;
    }

    Campaigns campaigns() {
        return campaigns;
    }

    Players players() {
        return players;
    }

    GameLock lock() {
        return lock;
    }

    Clock clock() {
        return clock;
    }

    /** The notices (timed-out turns) the DM has not been told yet. */
    dm20.mcp.game.TurnNotices notices() {
        return combat.notices();
    }

    private void closeSession() {
        if (session != null) {
            session.close();
            session = null;
            seats = null;
            relay.release();
            dmLock.close();
            dmLock = null;
        }
    }

    /** Stops following the bus; a running relay keeps serving (a restarted server adopts it). */
    @Override
    public synchronized void close() {
        feed.reset();
        closeSession();
        requestRunner.shutdownNow();
    }
}
