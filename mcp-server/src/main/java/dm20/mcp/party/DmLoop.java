package dm20.mcp.party;

import dm20.mcp.game.Campaign;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Player;
import dm20.mcp.game.TurnNotices;
import dm20.protocol.Role;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Hop;
import dm20.protocol.sheet.CharacterSheet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The DM's side of the table while party mode runs: take the next action, answer it, show "thinking",
 * and manage seats. Every change is validated before anything is published; nothing is published for a
 * bad request. Thread-safe: game state is touched under the game lock only. Lock order: the
 * {@link PartyService} monitor (taken by {@code requireSession}/{@code seats}) is always taken before the
 * game lock, never while holding it.
 */
public final class DmLoop {

    /** The longest a single {@code party_wait} blocks. */
    public static final Duration MAX_WAIT = Duration.ofMinutes(5);

    private final PartyService party;
    private final PlayerRolls rolls;

    public DmLoop(PartyService party) {
        this.party = party;
        this.rolls = new PlayerRolls(() -> party.currentSession().ifPresent(s -> s.actions().nudge()));
    }

    /** The rolls players asked for that the DM has not read yet. */
    PlayerRolls rolls() {
        return rolls;
    }

    /** How often a waiting {@code party_wait} looks for a notice (a turn that timed out). */
    private static final Duration NOTICE_CHECK = Duration.ofMillis(250);

