package dm20.mcp.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A spell from the SRD.
 *
 * <p>The SRD data gives no structured damage or save for spells; {@link #save}, {@link #halfOnSave},
 * {@link #attack} and {@link #damage} are read from the description's standard phrasing ("must make a
 * Dexterity saving throw", "takes 8d6 fire damage", "half as much damage on a successful one", "make a
 * ranged spell attack") and are empty where it uses none.
 *
 * @param level         0 for a cantrip, 1–9
 * @param school        "Evocation", …
 * @param castingTime   "1 action", "1 reaction, which you take when …"
 * @param range         "150 feet", "Self", "Touch"
 * @param components    "V", "S", "M"
 * @param material      the material component, if any
 * @param duration      "Instantaneous", "Up to 1 minute", …
 * @param description   the full text, paragraphs joined by blank lines
 * @param higherLevels  the "At Higher Levels" text, empty when there is none
 * @param classes       the classes whose spell list holds it
 * @param attack        {@code "melee"} or {@code "ranged"} for a spell attack
 * @param damage        damage dice the description names, in order (for upcasting see {@link #higherLevels})
 */
public record Spell(String name, int level, String school, String castingTime, String range, List<String> components,
                    Optional<String> material, String duration, boolean concentration, boolean ritual,
                    String description, String higherLevels, List<String> classes, Optional<Ability> save,
                    boolean halfOnSave, Optional<String> attack, List<Damage> damage) {

    public Spell {
        Objects.requireNonNull(name, "name");
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("spell level must be 0-9, got " + level + " for " + name);
        }
        components = List.copyOf(components);
        classes = List.copyOf(classes);
        damage = List.copyOf(damage);
    }

    /** Whether it is a cantrip (level 0). */
    public boolean cantrip() {
        return level == 0;
    }
}
