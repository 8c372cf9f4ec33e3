package dm20.protocol;

import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.TurnMode;

import java.time.Instant;

/**
 * The single turn rule: who may act now, from the combat state. Both processes apply it (the relay
 * before it queues a player's action, the mcp-server before a player passes or holds a turn). Stateless
 * and thread-safe.
 *
 * <ul>
 *   <li>only players act; the DM is never gated here (the DM runs the table, not a turn);</li>
 *   <li>no combat (or inactive): every player;</li>
 *   <li>round-robin: only the player controlling the current combatant;</li>
 *   <li>simultaneous: each player the table waits for, once per prompt, until the deadline.</li>
 * </ul>
 */
public final class TurnRules {

    /** Why a player may not act now; the message says what to wait for. */
    public enum Refusal { WRONG_ROLE, NOT_YOUR_TURN, ALREADY_SUBMITTED }

    /** The answer: allowed, or refused with a reason and a message for the player. */
    public sealed interface Decision {
        record Allowed() implements Decision { }

        record Refused(Refusal refusal, String message) implements Decision { }
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    private TurnRules() {
    }

    /**
     * Decides whether {@code viewer} may submit an action now.
     *
     * @param answered whether this player already answered since the current simultaneous prompt began
     *                 (checked first: a second answer is "already submitted", whatever the table waits for)
     */
    public static Decision decide(CombatState combat, Viewer viewer, Instant now, boolean answered) {
        if (viewer.role() != Role.PLAYER) {
            return new Decision.Refused(Refusal.WRONG_ROLE, "only players can submit actions");
        }
        if (!combat.active()) {
            return ALLOWED;
        }
        return combat.mode() == TurnMode.ROUND_ROBIN ? roundRobin(combat, viewer)
                : simultaneous(combat, viewer, now, answered);
    }

    /** Whether {@code viewer} could act in {@code combat}, ignoring the clock and earlier answers. */
    public static boolean mayAct(CombatState combat, Viewer viewer) {
        return decide(combat, viewer, Instant.MIN, false) instanceof Decision.Allowed;
    }

    /**
     * Decides whether {@code viewer} may end their own turn now (the page's "End my turn"): only a player,
     * only in an active round-robin combat, only while the current combatant is theirs.
     */
    public static Decision mayEndTurn(CombatState combat, Viewer viewer) {
        if (viewer.role() != Role.PLAYER) {
            return new Decision.Refused(Refusal.WRONG_ROLE, "only players end their turn");
        }
        if (!combat.active()) {
            return new Decision.Refused(Refusal.NOT_YOUR_TURN, "no combat is running, so there is no turn to end");
        }
        if (combat.mode() != TurnMode.ROUND_ROBIN) {
            return new Decision.Refused(Refusal.NOT_YOUR_TURN,
                    "everyone acts at once this round; the DM moves on when the round is done");
        }
        return roundRobin(combat, viewer);
    }

    /** Whether {@code viewer} controls the current combatant of a round-robin turn (the DM always does). */
    public static boolean ownsTurn(CombatState combat, Viewer viewer) {
        return viewer.role() == Role.DM || combat.current().flatMap(Combatant::playerId).map(viewer::is).orElse(false);
    }

    private static Decision roundRobin(CombatState c, Viewer viewer) {
        if (ownsTurn(c, viewer)) {
            return ALLOWED;
        }
        String name = c.viewFor(Viewer.observer()).current().map(Combatant::name).orElse("the DM");
        return new Decision.Refused(Refusal.NOT_YOUR_TURN, "waiting for " + name);
    }

    private static Decision simultaneous(CombatState c, Viewer viewer, Instant now, boolean answered) {
        if (answered) {
            return new Decision.Refused(Refusal.ALREADY_SUBMITTED, "you already answered this round");
        }
        if (c.deadline().map(now::isAfter).orElse(false)) {
            return new Decision.Refused(Refusal.NOT_YOUR_TURN, "time is up for this round; wait for the DM");
        }
        if (!viewer.playerId().map(c.waitingFor()::contains).orElse(false)) {
            return new Decision.Refused(Refusal.NOT_YOUR_TURN, "the DM is not waiting for you this round");
        }
        return ALLOWED;
    }
}
