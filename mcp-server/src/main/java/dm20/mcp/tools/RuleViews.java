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
 * The rules tools' answers: key fields first, empty fields left out, long text shortened unless
 * {@code detail} is asked for. Stateless.
 */
final class RuleViews {

    private static final int SHORT = 240;

    private RuleViews() {
    }

    static Map<String, Object> spell(Spell s, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("level", s.level());
        m.put("school", s.school());
        m.put("casting_time", s.castingTime());
        m.put("range", s.range());
        m.put("components", String.join(", ", s.components()) + s.material().map(x -> " (" + x + ")").orElse(""));
        m.put("duration", s.duration());
        putIf(m, "concentration", s.concentration());
        putIf(m, "ritual", s.ritual());
        s.save().ifPresent(a -> m.put("save", a.name()));
        putIf(m, "half_on_save", s.halfOnSave());
        s.attack().ifPresent(a -> m.put("spell_attack", a));
        putList(m, "damage", s.damage().stream().map(Damage::toString).toList());
        m.put("classes", s.classes());
        text(m, "description", s.description(), detail);
        if (!s.higherLevels().isEmpty()) {
            text(m, "at_higher_levels", s.higherLevels(), detail);
        }
        return m;
    }

    static Map<String, Object> monster(Monster x, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", x.name());
        m.put("type", x.size() + " " + x.type() + x.subtype().map(s -> " (" + s + ")").orElse("") + ", " + x.alignment());
        m.put("armor_class", x.armorClass());
        m.put("hit_points", x.hitPoints() + " (" + x.hitDice() + ")");
        m.put("speed", x.speed());
        Map<String, String> abilities = new LinkedHashMap<>();
        for (Ability a : Ability.values()) {
            int mod = x.abilities().modifier(a);
            abilities.put(a.name(), x.abilities().score(a) + " (" + (mod >= 0 ? "+" : "") + mod + ")");
        }
        m.put("abilities", abilities);
        if (!x.saves().isEmpty()) {
            Map<String, Integer> saves = new LinkedHashMap<>();
            x.saves().forEach((a, b) -> saves.put(a.name(), b));
            m.put("saves", saves);
        }
        if (!x.skills().isEmpty()) {
            m.put("skills", x.skills());
        }
        putList(m, "damage_vulnerabilities", x.vulnerabilities());
        putList(m, "damage_resistances", x.resistances());
        putList(m, "damage_immunities", x.immunities());
        putList(m, "condition_immunities", x.conditionImmunities());
        m.put("senses", x.senses());
        m.put("languages", x.languages());
        m.put("challenge", x.challenge());
        m.put("xp", x.xp());
        m.put("actions", x.actions().stream().map(a -> action(a, detail)).toList());
        putList(m, "special_abilities", traits(x.specialAbilities(), detail));
        putList(m, "legendary_actions", x.legendaryActions().stream().map(a -> action(a, detail)).toList());
        putList(m, "reactions", x.reactions().stream().map(a -> action(a, detail)).toList());
        return m;
    }

    private static List<Object> traits(List<Monster.Trait> traits, boolean detail) {
        return traits.stream().<Object>map(t -> {
            if (!detail && t.save().isEmpty()) {
                return t.name();
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.name());
            t.save().ifPresent(s -> m.put("save", save(s)));
            if (detail) {
                m.put("text", t.description());
            }
            return m;
        }).toList();
    }

    private static Map<String, Object> action(Monster.Action a, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        a.attackBonus().ifPresent(b -> m.put("attack_bonus", b));
        putList(m, "damage", a.damage().stream().map(Damage::toString).toList());
        a.save().ifPresent(s -> m.put("save", save(s)));
        putList(m, "options", a.options().stream().map(o -> action(o, false)).toList());
        if (detail || (a.attackBonus().isEmpty() && a.damage().isEmpty() && a.save().isEmpty())) {
            text(m, "text", a.description(), detail);
        }
        return m;
    }

    private static String save(SaveDc s) {
        return "DC " + s.dc() + " " + s.ability().name() + (s.halfOnSuccess() ? ", half on success" : "");
    }

