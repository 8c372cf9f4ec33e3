package dm20.relay.live;

import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.TurnRules;
import dm20.protocol.VisibilityRules;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.Hop;
import dm20.relay.feed.FeedProjector;
import dm20.relay.feed.Frame;
import dm20.relay.feed.History;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;
import dm20.relay.state.TableState;
import dm20.relay.state.TableState.Change;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The folded state and the attached sockets behind one monitor. Folding a message and fanning its frames
 * out, and attaching a socket with its history, are atomic with respect to each other: a socket sees every
 * frame exactly once, in sequence order. Outlets never block, so holding the lock while queueing is cheap.
 * Presence changes are reported after the lock is released. Thread-safe.
 */
public final class LiveTable {

    /** The outcome of a hello. */
    public sealed interface Attach {
        record Attached(Frame.Welcome welcome, int historyFrames) implements Attach { }
        record Reload(String reason) implements Attach { }
        record Refused(Refusal refusal, String reason) implements Attach { }
    }

    /** What a seat the room lock keeps out is told. */
    public static final String LOCKED = "The DM has locked the room: no new players can join right now."
            + " Ask the host to unlock it.";

    private final TableState state;
    private final PresenceSink presence;
    private final Clock clock;
    private final int maxSocketsPerSeat;
    private final int maxObserverSockets;
    private final Set<Outlet> outlets = new LinkedHashSet<>();
    /** The same outlets by seat (kept with {@link #outlets}): a fan-out projects and encodes once per seat. */
    private final Map<Seat, Set<Outlet>> bySeat = new LinkedHashMap<>();
    /** Seat id → its attached outlets, kept with {@link #outlets}: a count is O(1), not a scan of every socket. */
    private final Map<String, Integer> perSeat = new HashMap<>();
    private final Map<String, Instant> lastSeen = new HashMap<>();
    /** Host seat id → when its host screen (an HTTP page that polls, no socket) last asked: open while it polls. */
    private final Map<String, Instant> hostScreens = new HashMap<>();
    /** Seat id → the token hash it last attached with: what "joined this session" means for a room lock. */
    private final Map<String, String> joined = new HashMap<>();
    /**
     * Histories computed since the last folded message, by seat, epoch and cursor: an audience loading the observer
     * link at once projects the window once and every socket queues the same list (which its encoder then packs
     * once). Emptied by every fold, so a history is always that of the current state; bounded by {@link #HISTORIES}.
     */
    private final Map<HistoryKey, List<Frame>> histories = new HashMap<>();
    private static final int HISTORIES = 64;

    private record HistoryKey(Seat seat, String epoch, Optional<Long> since) { }

    /**
     * @param maxSocketsPerSeat  open sockets allowed for one player or host seat
     * @param maxObserverSockets open sockets allowed for one observer seat (a shared TV link)
     */
    public LiveTable(TableState state, PresenceSink presence, Clock clock, int maxSocketsPerSeat,
                     int maxObserverSockets) {
        this.state = state;
        this.presence = presence;
        this.clock = clock;
        this.maxSocketsPerSeat = maxSocketsPerSeat;
        this.maxObserverSockets = maxObserverSockets;
        joined.putAll(state.joinedBefore());   // a restarted relay: who had joined before it (TableState#restoreJoined)
    }

    /** Folds a message and sends its frames to every attached socket; closes sockets it invalidates. */
    public Change apply(Envelope<OutboxMessage> envelope) {
        List<String> gone = new ArrayList<>();
        Change change;
        synchronized (this) {
            if (Hop.ON) {
                Hop.stamp("table.locked");
            }
            change = state.apply(envelope);
            histories.clear();
            switch (change) {
                case Change.None n -> {
                    fanOut(envelope);
                    if (Hop.ON) {
                        Hop.stamp("table.fanned");
                    }
                }
                case Change.SeatGone g -> gone.addAll(detachSeat(g.seatId(), new Frame.Closing(g.reason()),
                        Refusal.UNAUTHORIZED.close()));
                case Change.SessionReset r -> gone.addAll(detachAll(new Frame.Reload("a new session started"),
                        CloseCodes.NORMAL));
                case Change.Closed c -> gone.addAll(detachAll(new Frame.Closing(c.reason()), CloseCodes.SESSION_CLOSED));
            }
        }
        gone.forEach(this::reportPresence);
        return change;
    }

