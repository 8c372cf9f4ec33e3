package dm20.mcp.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What of each record is searchable, and its one-line summary. Stateless. */
final class SearchEntries {

    private SearchEntries() {
    }

    static List<RuleIndex.Entry> of(SrdData d) {
        List<RuleIndex.Entry> out = new ArrayList<>();
        d.spells().forEach(s -> out.add(new RuleIndex.Entry(RuleKind.SPELL, s.name(), spellSummary(s),
                String.join(" ", s.school(), String.join(" ", s.classes()), s.description(), s.higherLevels()))));
        d.monsters().forEach(m -> out.add(new RuleIndex.Entry(RuleKind.MONSTER, m.name(), monsterSummary(m),
                String.join(" ", m.size(), m.type(), m.subtype().orElse(""), m.alignment(), m.languages(),
                        Stream.of(m.specialAbilities().stream().map(t -> t.name() + " " + t.description()),
                                Stream.of(m.actions(), m.legendaryActions(), m.reactions()).flatMap(List::stream)
                                        .map(a -> a.name() + " " + a.description()))
                                .flatMap(x -> x).collect(Collectors.joining(" "))))));
        d.items().forEach(i -> out.add(new RuleIndex.Entry(RuleKind.ITEM, i.name(), itemSummary(i),
                String.join(" ", i.category(), i.subcategory(), i.description(),
                        i.weapon().map(w -> w.damage().type() + " " + String.join(" ", w.properties())).orElse("")))));
        d.conditions().forEach(c -> out.add(new RuleIndex.Entry(RuleKind.CONDITION, c.name(), "condition",
                String.join(" ", c.effects()))));
        d.features().forEach(f -> out.add(new RuleIndex.Entry(RuleKind.FEATURE, f.name(),
                f.className() + f.subclass().map(s -> " (" + s + ")").orElse("") + " feature"
                        + (f.level() > 0 ? ", level " + f.level() : ""), f.className() + " " + f.description())));
        d.classes().forEach(c -> out.add(new RuleIndex.Entry(RuleKind.CLASS, c.name(), "class, d" + c.hitDie()
                + " hit die" + c.spellcastingAbility().map(a -> ", casts with " + a).orElse(""),
                String.join(" ", c.proficiencies()) + " " + String.join(" ", c.subclasses()))));
        d.races().forEach(r -> out.add(new RuleIndex.Entry(RuleKind.RACE, r.name(),
                r.parent().map(p -> p + " subrace").orElse("race") + ", " + r.size() + ", speed " + r.speed(),
                String.join(" ", r.traits()) + " " + r.description())));
        d.traits().forEach(t -> out.add(new RuleIndex.Entry(RuleKind.TRAIT, t.name(),
                "racial trait of " + String.join(", ", t.races()), t.description())));
        d.skills().forEach(s -> out.add(new RuleIndex.Entry(RuleKind.SKILL, s.name(), "skill (" + s.ability() + ")",
                s.description())));
        d.damageTypes().forEach(t -> out.add(new RuleIndex.Entry(RuleKind.DAMAGE_TYPE, t.name(), "damage type",
                t.description())));
        d.weaponProperties().forEach(p -> out.add(new RuleIndex.Entry(RuleKind.WEAPON_PROPERTY, p.name(),
                "weapon property", p.description())));
        return out;
    }

    static String spellSummary(Spell s) {
        String level = s.cantrip() ? s.school() + " cantrip" : ordinal(s.level()) + "-level " + s.school().toLowerCase(java.util.Locale.ROOT);
        return level + (s.concentration() ? ", concentration" : "") + (s.ritual() ? ", ritual" : "");
    }

    static String monsterSummary(Monster m) {
        return m.size() + " " + m.type() + ", CR " + m.challenge() + ", AC " + m.armorClass() + ", HP " + m.hitPoints();
    }

    static String itemSummary(Item i) {
        return i.weapon().map(w -> i.subcategory() + " weapon, " + w.damage())
                .or(() -> i.armor().map(a -> a.category() + (a.shield() ? ", +" + a.baseAc() + " AC" : " armor, AC "
                        + a.baseAc() + (a.addsDex() ? " + DEX" + a.maxDex().map(x -> " (max " + x + ")").orElse("") : ""))))
                .orElse(i.category() + (i.subcategory().isEmpty() ? "" : " (" + i.subcategory() + ")"));
    }

    static String ordinal(int n) {
        return n + switch (n) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }
}
