package dm20.mcp.tools;

import dm20.mcp.rules.Ability;
import dm20.mcp.rules.CharacterClass;
import dm20.mcp.rules.Condition;
import dm20.mcp.rules.Damage;
import dm20.mcp.rules.Feature;
import dm20.mcp.rules.Item;
import dm20.mcp.rules.Monster;
import dm20.mcp.rules.Race;
import dm20.mcp.rules.Rulebook;
import dm20.mcp.rules.SaveDc;
import dm20.mcp.rules.Spell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules tools' answers as {@link RuleAnswer}s: key fields first, empty fields left out, long text shortened
 * unless {@code detail} is asked for, the CC-BY attribution last. Stateless.
 */
final class RuleViews {

    private static final int SHORT = 240;
    private static final String SOURCE = Rulebook.SHORT_ATTRIBUTION;

    private RuleViews() {
    }

    static RuleAnswer.Spell spell(Spell s, boolean detail) {
        return new RuleAnswer.Spell(s.name(), s.level(), s.school(), s.castingTime(), s.range(),
                String.join(", ", s.components()) + s.material().map(x -> " (" + x + ")").orElse(""), s.duration(),
                flag(s.concentration()), flag(s.ritual()), s.save().map(Ability::name), flag(s.halfOnSave()),
                s.attack(), list(s.damage().stream().map(Damage::toString).toList()), s.classes(),
                text(s.description(), detail),
                s.higherLevels().isEmpty() ? Optional.empty() : Optional.of(text(s.higherLevels(), detail)), SOURCE);
    }

    static RuleAnswer.Monster monster(Monster x, boolean detail) {
        Map<String, String> abilities = new LinkedHashMap<>();
        for (Ability a : Ability.values()) {
            int mod = x.abilities().modifier(a);
            abilities.put(a.name(), x.abilities().score(a) + " (" + (mod >= 0 ? "+" : "") + mod + ")");
        }
        Map<String, Integer> saves = new LinkedHashMap<>();
        x.saves().forEach((a, b) -> saves.put(a.name(), b));
        return new RuleAnswer.Monster(x.name(),
                x.size() + " " + x.type() + x.subtype().map(s -> " (" + s + ")").orElse("") + ", " + x.alignment(),
                x.armorClass(), x.hitPoints() + " (" + x.hitDice() + ")", x.speed(), abilities, map(saves),
                map(x.skills()), list(x.vulnerabilities()), list(x.resistances()), list(x.immunities()),
                list(x.conditionImmunities()), x.senses(), x.languages(), x.challenge(), x.xp(),
                x.actions().stream().map(a -> action(a, detail)).toList(), list(traits(x.specialAbilities(), detail)),
                list(x.legendaryActions().stream().map(a -> action(a, detail)).toList()),
                list(x.reactions().stream().map(a -> action(a, detail)).toList()), SOURCE);
    }

    /** A trait's name alone, unless it has a save or its text is asked for. */
    private static List<Object> traits(List<Monster.Trait> traits, boolean detail) {
        return traits.stream().<Object>map(t -> !detail && t.save().isEmpty() ? t.name()
                : new RuleAnswer.Trait(t.name(), t.save().map(RuleViews::save),
                detail ? Optional.of(t.description()) : Optional.empty())).toList();
    }

    private static RuleAnswer.Action action(Monster.Action a, boolean detail) {
        boolean texts = detail || (a.attackBonus().isEmpty() && a.damage().isEmpty() && a.save().isEmpty());
        return new RuleAnswer.Action(a.name(), a.attackBonus(), list(a.damage().stream().map(Damage::toString).toList()),
                a.save().map(RuleViews::save), list(a.options().stream().map(o -> action(o, false)).toList()),
                texts ? Optional.of(text(a.description(), detail)) : Optional.empty());
    }

    private static String save(SaveDc s) {
        return "DC " + s.dc() + " " + s.ability().name() + (s.halfOnSuccess() ? ", half on success" : "");
    }

