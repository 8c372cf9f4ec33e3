package dm20.mcp.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A class from the SRD with its level table.
 *
 * @param hitDie              6, 8, 10 or 12
 * @param savingThrows        the two saving throw proficiencies
 * @param proficiencies       armor, weapon and tool proficiencies ("Light armor", "Simple weapons")
 * @param skillChoices        how many skills the class picks at 1st level
 * @param skillOptions        the skills it picks from
 * @param spellcastingAbility the spellcasting ability, for casters
 * @param levels              the 20 rows of the class table, level 1 first
 * @param subclasses          the SRD's subclass for it ("Champion")
 * @param startingEquipment   what the class starts with, and the choices it makes
 */
public record CharacterClass(String name, int hitDie, List<Ability> savingThrows, List<String> proficiencies,
                             int skillChoices, List<String> skillOptions, Optional<Ability> spellcastingAbility,
                             List<Level> levels, List<String> subclasses, StartingEquipment startingEquipment) {

    public CharacterClass {
        Objects.requireNonNull(name, "name");
        savingThrows = List.copyOf(savingThrows);
        proficiencies = List.copyOf(proficiencies);
        skillOptions = List.copyOf(skillOptions);
        levels = List.copyOf(levels);
        subclasses = List.copyOf(subclasses);
        if (levels.size() != 20) {
            throw new IllegalArgumentException(name + " has " + levels.size() + " level rows, not 20");
        }
        for (int i = 0; i < 20; i++) {
            if (levels.get(i).level() != i + 1) {
                throw new IllegalArgumentException(name + " level row " + i + " is level " + levels.get(i).level());
            }
        }
    }

    /** The row of the class table for {@code level}. @throws IllegalArgumentException outside 1–20 */
    public Level level(int level) {
        if (level < 1 || level > 20) {
            throw new IllegalArgumentException("level must be 1-20, got " + level);
        }
        return levels.get(level - 1);
    }

    /** Whether the class casts spells at some level. */
    public boolean caster() {
        return spellcastingAbility.isPresent();
    }

    /** The average hit points gained per level after the first (before CON): die / 2 + 1. */
    public int averageHitPoints() {
        return hitDie / 2 + 1;
    }

    /**
     * One row of a class table.
     *
     * @param proficiencyBonus   +2 … +6
     * @param abilityScoreImprovements how many ASIs the class has had by this level (cumulative)
     * @param features           the features gained at this level, by name (subclass features included)
     * @param spellSlots         slots of spell levels 1–9 (always nine entries; zeros for none)
     * @param cantripsKnown      for classes that learn cantrips
     * @param spellsKnown        for classes that know a fixed number of spells
     * @param classSpecific      the table's other columns ("rage_count" → 2, "sneak_attack" dice count …)
     */
    public record Level(int level, int proficiencyBonus, int abilityScoreImprovements, List<String> features,
                        List<Integer> spellSlots, Optional<Integer> cantripsKnown, Optional<Integer> spellsKnown,
                        Map<String, Integer> classSpecific) {
        public Level {
            features = List.copyOf(features);
            spellSlots = List.copyOf(spellSlots);
            classSpecific = Map.copyOf(classSpecific);
            if (spellSlots.size() != 9) {
                throw new IllegalArgumentException("spellSlots needs 9 entries, got " + spellSlots.size());
            }
        }

        /** The number of slots of spell level {@code spellLevel} (1–9). */
        public int slots(int spellLevel) {
            return spellSlots.get(spellLevel - 1);
        }
    }

    /** One item and how many. */
    public record ItemCount(String item, int quantity) {
    }

    /**
     * A class's starting equipment: what it always gets, and choices, each a list of alternatives, each
     * alternative "choose N of these".
     */
    public record StartingEquipment(List<ItemCount> fixed, List<List<Option>> choices) {
        public StartingEquipment {
            fixed = List.copyOf(fixed);
            choices = choices.stream().map(List::copyOf).toList();
        }

        /** "choose {@code choose} of {@code from}". */
        public record Option(int choose, List<ItemCount> from) {
            public Option {
                from = List.copyOf(from);
            }
        }

        /** The fixed items plus the first alternative of every choice (the SRD's first listed picks). */
        public List<ItemCount> defaults() {
            List<ItemCount> out = new java.util.ArrayList<>(fixed);
            choices.stream().filter(c -> !c.isEmpty()).map(c -> c.get(0))
                    .forEach(o -> out.addAll(o.from().subList(0, Math.min(o.choose(), o.from().size()))));
            return List.copyOf(out);
        }
    }
}