    /**
     * Projects once per seat, not once per socket (the projection is a pure function of message and seat): an
     * audience of 1,000 sockets on one observer link costs one projection. Frames equal across seats (a public
     * narrative) are sent as one instance, so the sockets' encoder recognises them by identity instead of hashing
     * and comparing a record per socket (costly in C1-compiled code: docs/performance.md, Relay). Each socket gets
     * its frames in order; sockets are served seat by seat.
     */
    private void fanOut(Envelope<OutboxMessage> envelope) {
        String epoch = state.epoch().orElse("");
        List<Frame> distinct = new ArrayList<>(4);
        for (Map.Entry<Seat, Set<Outlet>> seat : bySeat.entrySet()) {
            List<Frame> frames = FeedProjector.project(envelope, seat.getKey(), epoch);
            if (frames.isEmpty()) {
                continue;
            }
            frames = shared(frames, distinct);
            for (Outlet outlet : seat.getValue()) {
                outlet.sendAll(frames);
            }
        }
    }

    /** {@code frames} with each frame replaced by an equal one already in {@code distinct}, which gets the new ones. */
    private static List<Frame> shared(List<Frame> frames, List<Frame> distinct) {
        List<Frame> out = new ArrayList<>(frames.size());
        for (Frame frame : frames) {
            Frame same = frame;
            for (Frame d : distinct) {
                if (d.equals(frame)) {
                    same = d;
                    break;
                }
            }
            if (same == frame) {
                distinct.add(frame);
            }
            out.add(same);
        }
        return out;
    }

    /** The seat presenting {@code token}, if its token is current. */
    public synchronized Optional<Seat> authenticate(String token) {
        return state.authenticate(token);
    }

    /**
     * Attaches an authenticated socket: sends {@code welcome} and its history, then it gets live frames.
     * A socket whose seat was revoked meanwhile, a stale epoch or one socket too many is refused.
     */
    public Attach attach(Outlet outlet, Optional<Long> since, Optional<String> epoch) {
        Attach result = attachLocked(outlet, since, epoch);
        if (result instanceof Attach.Attached) {
            reportPresence(outlet.seat().seatId());
        }
        return result;
    }

    private synchronized Attach attachLocked(Outlet outlet, Optional<Long> since, Optional<String> epoch) {
        Seat seat = outlet.seat();
        if (!state.seated(seat)) {
            return new Attach.Refused(Refusal.REVOKED, "this link is no longer valid");
        }
        if (!state.admits(seat)) {
            return new Attach.Refused(Refusal.ROOM_LOCKED, LOCKED);
        }
        String current = state.epoch().orElse("");
        if (epoch.isPresent() && !epoch.get().equals(current)) {
            return new Attach.Reload("the session changed; reload the feed");
        }
        int max = seat.role() == Role.OBSERVER ? maxObserverSockets : maxSocketsPerSeat;
        if (connections(seat.seatId()) >= max) {
            return new Attach.Refused(Refusal.TOO_MANY_SOCKETS, "too many open pages for this seat (max "
                    + max + ")");
        }
        Frame.Welcome welcome = new Frame.Welcome(new Frame.SeatView(seat.seatId(), seat.role().name(),
                seat.displayName(), seat.playerId(), seat.characterId()), state.campaign(), current, state.lastSeq());
        outlet.send(welcome);
        List<Frame> history = history(seat, current, epoch.isPresent() ? since : Optional.empty());
        outlet.sendAll(history);
        attachOutlet(outlet);
        lastSeen.put(seat.seatId(), clock.instant());
        joined.put(seat.seatId(), seat.tokenHash());
        return new Attach.Attached(welcome, history.size());
    }

    /** The frames {@code seat} gets on attaching with {@code since}, computed once per state (see {@link #histories}). */
    private List<Frame> history(Seat seat, String epoch, Optional<Long> since) {
        HistoryKey key = new HistoryKey(seat, epoch, since);
        List<Frame> history = histories.get(key);
        if (history == null) {
            history = List.copyOf(History.frames(state.feed(), pinned(), seat, epoch, since));
            if (histories.size() >= HISTORIES) {
                histories.clear();
            }
            histories.put(key, history);
        }
        return history;
    }

    private List<Envelope<OutboxMessage>> pinned() {
        List<Envelope<OutboxMessage>> pinned = new ArrayList<>(state.latestSheets());
        state.latestCombat().ifPresent(pinned::add);
        return pinned;
    }

    /** Detaches a socket (closed by either side); idempotent. */
    public void detach(Outlet outlet) {
        boolean removed;
        synchronized (this) {
            removed = detachOutlet(outlet);
            if (removed) {
                lastSeen.put(outlet.seat().seatId(), clock.instant());
            }
        }
        if (removed) {
            reportPresence(outlet.seat().seatId());
        }
    }