    static RuleAnswer.Item item(Item i, boolean detail) {
        Optional<Item.Weapon> w = i.weapon();
        Optional<Item.Armor> armor = i.armor();
        return new RuleAnswer.Item(i.name(),
                i.category() + (i.subcategory().isEmpty() ? "" : " (" + i.subcategory() + ")"),
                w.map(x -> x.damage().toString()), w.flatMap(Item.Weapon::twoHanded).map(Damage::toString),
                w.map(x -> x.longRange().map(l -> x.range() + "/" + l + " ft").orElse(x.range() + " ft")),
                w.filter(x -> !x.throwRange().isEmpty())
                        .map(x -> x.throwRange().get(0) + "/" + x.throwRange().get(1) + " ft"),
                w.map(Item.Weapon::properties),
                armor.map(a -> a.shield() ? "+" + a.baseAc() : a.baseAc() + (a.addsDex() ? " + DEX"
                        + a.maxDex().map(x -> " (max " + x + ")").orElse("") : "")),
                armor.map(Item.Armor::strengthMinimum).filter(n -> n > 0),
                armor.filter(Item.Armor::stealthDisadvantage).map(a -> true),
                i.cost().isEmpty() ? Optional.empty() : Optional.of(i.cost()),
                i.weight() > 0 ? Optional.of(i.weight()) : Optional.empty(), list(i.contents()),
                i.description().isEmpty() ? Optional.empty() : Optional.of(text(i.description(), detail)), SOURCE);
    }

    static RuleAnswer.Condition condition(Condition c) {
        return new RuleAnswer.Condition(c.name(), c.effects(), SOURCE);
    }

    static RuleAnswer.Race race(Race r, boolean detail, Rulebook rules) {
        Map<String, Integer> bonuses = new LinkedHashMap<>();
        r.abilityBonuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> bonuses.put(e.getKey().name(), e.getValue()));
        List<Object> traits = detail ? r.traits().stream().<Object>map(t -> new RuleAnswer.Named(t,
                rules.trait(t).map(Race.Trait::description).orElse(""))).toList() : List.copyOf(r.traits());
        return new RuleAnswer.Race(r.name(), r.parent(), r.speed(), r.size(), bonuses,
                r.bonusChoices() > 0 ? Optional.of("+1 to " + r.bonusChoices() + " of " + r.bonusOptions())
                        : Optional.empty(), traits, r.languages(), list(r.proficiencies()), list(r.subraces()),
                detail ? Optional.of(r.description()) : Optional.empty(), SOURCE);
    }

    static RuleAnswer.CharacterClass characterClass(CharacterClass c, Optional<Integer> level, boolean detail,
                                                    Rulebook rules) {
        return new RuleAnswer.CharacterClass(c.name(), "d" + c.hitDie(),
                c.savingThrows().stream().map(Ability::name).toList(), c.spellcastingAbility().map(Ability::name),
                c.proficiencies(), "choose " + c.skillChoices() + " of " + String.join(", ", c.skillOptions()),
                list(c.subclasses()), level.map(l -> row(c, c.level(l), true, rules)),
                level.isPresent() ? Optional.empty()
                        : Optional.of(c.levels().stream().map(l -> row(c, l, detail, rules)).toList()),
                detail ? Optional.of(c.startingEquipment().defaults().stream()
                        .map(i -> i.quantity() + " " + i.item()).toList()) : Optional.empty(), SOURCE);
    }

    private static RuleAnswer.Level row(CharacterClass c, CharacterClass.Level l, boolean texts, Rulebook rules) {
        List<Object> features = texts ? l.features().stream().<Object>map(f -> new RuleAnswer.Named(f,
                rules.feature(c.name(), f).map(Feature::description).orElse(""))).toList()
                : List.copyOf(l.features());
        List<Integer> slots = new ArrayList<>(l.spellSlots());
        while (!slots.isEmpty() && slots.get(slots.size() - 1) == 0) {
            slots.remove(slots.size() - 1);
        }
        return new RuleAnswer.Level(l.level(), l.proficiencyBonus(), features, list(slots), l.cantripsKnown(),
                l.spellsKnown(), map(l.classSpecific()));
    }

    /** The text whole when {@code detail}, else its first {@value #SHORT} characters cut at a word. */
    private static String text(String text, boolean detail) {
        if (detail || text.length() <= SHORT) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SHORT);
        return text.substring(0, cut > 0 ? cut : SHORT) + " … (detail: true for the full text)";
    }

    /** {@code true}, or absent for {@code false}. */
    private static Optional<Boolean> flag(boolean value) {
        return value ? Optional.of(true) : Optional.empty();
    }

    /** The list, or absent when it is empty. */
    private static <T> Optional<List<T>> list(List<T> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }

    /** The map, or absent when it is empty. */
    private static <K, V> Optional<Map<K, V>> map(Map<K, V> values) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values);
    }
}
