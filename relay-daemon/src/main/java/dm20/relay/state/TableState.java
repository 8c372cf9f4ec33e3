package dm20.relay.state;

import dm20.protocol.CombatState;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.OutboxMessage.ActionClaimed;
import dm20.protocol.message.OutboxMessage.ActionRejected;
import dm20.protocol.message.OutboxMessage.ActionResolved;
import dm20.protocol.message.OutboxMessage.CharacterUpdated;
import dm20.protocol.message.OutboxMessage.CombatUpdated;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import dm20.protocol.message.OutboxMessage.DmThinking;
import dm20.protocol.message.OutboxMessage.NarrativePosted;
import dm20.protocol.message.OutboxMessage.PrivateMessageSent;
import dm20.protocol.message.OutboxMessage.RoomLockChanged;
import dm20.protocol.message.OutboxMessage.SeatIssued;
import dm20.protocol.message.OutboxMessage.SeatRevoked;
import dm20.protocol.message.OutboxMessage.SessionClosed;
import dm20.protocol.message.OutboxMessage.SessionOpened;
import dm20.protocol.queue.Envelope;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the relay knows, as the fold of the outbox: {@link #apply} each message in order. A
 * {@code session_opened} resets it, so folding from the latest one gives the same state as folding the whole
 * outbox from its start — that is how a restarted relay rebuilds exactly what it had, without reading every
 * earlier session. Not thread-safe: the caller serializes access.
 */
public final class TableState {

    /** What a folded message did beyond updating the state, for the sockets. */
    public sealed interface Change {
        /** Nothing beyond the state. */
        record None() implements Change { }
        /** A new session (epoch) started: every cursor is void. */
        record SessionReset(String epoch) implements Change { }
        /** A seat's token stopped working (revoked or rotated): its sockets must close. */
        record SeatGone(String seatId, String reason) implements Change { }
        /** Party mode ended. */
        record Closed(String reason) implements Change { }
    }

    private static final Change NONE = new Change.None();

    private final SeatRegistry seats = new SeatRegistry();
    private final ActionBook actions = new ActionBook();
    private final List<Envelope<OutboxMessage>> feed = new ArrayList<>();
    private final Map<String, Envelope<OutboxMessage>> sheets = new LinkedHashMap<>();
    private Optional<Envelope<OutboxMessage>> combat = Optional.empty();
    private Optional<String> epoch = Optional.empty();
    private String campaign = "";
    private Instant sessionStart = Instant.EPOCH;
    private boolean open;
    private Instant promptSince = Instant.EPOCH;
    private long lastSeq = -1;
    private boolean locked;
    /** While locked: seat id → the token hash it was seated with when the room was locked. */
    private final Map<String, String> admitted = new LinkedHashMap<>();
    /** Seat id → when its current link was issued (first, or rotated): a socket before that held another link. */
    private final Map<String, Instant> linkSince = new LinkedHashMap<>();
    /** Seat id → the token hash it had joined this session with before this relay started ({@link #restoreJoined}). */
    private final Map<String, String> joinedBefore = new LinkedHashMap<>();

    /** Folds one outbox message. */
    public Change apply(Envelope<OutboxMessage> envelope) {
        lastSeq = Math.max(lastSeq, envelope.sequence());
        return switch (envelope.message()) {
            case SessionOpened s -> reset(s);
            case SeatIssued s -> issue(s);
            case SeatRevoked s -> {
                admitted.remove(s.seatId());
                linkSince.remove(s.seatId());
                joinedBefore.remove(s.seatId());
                yield seats.revoke(s.seatId()) ? new Change.SeatGone(s.seatId(), s.reason()) : NONE;
            }
            case RoomLockChanged r -> lock(r);
            case SessionClosed s -> close(s);
            case ActionRejected a -> feed(envelope, () -> actions.status(a.actionId(), a.seatId(),
                    ActionStatus.REJECTED, Optional.of(a.reason())));
            case ActionClaimed a -> feed(envelope, () -> actions.status(a.actionId(), a.seatId(),
                    ActionStatus.PROCESSING, Optional.empty()));
            case ActionResolved a -> feed(envelope, () -> actions.status(a.actionId(), a.seatId(),
                    ActionStatus.RESOLVED, Optional.empty()));
            case CharacterUpdated c -> feed(envelope, () -> sheets.put(c.characterId(), envelope));
            case CombatUpdated c -> feed(envelope, () -> combat(envelope, c));
            case NarrativePosted n -> feed(envelope, () -> { });
            case PrivateMessageSent p -> feed(envelope, () -> { });
            case DiceRolled d -> feed(envelope, () -> { });
            case DmThinking d -> feed(envelope, () -> { });
        };
    }

    private Change reset(SessionOpened s) {
        seats.clear();
        actions.clear();
        feed.clear();
        sheets.clear();
        combat = Optional.empty();
        promptSince = Instant.EPOCH;
        locked = false;
        admitted.clear();
        linkSince.clear();
        joinedBefore.clear();
        epoch = Optional.of(s.epoch());
        campaign = s.campaign();
        sessionStart = s.at();
        open = true;
        return new Change.SessionReset(s.epoch());
    }

    private Change issue(SeatIssued s) {
        SeatRegistry.IssueOutcome outcome = seats.issue(s);
        if (outcome != SeatRegistry.IssueOutcome.UPDATED) {
            linkSince.put(s.seatId(), s.at());
        }
        if (outcome != SeatRegistry.IssueOutcome.ROTATED) {
            return NONE;
        }
        // a new link is a new device: while locked it stays out until the host unlocks
        admitted.remove(s.seatId());
        joinedBefore.remove(s.seatId());
        return new Change.SeatGone(s.seatId(), "your link was replaced; ask the host for the new one");
    }

    private Change lock(RoomLockChanged r) {
        locked = r.locked();
        admitted.clear();
        if (locked) {
            r.seated().forEach(id -> seats.byId(id).ifPresent(seat -> admitted.put(id, seat.tokenHash())));
        }
        return NONE;
    }

    /** True while the host has locked the room. */
    public boolean locked() {
        return locked;
    }

    /**
     * Whether {@code seat} may attach or act with respect to the room lock: always when unlocked, always for
     * the host's own seat, else only a seat that was seated when the room was locked, with that same token.
     */
    public boolean admits(Seat seat) {
        return !locked || seat.role() == dm20.protocol.Role.DM
                || Optional.ofNullable(admitted.get(seat.seatId())).map(h -> h.equals(seat.tokenHash())).orElse(false);
    }

    private Change close(SessionClosed s) {
        open = false;
        seats.clear();
        return new Change.Closed(s.reason());
    }

    private Change feed(Envelope<OutboxMessage> envelope, Runnable update) {
        feed.add(envelope);
        update.run();
        return NONE;
    }

    private void combat(Envelope<OutboxMessage> envelope, CombatUpdated c) {
        CombatState before = combatState().orElse(CombatState.none());
        CombatState after = c.combat();
        boolean samePrompt = before.round() == after.round() && before.prompt().equals(after.prompt())
                && before.deadline().equals(after.deadline()) && before.mode() == after.mode();
        if (!samePrompt) {
            promptSince = c.at();
        }
        combat = Optional.of(envelope);
    }

    /** Adds actions this relay queued earlier (read back from the inbox): only those of this session. */
    public void restoreSubmissions(Collection<ActionSubmitted> submitted) {
        submitted.stream().filter(s -> !s.at().isBefore(sessionStart)).forEach(actions::submitted);
    }

    /**
     * What a restarted relay knows of who had joined this session, for a room lock the host sets later (it keeps the
     * seats that joined): {@code attached} is each seat's last time its socket count went up this session, from the
     * inbox's presence reports. A seat counts as joined with the link it holds if that was at or after its link was
     * issued (before, the socket held a link since rotated); the host's own seat never needs to have joined.
     * Where the reports cannot tell (a change collapsed into the next one), the seat does not count: as before a
     * restart, its phone joins again by reconnecting.
     */
    public void restoreJoined(Map<String, Instant> attached) {
        joinedBefore.clear();
        attached.forEach((id, at) -> seats.byId(id)
                .filter(seat -> seat.role() != dm20.protocol.Role.DM)
                .filter(seat -> !at.isBefore(sessionStart) && !at.isBefore(linkSince.getOrDefault(id, Instant.MAX)))
                .ifPresent(seat -> joinedBefore.put(id, seat.tokenHash())));
    }

    /** Seat id → token hash: the seats that had joined this session before this relay started, with their link. */
    public Map<String, String> joinedBefore() {
        return Map.copyOf(joinedBefore);
    }

    /** The seat registry; package-private so only the state package (and its tests) touch it. */
    SeatRegistry seats() {
        return seats;
    }

    ActionBook actions() {
        return actions;
    }

    /** The seat presenting {@code token}, if its token is current (constant-time over every seat). */
    public Optional<Seat> authenticate(String token) {
        return seats.authenticate(token);
    }

    /** True if {@code seat} is still seated exactly as given (not revoked, not rotated). */
    public boolean seated(Seat seat) {
        return seats.byId(seat.seatId()).filter(seat::equals).isPresent();
    }

    /** The seats, in issue order. */
    public List<Seat> seatList() {
        return seats.all();
    }

    /** An action this relay queued, with its latest status. */
    public Optional<ActionRecord> action(String actionId) {
        return actions.byId(actionId);
    }

    /** Actions not yet resolved or rejected, oldest first. */
    public List<ActionRecord> pendingActions() {
        return actions.pending();
    }

    /** Records a submission this relay just appended to the inbox; idempotent on the action id. */
    public ActionRecord submitted(ActionSubmitted submitted) {
        return actions.submitted(submitted);
    }

    /** True if the seat already answered the current combat prompt. */
    public boolean answeredThisPrompt(String seatId) {
        return actions.answeredSince(seatId, promptSince);
    }

    /**
     * The feed messages of this session in outbox order (session and seat messages are not in it): a
     * read-only view, not a copy (a reconnecting socket must not cost a copy of the whole session), so read
     * it under the same lock as the folding.
     */
    public List<Envelope<OutboxMessage>> feed() {
        return java.util.Collections.unmodifiableList(feed);
    }

    /** The latest {@code character_updated} of each character. */
    public Collection<Envelope<OutboxMessage>> latestSheets() {
        return List.copyOf(sheets.values());
    }

    /** The latest {@code character_updated} of one character. */
    public Optional<CharacterUpdated> sheet(String characterId) {
        return Optional.ofNullable(sheets.get(characterId)).map(e -> (CharacterUpdated) e.message());
    }

    /** The latest {@code combat_updated}, if any. */
    public Optional<Envelope<OutboxMessage>> latestCombat() {
        return combat;
    }

    /** The current combat state; empty when none was ever posted this session. */
    public Optional<CombatState> combatState() {
        return combat.map(e -> ((CombatUpdated) e.message()).combat());
    }

    /** When the current combat prompt (round, mode, prompt text and deadline) started. */
    public Instant promptSince() {
        return promptSince;
    }

    public Optional<String> epoch() {
        return epoch;
    }

    public String campaign() {
        return campaign;
    }

    /** True between a {@code session_opened} and a {@code session_closed} (which also voids every seat). */
    public boolean open() {
        return open;
    }

    /** The highest outbox sequence folded, or -1. */
    public long lastSeq() {
        return lastSeq;
    }

    /** For tests and logs: a short summary without ids or tokens. */
    @Override
    public String toString() {
        return "TableState[open=" + open + ", seats=" + seats.size() + ", feed=" + feed.size() + "]";
    }
}