    /** Sends a frame to every attached socket of a seat (e.g. an action's {@code queued} status). */
    public synchronized void sendToSeat(String seatId, Frame frame) {
        for (Outlet o : outletsOf(seatId)) {
            o.send(frame);
        }
    }

    /** Records an action this relay just queued and tells the submitting seat's sockets. */
    public ActionRecord submitted(ActionSubmitted submitted) {
        synchronized (this) {
            ActionRecord record = state.submitted(submitted);
            sendToSeat(submitted.seatId(), new Frame.ActionStatus(record.actionId(), record.status().wire(),
                    record.reason(), Optional.empty(), Optional.empty()));
            return record;
        }
    }

    /** Closes every socket with a last frame (relay stopping). */
    public void closeAll(Frame last, int code) {
        List<String> gone;
        synchronized (this) {
            gone = detachAll(last, code);
        }
        gone.forEach(this::reportPresence);
    }

    private List<String> detachSeat(String seatId, Frame last, int code) {
        return closeLocked(outletsOf(seatId), last, code);
    }

    /**
     * The sockets of one seat, through the per-seat index: every submit asks, and scanning every socket made each
     * action cost as much as the audience is large. A seat id can key more than one {@link Seat} value (its seat
     * re-announced with other details while sockets of the old one are attached), so every entry is looked at.
     */
    private List<Outlet> outletsOf(String seatId) {
        List<Outlet> found = new ArrayList<>();
        for (Map.Entry<Seat, Set<Outlet>> seat : bySeat.entrySet()) {
            if (seat.getKey().seatId().equals(seatId)) {
                found.addAll(seat.getValue());
            }
        }
        return found;
    }

    private List<String> detachAll(Frame last, int code) {
        return closeLocked(List.copyOf(outlets), last, code);
    }

    private List<String> closeLocked(List<Outlet> closing, Frame last, int code) {
        String reason = last instanceof Frame.Closing c ? c.reason() : "reload";
        for (Outlet o : closing) {
            o.send(last);
            o.close(code, reason);
            detachOutlet(o);
            lastSeen.put(o.seat().seatId(), clock.instant());
        }
        return closing.stream().map(o -> o.seat().seatId()).distinct().toList();
    }

    private void attachOutlet(Outlet outlet) {
        if (outlets.add(outlet)) {
            bySeat.computeIfAbsent(outlet.seat(), s -> new LinkedHashSet<>()).add(outlet);
            perSeat.merge(outlet.seat().seatId(), 1, Integer::sum);
        }
    }

    private boolean detachOutlet(Outlet outlet) {
        if (!outlets.remove(outlet)) {
            return false;
        }
        Set<Outlet> same = bySeat.get(outlet.seat());
        if (same != null && same.remove(outlet) && same.isEmpty()) {
            bySeat.remove(outlet.seat());
        }
        perSeat.computeIfPresent(outlet.seat().seatId(), (id, n) -> n > 1 ? n - 1 : null);
        return true;
    }

    /** Open sockets of a seat. */
    public synchronized int connections(String seatId) {
        return perSeat.getOrDefault(seatId, 0);
    }

    /** A snapshot of the attached sockets (for heartbeats). */
    public synchronized List<Outlet> outlets() {
        return List.copyOf(outlets);
    }

    /** What {@code GET /status} answers, read at one instant. */
    public synchronized TableView.Status status() {
        List<Seat> seats = state.seatList();
        int connected = (int) seats.stream().filter(s -> connections(s.seatId()) > 0).count();
        return new TableView.Status(state.open(), seats.size(), connected);
    }

    /** The current campaign and epoch ("" before any session), read together. */
    public synchronized TableView.Session session() {
        return new TableView.Session(state.campaign(), state.epoch().orElse(""));
    }

    /** An action of {@code seat}; another seat's action is not found. */
    public synchronized Optional<ActionRecord> action(Seat seat, String actionId) {
        return state.action(actionId).filter(a -> a.seatId().equals(seat.seatId()));
    }

    /** The latest sheet {@code seat} may see of its own character ({@link VisibilityRules#canSeeSheet}). */
    public synchronized Optional<CharacterSheet> ownSheet(Seat seat) {
        return seat.characterId()
                .filter(c -> VisibilityRules.canSeeSheet(c, seat.webViewer(), seat.characterId()))
                .flatMap(state::sheet).map(CharacterUpdated::sheet);
    }