    static Map<String, Object> item(Item i, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("category", i.category() + (i.subcategory().isEmpty() ? "" : " (" + i.subcategory() + ")"));
        i.weapon().ifPresent(w -> {
            m.put("damage", w.damage().toString());
            w.twoHanded().ifPresent(d -> m.put("two_handed_damage", d.toString()));
            m.put("range", w.longRange().map(l -> w.range() + "/" + l + " ft").orElse(w.range() + " ft"));
            if (!w.throwRange().isEmpty()) {
                m.put("thrown_range", w.throwRange().get(0) + "/" + w.throwRange().get(1) + " ft");
            }
            m.put("properties", w.properties());
        });
        i.armor().ifPresent(a -> {
            m.put("armor_class", a.shield() ? "+" + a.baseAc() : a.baseAc() + (a.addsDex() ? " + DEX"
                    + a.maxDex().map(x -> " (max " + x + ")").orElse("") : ""));
            if (a.strengthMinimum() > 0) {
                m.put("strength_minimum", a.strengthMinimum());
            }
            putIf(m, "stealth_disadvantage", a.stealthDisadvantage());
        });
        if (!i.cost().isEmpty()) {
            m.put("cost", i.cost());
        }
        if (i.weight() > 0) {
            m.put("weight_lb", i.weight());
        }
        putList(m, "contents", i.contents());
        if (!i.description().isEmpty()) {
            text(m, "description", i.description(), detail);
        }
        return m;
    }

    static Map<String, Object> condition(Condition c) {
        return new LinkedHashMap<>(Map.of("name", c.name(), "effects", c.effects()));
    }

    static Map<String, Object> race(Race r, boolean detail, Rulebook rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        r.parent().ifPresent(p -> m.put("subrace_of", p));
        m.put("speed", r.speed());
        m.put("size", r.size());
        Map<String, Integer> bonuses = new LinkedHashMap<>();
        r.abilityBonuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> bonuses.put(e.getKey().name(), e.getValue()));
        m.put("ability_bonuses", bonuses);
        if (r.bonusChoices() > 0) {
            m.put("ability_bonus_choices", "+1 to " + r.bonusChoices() + " of " + r.bonusOptions());
        }
        m.put("traits", detail ? r.traits().stream().map(t -> Map.of("name", t, "text",
                rules.trait(t).map(Race.Trait::description).orElse(""))).toList() : r.traits());
        m.put("languages", r.languages());
        putList(m, "proficiencies", r.proficiencies());
        putList(m, "subraces", r.subraces());
        if (detail) {
            m.put("description", r.description());
        }
        return m;
    }

    static Map<String, Object> characterClass(CharacterClass c, Optional<Integer> level, boolean detail,
                                              Rulebook rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("hit_die", "d" + c.hitDie());
        m.put("saving_throws", c.savingThrows().stream().map(Ability::name).toList());
        c.spellcastingAbility().ifPresent(a -> m.put("spellcasting_ability", a.name()));
        m.put("proficiencies", c.proficiencies());
        m.put("skills", "choose " + c.skillChoices() + " of " + String.join(", ", c.skillOptions()));
        putList(m, "subclasses", c.subclasses());
        if (level.isPresent()) {
            m.put("level", row(c, c.level(level.get()), true, rules));
        } else {
            m.put("levels", c.levels().stream().map(l -> row(c, l, detail, rules)).toList());
        }
        if (detail) {
            m.put("starting_equipment", c.startingEquipment().defaults().stream()
                    .map(i -> i.quantity() + " " + i.item()).toList());
        }
        return m;
    }

    private static Map<String, Object> row(CharacterClass c, CharacterClass.Level l, boolean texts, Rulebook rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", l.level());
        m.put("proficiency_bonus", l.proficiencyBonus());
        m.put("features", texts ? l.features().stream().map(f -> Map.of("name", f, "text",
                rules.feature(c.name(), f).map(Feature::description).orElse(""))).toList() : l.features());
        List<Integer> slots = new ArrayList<>(l.spellSlots());
        while (!slots.isEmpty() && slots.get(slots.size() - 1) == 0) {
            slots.remove(slots.size() - 1);
        }
        putList(m, "spell_slots", slots);
        l.cantripsKnown().ifPresent(n -> m.put("cantrips_known", n));
        l.spellsKnown().ifPresent(n -> m.put("spells_known", n));
        if (!l.classSpecific().isEmpty()) {
            m.put("class_specific", l.classSpecific());
        }
        return m;
    }

    /** The text whole when {@code detail}, else its first {@value #SHORT} characters cut at a word. */
    private static void text(Map<String, Object> m, String key, String text, boolean detail) {
        if (detail || text.length() <= SHORT) {
            m.put(key, text);
            return;
        }
        int cut = text.lastIndexOf(' ', SHORT);
        m.put(key, text.substring(0, cut > 0 ? cut : SHORT) + " … (detail: true for the full text)");
    }

    private static void putIf(Map<String, Object> m, String key, boolean value) {
        if (value) {
            m.put(key, true);
        }
    }

    private static void putList(Map<String, Object> m, String key, List<?> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }
}
