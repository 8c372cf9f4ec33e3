package dm20.mcp.tools;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules tools' answers, written as the tool result's JSON text with the shared JSON rules: an absent
 * {@code Optional} is left out, so fields that are empty or false are absent rather than empty. Every answer
 * ends with {@code source}, the SRD 5.1's CC-BY attribution. Component names are the JSON field names: add
 * components only before {@code source}, never reorder.
 */
public sealed interface RuleAnswer {

    /** The CC-BY attribution every rules answer carries. */
    String source();

    /** {@code search_rules}: the query, its hits best first, a hint when nothing matched. */
    record Search(String query, List<Hit> results, Optional<String> hint, String source) implements RuleAnswer {
    }

    /** One {@code search_rules} hit. */
    record Hit(String kind, String name, String summary) {
    }

    /** {@code get_spell}. */
    record Spell(String name, int level, String school, String castingTime, String range, String components,
                 String duration, Optional<Boolean> concentration, Optional<Boolean> ritual, Optional<String> save,
                 Optional<Boolean> halfOnSave, Optional<String> spellAttack, Optional<List<String>> damage,
                 List<String> classes, String description, Optional<String> atHigherLevels, String source)
            implements RuleAnswer {
    }

    /** {@code get_monster}: a stat block. */
    record Monster(String name, String type, int armorClass, String hitPoints, Map<String, Integer> speed,
                   Map<String, String> abilities, Optional<Map<String, Integer>> saves,
                   Optional<Map<String, Integer>> skills, Optional<List<String>> damageVulnerabilities,
                   Optional<List<String>> damageResistances, Optional<List<String>> damageImmunities,
                   Optional<List<String>> conditionImmunities, Map<String, String> senses, String languages,
                   String challenge, int xp, List<Action> actions, Optional<List<Object>> specialAbilities,
                   Optional<List<Action>> legendaryActions, Optional<List<Action>> reactions, String source)
            implements RuleAnswer {
    }

    /** A monster's trait with a save, or any trait when its text is asked for; else the trait is its name. */
    record Trait(String name, Optional<String> save, Optional<String> text) {
    }

    /** A monster's action; {@code text} when asked for or when nothing else says what it does. */
    record Action(String name, Optional<Integer> attackBonus, Optional<List<String>> damage, Optional<String> save,
                  Optional<List<Action>> options, Optional<String> text) {
    }

    /** {@code get_item}: weapon fields for weapons, armor fields for armor. */
    record Item(String name, String category, Optional<String> damage, Optional<String> twoHandedDamage,
                Optional<String> range, Optional<String> thrownRange, Optional<List<String>> properties,
                Optional<String> armorClass, Optional<Integer> strengthMinimum,
                Optional<Boolean> stealthDisadvantage, Optional<String> cost, Optional<Double> weightLb,
                Optional<List<String>> contents, Optional<String> description, String source) implements RuleAnswer {
    }

    /** {@code get_condition}. */
    record Condition(String name, List<String> effects, String source) implements RuleAnswer {
    }

    /** {@code get_race}: {@code traits} are names, or named texts with {@code detail}. */
    record Race(String name, Optional<String> subraceOf, int speed, String size, Map<String, Integer> abilityBonuses,
                Optional<String> abilityBonusChoices, List<Object> traits, List<String> languages,
                Optional<List<String>> proficiencies, Optional<List<String>> subraces, Optional<String> description,
                String source) implements RuleAnswer {
    }

    /** A named rules text: a race's trait or a class feature with its text. */
    record Named(String name, String text) {
    }

    /** {@code get_class}: one {@code level} row when a level is asked for, else all {@code levels}. */
    record CharacterClass(String name, String hitDie, List<String> savingThrows, Optional<String> spellcastingAbility,
                          List<String> proficiencies, String skills, Optional<List<String>> subclasses,
                          Optional<Level> level, Optional<List<Level>> levels,
                          Optional<List<String>> startingEquipment, String source) implements RuleAnswer {
    }

    /** One row of a class's level table; {@code features} are names, or named texts. */
    record Level(int level, int proficiencyBonus, List<Object> features, Optional<List<Integer>> spellSlots,
                 Optional<Integer> cantripsKnown, Optional<Integer> spellsKnown,
                 Optional<Map<String, Integer>> classSpecific) {
    }
}
