package dm20.relay.state;

import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.TurnMode;
import dm20.protocol.Role;
import dm20.protocol.Viewer;

import java.time.Instant;
import java.util.Optional;

/**
 * Who may submit an action now, from the latest combat state. Stateless and thread-safe.
 *
 * <ul>
 *   <li>no combat (or inactive): every player;</li>
 *   <li>round-robin: only the player controlling the current combatant;</li>
 *   <li>simultaneous: each player the table waits for, once per prompt, until the deadline.</li>
 * </ul>
 */
public final class TurnGate {

    /** The answer: allowed, or refused with a wire error code and a message for the player. */
    public sealed interface Decision {
        record Allowed() implements Decision { }
        record Refused(String error, String message) implements Decision { }
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    private TurnGate() {
    }

    /**
     * Decides a submission.
     *
     * @param answered whether this seat already submitted since the current simultaneous prompt began
     */
    public static Decision decide(Optional<CombatState> combat, Seat seat, Instant now, boolean answered) {
        if (seat.role() != Role.PLAYER) {
            return new Decision.Refused("wrong_role", "only players can submit actions");
        }
        if (combat.isEmpty() || !combat.get().active()) {
            return ALLOWED;
        }
        CombatState c = combat.get();
        return c.mode() == TurnMode.ROUND_ROBIN ? roundRobin(c, seat) : simultaneous(c, seat, now, answered);
    }

    /** Whether the seat could act in this combat state, ignoring the clock and earlier answers. */
    public static boolean mayAct(CombatState combat, Seat seat) {
        return decide(Optional.of(combat), seat, Instant.MIN, false) instanceof Decision.Allowed;
    }

    private static Decision roundRobin(CombatState c, Seat seat) {
        Optional<Combatant> current = c.current();
        if (current.flatMap(Combatant::playerId).map(seat::isPlayer).orElse(false)) {
            return ALLOWED;
        }
        String name = c.viewFor(Viewer.observer()).current().map(Combatant::name).orElse("the DM");
        return new Decision.Refused("not_your_turn", "waiting for " + name);
    }

    private static Decision simultaneous(CombatState c, Seat seat, Instant now, boolean answered) {
        if (c.deadline().map(now::isAfter).orElse(false)) {
            return new Decision.Refused("not_your_turn", "time is up for this round; wait for the DM");
        }
        if (!seat.playerId().map(c.waitingFor()::contains).orElse(false)) {
            return new Decision.Refused("not_your_turn", "the DM is not waiting for you this round");
        }
        if (answered) {
            return new Decision.Refused("already_submitted", "you already answered this round");
        }
        return ALLOWED;
    }
}
