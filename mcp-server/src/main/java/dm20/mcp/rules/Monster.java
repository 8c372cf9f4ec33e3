package dm20.mcp.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A monster's stat block from the SRD.
 *
 * @param subtype            "goblinoid", "any race", … if any
 * @param hitPoints          the average hit points
 * @param hitDice            the hit dice, e.g. {@code 2d6}
 * @param speed              feet per movement mode ("walk", "fly", "swim", "climb", "burrow"); {@code hover}
 *                           appears as a mode with the fly speed
 * @param saves              saving throw bonuses the stat block lists (others are the ability modifier)
 * @param skills             skill bonuses ("Stealth" → 6)
 * @param vulnerabilities    damage vulnerabilities as the SRD writes them, lowercase
 * @param resistances        damage resistances, e.g. "bludgeoning, piercing, and slashing from nonmagical weapons"
 * @param immunities         damage immunities
 * @param conditionImmunities condition names, e.g. "Poisoned"
 * @param senses             "darkvision" → "60 ft.", "passive_perception" → "9", …
 * @param challengeRating    0, 0.125, 0.25, 0.5, 1 … 30
 * @param xp                 experience points for defeating it ({@link ChallengeRating#xp})
 */
public record Monster(String name, String size, String type, Optional<String> subtype, String alignment,
                      int armorClass, int hitPoints, String hitDice, Map<String, Integer> speed,
                      AbilityScores abilities, Map<Ability, Integer> saves, Map<String, Integer> skills,
                      List<String> vulnerabilities, List<String> resistances, List<String> immunities,
                      List<String> conditionImmunities, Map<String, String> senses, String languages,
                      double challengeRating, int xp, List<Trait> specialAbilities, List<Action> actions,
                      List<Action> legendaryActions, List<Action> reactions) {

    public Monster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(abilities, "abilities");
        speed = Map.copyOf(speed);
        saves = Map.copyOf(saves);
        skills = Map.copyOf(skills);
        vulnerabilities = List.copyOf(vulnerabilities);
        resistances = List.copyOf(resistances);
        immunities = List.copyOf(immunities);
        conditionImmunities = List.copyOf(conditionImmunities);
        senses = Map.copyOf(senses);
        specialAbilities = List.copyOf(specialAbilities);
        actions = List.copyOf(actions);
        legendaryActions = List.copyOf(legendaryActions);
        reactions = List.copyOf(reactions);
    }

    /** The saving throw bonus for {@code ability}: the listed one, else the ability modifier. */
    public int saveBonus(Ability ability) {
        return saves.getOrDefault(ability, abilities.modifier(ability));
    }

    /** The challenge rating as the SRD writes it: "1/4", "2". */
    public String challenge() {
        return ChallengeRating.format(challengeRating);
    }

    /** An action by name (case-insensitive), also among the legendary actions and reactions. */
    public Optional<Action> action(String actionName) {
        return java.util.stream.Stream.of(actions, legendaryActions, reactions).flatMap(List::stream)
                .filter(a -> a.name().equalsIgnoreCase(actionName.strip())).findFirst();
    }

    /** A trait: name and text, with the save it forces, if any. */
    public record Trait(String name, String description, Optional<SaveDc> save) {
        public Trait {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * An action, legendary action or reaction.
     *
     * @param attackBonus to-hit bonus, present for attacks ("Melee Weapon Attack: +4 to hit")
     * @param damage      damage on a hit (or on a failed save), in order
     * @param save        the save it forces, if any
     * @param options     for an action that offers alternatives (a dragon's breath weapons): each option
     */
    public record Action(String name, String description, Optional<Integer> attackBonus, List<Damage> damage,
                         Optional<SaveDc> save, List<Action> options) {
        public Action {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            damage = List.copyOf(damage);
            options = List.copyOf(options);
        }

        /** Whether it is an attack roll (it has a to-hit bonus). */
        public boolean isAttack() {
            return attackBonus.isPresent();
        }
    }
}
