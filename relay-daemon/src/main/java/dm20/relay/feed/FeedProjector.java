package dm20.relay.feed;

import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.Visibility;
import dm20.protocol.TurnRules;
import dm20.protocol.VisibilityRules;
import dm20.protocol.Viewer;
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
import dm20.protocol.message.OutboxMessage.PrivatePart;
import dm20.protocol.queue.Envelope;
import dm20.relay.state.ActionStatus;
import dm20.relay.state.Seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one filter between the outbox and a socket: (message, seat) → the frames that seat may see.
 * Pure, stateless and thread-safe. Rules (docs/protocol.md §1.2):
 * narrative and rolls per {@link VisibilityRules} (DM-only content reaches nobody on the web, the DM seat
 * sees the web as an observer); whispers and private parts only to their players; action status only to
 * the submitting seat; sheets only to the owner; combat to everyone through {@link CombatState#viewFor}.
 * Session and seat messages produce no frames.
 */
public final class FeedProjector {

    private FeedProjector() {
    }

    public static List<Frame> project(Envelope<OutboxMessage> envelope, Seat seat, String epoch) {
        long seq = envelope.sequence();
        Viewer viewer = seat.webViewer();
        return switch (envelope.message()) {
            case NarrativePosted n -> VisibilityRules.canSee(n.visibility(), viewer)
                    ? List.of(new Frame.Narrative(seq, epoch, n.postId(), n.text(), scope(n.visibility()), n.at(),
                    Optional.empty()))
                    : List.of();
            case PrivateMessageSent p -> p.playerIds().stream().anyMatch(id -> VisibilityRules.canSeePrivateTo(id, viewer))
                    ? List.of(new Frame.Whisper(seq, epoch, p.messageId(), p.text(), p.at()))
                    : List.of();
            case DiceRolled d -> VisibilityRules.canSee(d.visibility(), viewer) ? List.of(roll(seq, epoch, d)) : List.of();
            case ActionResolved r -> resolved(seq, epoch, r, seat, viewer);
            case ActionClaimed c -> status(seq, epoch, c.actionId(), c.seatId(), seat, ActionStatus.PROCESSING,
                    Optional.empty());
            case ActionRejected r -> status(seq, epoch, r.actionId(), r.seatId(), seat, ActionStatus.REJECTED,
                    Optional.of(r.reason()));
            case CharacterUpdated c -> VisibilityRules.canSeeSheet(c.characterId(), viewer, seat.characterId())
                    ? List.of(new Frame.Sheet(seq, epoch, c.sheet()))
                    : List.of();
            case CombatUpdated c -> List.of(combat(seq, epoch, c.combat(), seat));
            case DmThinking t -> List.of(new Frame.Thinking(seq, epoch, t.thinking(), t.label()));
            case OutboxMessage.SessionOpened s -> List.of();
            case OutboxMessage.SeatIssued s -> List.of();
            case OutboxMessage.SeatRevoked s -> List.of();
            case OutboxMessage.SessionClosed s -> List.of();
            case OutboxMessage.RoomLockChanged r -> List.of();
        };
    }

    private static String scope(Visibility visibility) {
        return switch (visibility.scope()) {
            case PUBLIC, PARTY -> visibility.scope().name().toLowerCase(Locale.ROOT);
            case PLAYERS, DM_ONLY -> "private";
        };
    }

    private static Frame roll(long seq, String epoch, DiceRolled d) {
        return new Frame.Roll(seq, epoch, d.rollId(), d.label(), d.notation(), d.dice(), d.kept(), d.modifier(),
                d.total(), scope(d.visibility()), d.at(), d.actor());
    }

    private static List<Frame> resolved(long seq, String epoch, ActionResolved r, Seat seat, Viewer viewer) {
        List<Frame> frames = new ArrayList<>(2);
        Optional<String> mine = r.privateParts().stream().filter(p -> VisibilityRules.canSeePrivateTo(p.playerId(), viewer))
                .map(PrivatePart::text).reduce((a, b) -> a + "\n\n" + b);
        if (!r.narrative().isBlank() || mine.isPresent()) {
            frames.add(new Frame.Resolution(seq, epoch, r.actionId(), r.narrative(), mine, r.at(), r.actor()));
        }
        frames.addAll(status(seq, epoch, r.actionId(), r.seatId(), seat, ActionStatus.RESOLVED, Optional.empty()));
        return frames;
    }

    private static List<Frame> status(long seq, String epoch, String actionId, String submitter, Seat seat,
                                      ActionStatus status, Optional<String> reason) {
        return submitter.equals(seat.seatId())
                ? List.of(new Frame.ActionStatus(actionId, status.wire(), reason, Optional.of(seq), Optional.of(epoch)))
                : List.of();
    }

    private static Frame combat(long seq, String epoch, CombatState combat, Seat seat) {
        CombatState view = combat.viewFor(seat.webViewer());
        boolean yourTurn = combat.active() && controls(combat.current(), seat);
        boolean onDeck = combat.active() && controls(combat.onDeckId()
                .flatMap(id -> combat.order().stream().filter(c -> c.id().equals(id)).findFirst()), seat);
        return new Frame.Combat(seq, epoch, view, yourTurn, onDeck, TurnRules.mayAct(combat, seat.webViewer()));
    }

    private static boolean controls(Optional<Combatant> combatant, Seat seat) {
        return combatant.flatMap(Combatant::playerId).map(seat::isPlayer).orElse(false);
    }
}
