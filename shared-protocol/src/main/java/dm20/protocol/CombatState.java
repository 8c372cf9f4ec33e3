package dm20.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of combat as the mcp-server owns it. {@link #viewFor(Viewer)} is the one place that
 * decides what a player or observer may see of it: hidden combatants vanish and non-PC hit points are
 * removed for everyone but the DM.
 *
 * @param active       false when there is no combat (the other fields are then empty)
 * @param round        the round number, from 1
 * @param mode         how actions are taken
 * @param order        combatants in initiative order
 * @param currentId    the combatant whose turn it is (round-robin)
 * @param onDeckId     the next combatant that is not downed
 * @param deadline     when the current turn (or the simultaneous prompt) is passed automatically
 * @param prompt       simultaneous mode: what the DM asked everyone
 * @param waitingFor   player ids the table is waiting for
 */
public record CombatState(
        boolean active,
        int round,
        TurnMode mode,
        List<Combatant> order,
        Optional<String> currentId,
        Optional<String> onDeckId,
        Optional<Instant> deadline,
        Optional<String> prompt,
        List<String> waitingFor) {

    /** How combatants act. */
    public enum TurnMode {
        /** One combatant at a time, in initiative order. */
        ROUND_ROBIN,
        /** Every player answers the DM's prompt once before the deadline. */
        SIMULTANEOUS
    }

    /** Kind of combatant. */
    public enum Kind { PC, NPC, MONSTER }

    /**
     * One participant.
     *
     * @param id          stable combatant id (a PC's is its character id)
     * @param playerId    the controlling player, for PCs
     * @param hp          current HP; for non-PCs only the DM's view carries it
     * @param maxHp       maximum HP, same rule as {@code hp}
     * @param hidden      not yet revealed to the players
     * @param downed      at 0 HP: skipped by "next turn"
     * @param holding     holding (readying) their action
     */
    public record Combatant(String id, String name, Kind kind, Optional<String> characterId,
                            Optional<String> playerId, int initiative, Optional<Integer> hp,
                            Optional<Integer> maxHp, boolean hidden, boolean downed, boolean holding) {
        public Combatant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            characterId = characterId == null ? Optional.empty() : characterId;
            playerId = playerId == null ? Optional.empty() : playerId;
            hp = hp == null ? Optional.empty() : hp;
            maxHp = maxHp == null ? Optional.empty() : maxHp;
        }

        Combatant withoutHp() {
            return new Combatant(id, name, kind, characterId, playerId, initiative, Optional.empty(),
                    Optional.empty(), hidden, downed, holding);
        }
    }

    private static final CombatState NONE = new CombatState(false, 0, TurnMode.ROUND_ROBIN, List.of(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

    public CombatState {
        mode = Objects.requireNonNullElse(mode, TurnMode.ROUND_ROBIN);
        order = order == null ? List.of() : List.copyOf(order);
        currentId = currentId == null ? Optional.empty() : currentId;
        onDeckId = onDeckId == null ? Optional.empty() : onDeckId;
        deadline = deadline == null ? Optional.empty() : deadline;
        prompt = prompt == null ? Optional.empty() : prompt;
        waitingFor = waitingFor == null ? List.of() : List.copyOf(waitingFor);
    }

    /** No combat. */
    public static CombatState none() {
        return NONE;
    }

    /** The combatant whose turn it is, if any. */
    public Optional<Combatant> current() {
        return currentId.flatMap(id -> order.stream().filter(c -> c.id().equals(id)).findFirst());
    }

    /**
     * What {@code viewer} may see: the DM sees everything; everyone else loses hidden combatants and
     * the hit points of anything that is not a PC. A hidden current or on-deck combatant is not named.
     */
    public CombatState viewFor(Viewer viewer) {
        if (viewer.role() == Role.DM) {
            return this;
        }
        List<Combatant> visible = order.stream()
                .filter(c -> !c.hidden())
                .map(c -> c.kind() == Kind.PC ? c : c.withoutHp())
                .toList();
        return new CombatState(active, round, mode, visible,
                currentId.filter(id -> isIn(visible, id)), onDeckId.filter(id -> isIn(visible, id)),
                deadline, prompt, waitingFor);
    }

    private static boolean isIn(List<Combatant> list, String id) {
        return list.stream().anyMatch(c -> c.id().equals(id));
    }
}
