package dm20.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of combat as the mcp-server owns it. {@link #viewFor(Viewer)} is the one place that
 * decides what a player or observer may see of it: hidden combatants and hidden conditions vanish, and
 * non-PC hit points and armor class are removed for everyone but the DM.
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
     * @param ac          armor class; for non-PCs only the DM's view carries it (a 5e table learns a
     *                    monster's AC by hitting it, not from a screen). Absent in entries written before it
     * @param conditions  active conditions; players see those not marked hidden. Empty in older entries
     */
    public record Combatant(String id, String name, Kind kind, Optional<String> characterId,
                            Optional<String> playerId, int initiative, Optional<Integer> hp,
                            Optional<Integer> maxHp, boolean hidden, boolean downed, boolean holding,
                            Optional<Integer> ac, List<ConditionTag> conditions) {
        public Combatant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            characterId = characterId == null ? Optional.empty() : characterId;
            playerId = playerId == null ? Optional.empty() : playerId;
            hp = hp == null ? Optional.empty() : hp;
            maxHp = maxHp == null ? Optional.empty() : maxHp;
            ac = ac == null ? Optional.empty() : ac;
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }

        /** A combatant without armor class or conditions (as written before they existed). */
        public Combatant(String id, String name, Kind kind, Optional<String> characterId, Optional<String> playerId,
                         int initiative, Optional<Integer> hp, Optional<Integer> maxHp, boolean hidden,
                         boolean downed, boolean holding) {
            this(id, name, kind, characterId, playerId, initiative, hp, maxHp, hidden, downed, holding,
                    Optional.empty(), List.of());
        }

        /** The same combatant with another HP and downed flag. */
        public Combatant withHp(Optional<Integer> newHp, boolean isDowned) {
            return new Combatant(id, name, kind, characterId, playerId, initiative, newHp, maxHp, hidden, isDowned,
                    holding, ac, conditions);
        }

        /** The same combatant, holding or not. */
        public Combatant withHolding(boolean isHolding) {
            return new Combatant(id, name, kind, characterId, playerId, initiative, hp, maxHp, hidden, downed,
                    isHolding, ac, conditions);
        }

        /** The same combatant with other conditions. */
        public Combatant withConditions(List<ConditionTag> newConditions) {
            return new Combatant(id, name, kind, characterId, playerId, initiative, hp, maxHp, hidden, downed,
                    holding, ac, newConditions);
        }

        /** The same combatant with another armor class. */
        public Combatant withAc(Optional<Integer> newAc) {
            return new Combatant(id, name, kind, characterId, playerId, initiative, hp, maxHp, hidden, downed,
                    holding, newAc, conditions);
        }

        /** What a player sees: no hidden conditions; for non-PCs also no HP and no AC. */
        Combatant forPlayers() {
            List<ConditionTag> shown = conditions.stream().filter(c -> !c.hidden()).toList();
            boolean pc = kind == Kind.PC;
            return new Combatant(id, name, kind, characterId, playerId, initiative, pc ? hp : Optional.empty(),
                    pc ? maxHp : Optional.empty(), hidden, downed, holding, pc ? ac : Optional.empty(), shown);
        }
    }

    /**
     * A condition on a combatant, as the table sees it.
     *
     * @param name   the condition, e.g. "poisoned", "restrained", "concentrating on Bless"
     * @param ends   when it ends, in words (e.g. "end of Goblin's next turn", "save ends (DC 13 WIS)");
     *               absent: until removed
     * @param hidden known to the DM only (players never receive it)
     */
    public record ConditionTag(String name, Optional<String> ends, boolean hidden) {
        public ConditionTag {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("condition name must not be blank");
            }
            ends = ends == null ? Optional.empty() : ends;
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
     * What {@code viewer} may see: the DM sees everything; everyone else loses hidden combatants, hidden
     * conditions, and the hit points and armor class of anything that is not a PC. A hidden current or
     * on-deck combatant is not named.
     */
    public CombatState viewFor(Viewer viewer) {
        if (viewer.role() == Role.DM) {
            return this;
        }
        List<Combatant> visible = order.stream()
                .filter(c -> !c.hidden())
                .map(Combatant::forPlayers)
                .toList();
        return new CombatState(active, round, mode, visible,
                currentId.filter(id -> isIn(visible, id)), onDeckId.filter(id -> isIn(visible, id)),
                deadline, prompt, waitingFor);
    }

    private static boolean isIn(List<Combatant> list, String id) {
        return list.stream().anyMatch(c -> c.id().equals(id));
    }
}
