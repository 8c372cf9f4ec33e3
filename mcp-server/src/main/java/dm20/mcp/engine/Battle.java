package dm20.mcp.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's side of one fight, saved beside the campaign's combat file: the stat block behind each
 * monster, the conditions in play, who concentrates on what, and whether monsters at 0 HP die or are
 * knocked out. Immutable; changes make a new value.
 *
 * @param blocks         stat blocks by combatant id
 * @param conditions     conditions in play
 * @param concentrations who concentrates on which spell
 * @param knockOut       monsters at 0 HP fall unconscious instead of dying
 * @param nextId         the next condition id's number
 */
public record Battle(Map<String, StatBlock> blocks, List<ActiveCondition> conditions,
                     List<Concentration> concentrations, boolean knockOut, int nextId) {

    /** No fight. */
    public static final Battle NONE = new Battle(Map.of(), List.of(), List.of(), false, 1);

    /**
     * A caster's concentration.
     *
     * @param casterId the combatant concentrating
     * @param spell    the spell's name
     */
    public record Concentration(String casterId, String spell) {
    }

    public Battle {
        blocks = blocks == null ? Map.of() : Map.copyOf(blocks);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        concentrations = concentrations == null ? List.of() : List.copyOf(concentrations);
        nextId = Math.max(1, nextId);
    }

    /** The stat block behind a combatant, if it is a monster from the rules data. */
    public Optional<StatBlock> block(String combatantId) {
        return Optional.ofNullable(blocks.get(combatantId));
    }

    /** What {@code casterId} concentrates on, if anything. */
    public Optional<Concentration> concentration(String casterId) {
        return concentrations.stream().filter(c -> c.casterId().equals(casterId)).findFirst();
    }

    Battle withBlocks(Map<String, StatBlock> more) {
        Map<String, StatBlock> all = new LinkedHashMap<>(blocks);
        all.putAll(more);
        return new Battle(all, conditions, concentrations, knockOut, nextId);
    }

    Battle withConditions(List<ActiveCondition> now) {
        return new Battle(blocks, now, concentrations, knockOut, nextId);
    }

    Battle withCondition(ActiveCondition c) {
        List<ActiveCondition> now = new ArrayList<>(conditions);
        now.add(c);
        return new Battle(blocks, now, concentrations, knockOut, nextId + 1);
    }

    Battle withConcentrations(List<Concentration> now) {
        return new Battle(blocks, conditions, now, knockOut, nextId);
    }

    Battle withKnockOut(boolean k) {
        return new Battle(blocks, conditions, concentrations, k, nextId);
    }
}