    /** The host screen's data, read at one instant. */
    public synchronized TableView.Host host() {
        List<Seat> seats = state.seatList();
        Map<String, String> names = new HashMap<>();
        seats.forEach(s -> names.put(s.seatId(), s.displayName()));
        return new TableView.Host(session(),
                seats.stream().map(s -> new TableView.SeatPresence(s, connections(s.seatId()),
                        Optional.ofNullable(lastSeen.get(s.seatId())))).toList(),
                state.pendingActions().stream().map(a -> new TableView.Pending(a,
                        names.getOrDefault(a.seatId(), "?"))).toList(),
                state.locked(), seats.stream().filter(state::admits).map(Seat::seatId).toList());
    }

    /**
     * The non-host seats that joined this session with the link they hold now: the seats a room lock keeps.
     * A seat whose link was rotated since it joined has not joined with its new link.
     */
    public synchronized List<String> joinedSeats() {
        return state.seatList().stream().filter(s -> s.role() != Role.DM)
                .filter(s -> s.tokenHash().equals(joined.get(s.seatId()))).map(Seat::seatId).toList();
    }

    /** The seat with this id, if seated now. */
    public synchronized Optional<Seat> seat(String seatId) {
        return state.seatList().stream().filter(s -> s.seatId().equals(seatId)).findFirst();
    }

    /**
     * Whether {@code seat} may send a request now at all: still seated and let in by the room lock.
     */
    public synchronized Optional<ActionService.Result.Refused> present(Seat seat) {
        if (!state.seated(seat)) {
            return Optional.of(new ActionService.Result.Refused(Refusal.REVOKED, "this link is no longer valid"));
        }
        if (!state.admits(seat)) {
            return Optional.of(new ActionService.Result.Refused(Refusal.ROOM_LOCKED, LOCKED));
        }
        return Optional.empty();
    }

    /** Whether {@code seat} may end its turn now ({@link TurnRules#mayEndTurn}), after {@link #present}. */
    public synchronized Optional<ActionService.Result.Refused> mayEndTurn(Seat seat) {
        Optional<ActionService.Result.Refused> gone = present(seat);
        if (gone.isPresent()) {
            return gone;
        }
        return switch (TurnRules.mayEndTurn(state.combatState().orElse(CombatState.none()), seat.webViewer())) {
            case TurnRules.Decision.Allowed a -> Optional.empty();
            case TurnRules.Decision.Refused r -> Optional.of(new ActionService.Result.Refused(
                    Refusal.of(r.refusal()), r.message()));
        };
    }

    /**
     * Whether {@code seat} may submit an action at {@code now}: still seated, then the shared
     * {@link TurnRules} on the current combat state and whether it already answered this prompt.
     */
    public synchronized Optional<ActionService.Result.Refused> admit(Seat seat, Instant now) {
        Optional<ActionService.Result.Refused> gone = present(seat);
        if (gone.isPresent()) {
            return gone;
        }
        return switch (TurnRules.decide(state.combatState().orElse(CombatState.none()), seat.webViewer(), now,
                state.answeredThisPrompt(seat.seatId()))) {
            case TurnRules.Decision.Allowed a -> Optional.empty();
            case TurnRules.Decision.Refused r -> Optional.of(new ActionService.Result.Refused(
                    Refusal.of(r.refusal()), r.message()));
        };
    }

    /**
     * The host screen of {@code seat} (the DM's seat) just polled: the seat counts one connection while its screen
     * keeps polling, so the DM's own presence reads "online" in {@code party_status} and the console. Reported on
     * the first poll; {@link #closeQuietHostScreens} takes it back.
     */
    public void hostScreenPolled(Seat seat) {
        boolean opened;
        synchronized (this) {
            Instant now = clock.instant();
            opened = hostScreens.put(seat.seatId(), now) == null;
            lastSeen.put(seat.seatId(), now);
        }
        if (opened) {
            reportPresence(seat.seatId());
        }
    }

    /** Host screens that have not polled since {@code horizon} are closed: their seats lose that connection. */
    public void closeQuietHostScreens(Instant horizon) {
        List<String> closed = new ArrayList<>();
        synchronized (this) {
            hostScreens.entrySet().removeIf(e -> {
                boolean quiet = e.getValue().isBefore(horizon);
                if (quiet) {
                    closed.add(e.getKey());
                }
                return quiet;
            });
        }
        closed.forEach(this::reportPresence);
    }

    /** Sockets plus an open host screen: what the seat's presence says. */
    private synchronized int presenceCount(String seatId) {
        return connections(seatId) + (hostScreens.containsKey(seatId) ? 1 : 0);
    }

    private void reportPresence(String seatId) {
        presence.changed(seatId, presenceCount(seatId));
    }
}
