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
        m.put("castingTime", s.castingTime());
        m.put("range", s.range());
        m.put("components", String.join(", ", s.components()) + s.material().map(x -> " (" + x + ")").orElse(""));
        m.put("duration", s.duration());
        putIf(m, "concentration", s.concentration());
        putIf(m, "ritual", s.ritual());
        s.save().ifPresent(a -> m.put("save", a.name()));
        putIf(m, "halfOnSave", s.halfOnSave());
        s.attack().ifPresent(a -> m.put("spellAttack", a));
        putList(m, "damage", s.damage().stream().map(Damage::toString).toList());
        m.put("classes", s.classes());
        text(m, "description", s.description(), detail);
        if (!s.higherLevels().isEmpty()) {
            text(m, "atHigherLevels", s.higherLevels(), detail);
        }
        return m;
    }

    static Map<String, Object> monster(Monster x, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", x.name());
        m.put("type", x.size() + " " + x.type() + x.subtype().map(s -> " (" + s + ")").orElse("") + ", " + x.alignment());
        m.put("armorClass", x.armorClass());
        m.put("hitPoints", x.hitPoints() + " (" + x.hitDice() + ")");
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
        putList(m, "damageVulnerabilities", x.vulnerabilities());
        putList(m, "damageResistances", x.resistances());
        putList(m, "damageImmunities", x.immunities());
        putList(m, "conditionImmunities", x.conditionImmunities());
        m.put("senses", x.senses());
        m.put("languages", x.languages());
        m.put("challenge", x.challenge());
        m.put("xp", x.xp());
        m.put("actions", x.actions().stream().map(a -> action(a, detail)).toList());
        putList(m, "specialAbilities", traits(x.specialAbilities(), detail));
        putList(m, "legendaryActions", x.legendaryActions().stream().map(a -> action(a, detail)).toList());
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
        a.attackBonus().ifPresent(b -> m.put("attackBonus", b));
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
            w.twoHanded().ifPresent(d -> m.put("twoHandedDamage", d.toString()));
            m.put("range", w.longRange().map(l -> w.range() + "/" + l + " ft").orElse(w.range() + " ft"));
            if (!w.throwRange().isEmpty()) {
                m.put("thrownRange", w.throwRange().get(0) + "/" + w.throwRange().get(1) + " ft");
            }
            m.put("properties", w.properties());
        });
        i.armor().ifPresent(a -> {
            m.put("armorClass", a.shield() ? "+" + a.baseAc() : a.baseAc() + (a.addsDex() ? " + DEX"
                    + a.maxDex().map(x -> " (max " + x + ")").orElse("") : ""));
            if (a.strengthMinimum() > 0) {
                m.put("strengthMinimum", a.strengthMinimum());
            }
            putIf(m, "stealthDisadvantage", a.stealthDisadvantage());
        });
        if (!i.cost().isEmpty()) {
            m.put("cost", i.cost());
        }
        if (i.weight() > 0) {
            m.put("weightLb", i.weight());
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
        r.parent().ifPresent(p -> m.put("subraceOf", p));
        m.put("speed", r.speed());
        m.put("size", r.size());
        Map<String, Integer> bonuses = new LinkedHashMap<>();
        r.abilityBonuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> bonuses.put(e.getKey().name(), e.getValue()));
        m.put("abilityBonuses", bonuses);
        if (r.bonusChoices() > 0) {
            m.put("abilityBonusChoices", "+1 to " + r.bonusChoices() + " of " + r.bonusOptions());
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
        m.put("hitDie", "d" + c.hitDie());
        m.put("savingThrows", c.savingThrows().stream().map(Ability::name).toList());
        c.spellcastingAbility().ifPresent(a -> m.put("spellcastingAbility", a.name()));
        m.put("proficiencies", c.proficiencies());
        m.put("skills", "choose " + c.skillChoices() + " of " + String.join(", ", c.skillOptions()));
        putList(m, "subclasses", c.subclasses());
        if (level.isPresent()) {
            m.put("level", row(c, c.level(level.get()), true, rules));
        } else {
            m.put("levels", c.levels().stream().map(l -> row(c, l, detail, rules)).toList());
        }
        if (detail) {
            m.put("startingEquipment", c.startingEquipment().defaults().stream()
                    .map(i -> i.quantity() + " " + i.item()).toList());
        }
        return m;
    }

    private static Map<String, Object> row(CharacterClass c, CharacterClass.Level l, boolean texts, Rulebook rules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", l.level());
        m.put("proficiencyBonus", l.proficiencyBonus());
        m.put("features", texts ? l.features().stream().map(f -> Map.of("name", f, "text",
                rules.feature(c.name(), f).map(Feature::description).orElse(""))).toList() : l.features());
        List<Integer> slots = new ArrayList<>(l.spellSlots());
        while (!slots.isEmpty() && slots.get(slots.size() - 1) == 0) {
            slots.remove(slots.size() - 1);
        }
        putList(m, "spellSlots", slots);
        l.cantripsKnown().ifPresent(n -> m.put("cantripsKnown", n));
        l.spellsKnown().ifPresent(n -> m.put("spellsKnown", n));
        if (!l.classSpecific().isEmpty()) {
            m.put("classSpecific", l.classSpecific());
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