    /** Claims the oldest pending action, or says none is waiting; either carries the undelivered notices. */
    public PartyAnswer.Taken next() {
        PartySession s = party.requireSession();
        try {
            s.catchUp(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Optional<PartyAnswer.Claimed> claimed = party.lock().call(() -> s.actions().claimNext().map(a -> announceClaim(s, a)));
        return claimed.<PartyAnswer.Taken>map(c -> c).orElseGet(() -> new PartyAnswer.NoneWaiting("none pending", notices(), rolls.drain()));
    }

    /**
     * Blocks up to {@code timeout} (at most {@link #MAX_WAIT}) for an action and claims it. Returns early, with
     * no action, when a notice comes (a turn timed out), so an automatic DM hears of it at once.
     *
     * @return the action, or none (with the notices, if that is why it returned)
     * @throws InterruptedException if interrupted while waiting
     */
    public PartyAnswer.Taken await(Duration timeout) throws InterruptedException {
        PartySession s = party.requireSession();
        Duration bounded = timeout.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : timeout;
        long deadline = System.nanoTime() + bounded.toNanos();
        TurnNotices pending = party.notices();
        while (true) {
            long left = deadline - System.nanoTime();
            Duration slice = Duration.ofNanos(Math.max(0, Math.min(left, NOTICE_CHECK.toNanos())));
            Optional<QueuedAction> claimed = s.actions().awaitAndClaim(slice, rolls::any);
            if (claimed.isPresent()) {
                return party.lock().call(() -> announceClaim(s, claimed.get()));
            }
            boolean notice = pending.await(Duration.ZERO);
            if (notice || rolls.any() || left <= NOTICE_CHECK.toNanos()) {
                return new PartyAnswer.NoneWaiting(notice ? "none yet; a turn passed on its own"
                        : rolls.any() ? "none yet; a player rolled from their sheet (newPlayerRolls)"
                        : "none within " + bounded.toSeconds() + " s; call party_wait again", notices(), rolls.drain());
            }
        }
    }

    /** The notices not yet told to the DM, now told. */
    private List<PartyAnswer.Notice> notices() {
        return party.notices().drain().stream().map(PartyAnswer.Notice::of).toList();
    }

    private PartyAnswer.Claimed announceClaim(PartySession s, QueuedAction a) {
        s.publish(new OutboxMessage.ActionClaimed(a.id(), a.submitted().seatId(), party.clock().instant()));
        Campaign c = party.campaigns().current();
        String playerId = a.submitted().playerId();
        PartyAnswer.PlayerRef player = c.players().stream().filter(p -> p.id().equals(playerId)).findFirst()
                .map(p -> new PartyAnswer.PlayerRef(p.id(), p.name())).orElse(new PartyAnswer.PlayerRef(playerId, playerId));
        return new PartyAnswer.Claimed(a.id(), a.submitted().text(), a.submitted().privateToDm(),
                a.submitted().at().toString(), player,
                c.character(a.submitted().characterId()).map(PartyAnswer.CharacterSummary::of), c.combat(),
                s.actions().withStatus(QueuedAction.Status.PENDING).size(), notices(), rolls.drain());
    }

    /**
     * Answers an action: {@code narrative} for everyone, each private text for its player only, notes for
     * the DM only. Validates first (known, unanswered action; real players), then appends once.
     *
     * @param privateTo texts keyed by player or character (name or id)
     */
    public PartyAnswer.Resolved resolve(String actionId, String narrative, Map<String, String> privateTo,
                                       Optional<String> dmNotes) {
        if (Hop.ON) {
            Hop.stamp("party.resolve");
        }
        PartySession s = party.requireSession();
        return party.lock().call(() -> {
            QueuedAction a = s.actions().find(actionId).orElseThrow(() -> new GameException("no action '" + actionId
                    + "' in this session (an action answered in an earlier session is not kept); pending: " + s.actions().withStatus(QueuedAction.Status.PENDING).stream().map(QueuedAction::id).toList()
                    + ", claimed: " + s.actions().withStatus(QueuedAction.Status.CLAIMED).stream().map(QueuedAction::id).toList()));
            if (a.status() == QueuedAction.Status.RESOLVED || a.status() == QueuedAction.Status.REJECTED) {
                throw new GameException("action " + actionId + " is already " + a.status().name().toLowerCase()
                        + "; nothing was sent");
            }
            List<OutboxMessage.PrivatePart> parts = new ArrayList<>();
            privateTo.forEach((ref, text) -> parts.add(new OutboxMessage.PrivatePart(playerId(ref), text)));
            if (narrative.isBlank() && parts.isEmpty()) {
                throw new GameException("party_resolve needs a narrative or at least one private text");
            }
            s.publish(new OutboxMessage.ActionResolved(a.id(), a.submitted().seatId(), narrative, parts, dmNotes,
                    party.clock().instant(), Optional.of(actor(a))));
            return new PartyAnswer.Resolved(a.id(), true, parts.stream().map(OutboxMessage.PrivatePart::playerId).toList());
        });
    }

    /** Who acted, as the table knows them: the character's name, else the player's. */
    private String actor(QueuedAction a) {
        Campaign c = party.campaigns().current();
        return c.character(a.submitted().characterId()).map(CharacterSheet::name)
                .or(() -> c.players().stream().filter(p -> p.id().equals(a.submitted().playerId())).findFirst()
                        .map(Player::name))
                .orElse(a.submitted().playerId());
    }

    private String playerId(String ref) {
        Player p = party.players().find(ref);
        if (p.role() != Role.PLAYER) {
            throw new GameException(p.name() + " is an observer and cannot receive private text");
        }
        return p.id();
    }

    /** Shows or hides the "DM is thinking" indicator on every phone. */
    public void thinking(boolean on, Optional<String> label) {
        PartySession s = party.requireSession();
        s.publish(new OutboxMessage.DmThinking(on, label, party.clock().instant()));
    }

    /** Closes a seat's sockets and gives it a new token (the old link is dead at once). */
    public SeatLink kick(String ref) {
        PartySession s = party.requireSession();
        SeatBook seats = party.seats();
        return party.lock().call(() -> {
            SeatLink seat = seats.find(ref);
            if (seat.role() == Role.DM) {
                throw new GameException("the host seat cannot be kicked; use party_token to rotate its link");
            }
            SeatLink rotated = seats.rotate(seat.seatId());
            s.publish(new OutboxMessage.SeatRevoked(seat.seatId(), "removed by the host", party.clock().instant()));
            s.publish(SeatBook.issued(rotated, party.clock().instant()));
            return rotated;
        });
    }

    /** Rotates a seat's token: the old link stops working and its sockets close; returns the new link. */
    public SeatLink rotate(String ref) {
        PartySession s = party.requireSession();
        SeatBook seats = party.seats();
        return party.lock().call(() -> {
            SeatLink rotated = seats.rotate(seats.find(ref).seatId());
            s.publish(SeatBook.issued(rotated, party.clock().instant()));
            return rotated;
        });
    }

    /** Relay up/down, URL, each seat's presence, queue counts and the next pending action. */
    public PartyAnswer.Status status() {
        PartySession s = party.requireSession();
        try {
            s.catchUp(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RelayStatus relay = s.relay();
        String state = s.relayAnswers() ? "up" : relay.state() == RelayStatus.State.UP
                ? "down (not answering; party_start restarts it, links stay the same)" : relay.state().name().toLowerCase();
        List<PartyAnswer.SeatPresence> seats = party.presence().orElse(List.of());
        return new PartyAnswer.Status(state, relay.url(), relay.reason(), seats, s.actions().counts(),
                s.actions().peek().map(a -> new PartyAnswer.Pending(a.id(), a.submitted().playerId(), a.submitted().text())),
                notices(), s.locked(), party.settings().playerRolls(), rolls.drain());
    }

    /** The base URL players use, if the relay reported one. */
    public Optional<String> baseUrl() {
        return party.requireSession().relay().url();
    }
}
