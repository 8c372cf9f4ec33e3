package dm20.mcp.engine;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition on a combatant, with where it came from and when it ends.
 *
 * @param id            unique within the fight
 * @param name          lower-case condition name ("poisoned", "restrained", or any DM-named effect)
 * @param targetId      the combatant it is on
 * @param sourceId      the combatant who caused it, if any (durations count on the source's turns)
 * @param ending        when it ends
 * @param armed         {@link Ending.Kind#END_OF_SOURCE_NEXT_TURN}: the source's next turn has started
 * @param hidden        known to the DM only
 * @param concentration the caster whose concentration holds it up, if any
 */
public record ActiveCondition(String id, String name, String targetId, Optional<String> sourceId, Ending ending,
                              boolean armed, boolean hidden, Optional<String> concentration) {

    public ActiveCondition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(ending, "ending");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a condition needs a name");
        }
        name = name.strip().toLowerCase(Locale.ROOT);
        sourceId = sourceId == null ? Optional.empty() : sourceId;
        concentration = concentration == null ? Optional.empty() : concentration;
    }

    /** The combatant whose turns count down {@link Ending.Kind#ROUNDS}: the source, else the target. */
    String clockId() {
        return sourceId.orElse(targetId);
    }

    ActiveCondition withEnding(Ending e) {
        return new ActiveCondition(id, name, targetId, sourceId, e, armed, hidden, concentration);
    }

    ActiveCondition arm() {
        return new ActiveCondition(id, name, targetId, sourceId, ending, true, hidden, concentration);
    }
}
