package dm20.mcp.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A race or subrace from the SRD. A subrace ("Hill Dwarf") is given whole: its parent's speed, size,
 * bonuses, traits and languages merged with its own.
 *
 * @param parent            the race a subrace belongs to
 * @param speed             walking speed in feet
 * @param size              "Medium", "Small"
 * @param abilityBonuses    fixed ability score increases
 * @param bonusChoices      further +1 increases the player picks (Half-Elf: 2), from {@code bonusOptions}
 * @param traits            racial trait names ("Darkvision", "Dwarven Resilience")
 * @param proficiencies     weapon/tool proficiencies the race gives
 * @param subraces          a race's subraces, by name
 */
public record Race(String name, Optional<String> parent, int speed, String size, Map<Ability, Integer> abilityBonuses,
                   int bonusChoices, List<Ability> bonusOptions, List<String> traits, List<String> languages,
                   List<String> proficiencies, List<String> subraces, String description) {

    public Race {
        Objects.requireNonNull(name, "name");
        abilityBonuses = Map.copyOf(abilityBonuses);
        bonusOptions = List.copyOf(bonusOptions);
        traits = List.copyOf(traits);
        languages = List.copyOf(languages);
        proficiencies = List.copyOf(proficiencies);
        subraces = List.copyOf(subraces);
    }

    /** The fixed bonus to {@code ability} (0 if none). */
    public int bonus(Ability ability) {
        return abilityBonuses.getOrDefault(ability, 0);
    }

    /** A racial trait's text. */
    public record Trait(String name, List<String> races, String description) {
        public Trait {
            races = List.copyOf(races);
        }
    }
}
