package dm20.mcp.engine;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine needs of a monster: defence, hit points, saves, attacks and worth. Built from the rules
 * data by a {@link Compendium}; stored with the fight so that a restarted server resolves the same numbers.
 *
 * @param name       the monster's name, e.g. "Goblin"
 * @param type       creature type, lower case, e.g. "humanoid"
 * @param cr         challenge rating (0.125 for 1/8)
 * @param xp         experience for defeating one
 * @param ac         armor class
 * @param hp         average hit points
 * @param hitDice    the hit-point expression, e.g. "2d6" (with CON bonus folded in, e.g. "2d8+2")
 * @param speed      walking speed in feet
 * @param abilities  ability scores keyed STR, DEX, CON, INT, WIS, CHA
 * @param saves      saving-throw bonuses that differ from the ability modifier (proficient saves), keyed by ability
 * @param defenses   damage resistances, immunities, vulnerabilities and condition immunities
 * @param actions    attacks it can make
 */
public record StatBlock(String name, String type, double cr, int xp, int ac, int hp, String hitDice, int speed,
                        Map<String, Integer> abilities, Map<String, Integer> saves, Defenses defenses,
                        List<Action> actions) {

    public StatBlock {
        Objects.requireNonNull(name, "name");
        type = Objects.requireNonNullElse(type, "").toLowerCase(Locale.ROOT);
        hitDice = Objects.requireNonNullElse(hitDice, "");
        abilities = abilities == null ? Map.of() : Map.copyOf(abilities);
        saves = saves == null ? Map.of() : Map.copyOf(saves);
        defenses = Objects.requireNonNullElse(defenses, Defenses.NONE);
        actions = actions == null ? List.of() : List.copyOf(actions);
        if (ac < 1 || hp < 1) {
            throw new IllegalArgumentException(name + ": AC and HP must be positive, got " + ac + "/" + hp);
        }
    }

    /** The modifier of an ability (STR…CHA), from its score (10 when unknown). */
    public int modifier(String ability) {
        return Math.floorDiv(abilities.getOrDefault(ability.toUpperCase(Locale.ROOT), 10) - 10, 2);
    }

    /** The saving-throw bonus for an ability: the listed save, else the ability modifier. */
    public int saveBonus(String ability) {
        String a = ability.toUpperCase(Locale.ROOT);
        return saves.containsKey(a) ? saves.get(a) : modifier(a);
    }

    /** An action by name, ignoring case. */
    public Optional<Action> action(String actionName) {
        return actions.stream().filter(a -> a.name().equalsIgnoreCase(actionName.strip())).findFirst();
    }

    /**
     * One attack.
     *
     * @param name   e.g. "Scimitar"
     * @param toHit  attack bonus
     * @param damage damage parts, each rolled and typed on its own
     */
    public record Action(String name, int toHit, List<DamageRoll> damage) {
        public Action {
            Objects.requireNonNull(name, "name");
            damage = damage == null ? List.of() : List.copyOf(damage);
        }
    }

    /**
     * Damage of one type: {@code dice} is an expression such as {@code 1d6+2}.
     *
     * @param type damage type, lower case ("slashing")
     */
    public record DamageRoll(String dice, String type) {
        public DamageRoll {
            Objects.requireNonNull(dice, "dice");
            type = Objects.requireNonNullElse(type, "").toLowerCase(Locale.ROOT).strip();
        }
    }

    /**
     * How a creature takes damage and conditions. Damage entries are lower-case damage types; an entry
     * ending in {@code " (nonmagical)"} applies only to nonmagical attacks (the SRD's "bludgeoning,
     * piercing, and slashing from nonmagical attacks").
     */
    public record Defenses(List<String> resistances, List<String> immunities, List<String> vulnerabilities,
                           List<String> conditionImmunities) {
        public static final Defenses NONE = new Defenses(List.of(), List.of(), List.of(), List.of());

        public Defenses {
            resistances = lower(resistances);
            immunities = lower(immunities);
            vulnerabilities = lower(vulnerabilities);
            conditionImmunities = lower(conditionImmunities);
        }

        private static List<String> lower(List<String> list) {
            return list == null ? List.of() : list.stream().map(s -> s.toLowerCase(Locale.ROOT).strip()).toList();
        }
    }
}
