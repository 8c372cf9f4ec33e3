package dm20.mcp.game;

import dm20.mcp.rules.Ability;
import dm20.mcp.rules.CharacterClass;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.ClassLevel;
import dm20.protocol.sheet.CharacterSheet.HitDice;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.SpellSlots;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One level gained in a character's (single, SRD) class: hit points (the class's average, or a rolled hit
 * die, plus CON, at least 1), one more hit die, the new level's spell slots (used counts kept), its
 * features, and an ability score improvement at the levels that give one (+2 to one ability or +1 to two,
 * none above 20). Stateless.
 */
public final class LevelUp {

    /**
     * What a level brought.
     *
     * @param hitPoints       hit points gained
     * @param hitPointsHow    how they were found, e.g. "rolled d10: 7, CON +2" or "average 6, CON +2"
     * @param features        the features gained, by name
     * @param spellSlots      the slots after the level (max per spell level)
     * @param improvement     whether this level gives an ability score improvement
     * @param notes           anything the DM should still do (an improvement not yet chosen)
     */
    public record Result(CharacterSheet sheet, int level, int hitPoints, String hitPointsHow, List<String> features,
                         List<SpellSlots> spellSlots, boolean improvement, List<String> notes) {
    }

    private LevelUp() {
    }

    /**
     * @param increases ability → increase, for an improvement level (empty: leave it to the DM)
     * @throws GameException for a multiclass or non-SRD character, level 20, or an invalid improvement
     */
    public static Result apply(CharacterSheet s, CharacterRules rules, boolean roll, Map<String, Integer> increases) {
        if (s.classes().size() != 1) {
            throw new GameException(s.name() + " is multiclassed; level_up_character levels a single class");
        }
        ClassLevel current = s.classes().get(0);
        CharacterClass c = rules.rules().characterClass(current.name()).orElseThrow(() -> new GameException(
                "'" + current.name() + "' is not an SRD class, so its levels are not known; use update_character"
                        + " (level, max_hp, add features) instead"));
        if (current.level() >= 20) {
            throw new GameException(s.name() + " is already level 20");
        }
        int level = current.level() + 1;
        CharacterClass.Level row = c.level(level);
        boolean improvement = row.abilityScoreImprovements() > c.level(level - 1).abilityScoreImprovements();
        CharacterDraft d = CharacterDraft.of(s);
        List<String> notes = new ArrayList<>();
        d.abilities = improve(s.abilities(), increases, improvement, notes);
        int con = Abilities.modifier(d.abilities.con());
        int base = roll ? rules.dice().face(c.hitDie()) : c.averageHitPoints();
        int gained = Math.max(1, base + con);
        String how = (roll ? "rolled d" + c.hitDie() + ": " + base : "average " + base) + ", CON "
                + CharacterRules.signed(con) + (base + con < 1 ? " (at least 1)" : "");
        d.hp = new HitPoints(s.hp().current() + gained, s.hp().max() + gained, s.hp().temp());
        d.hitDice = hitDice(s.hitDice(), c.hitDie());
        d.classes = List.of(new ClassLevel(current.name(), level, current.subclass()));
        if (c.caster()) {
            d.spellSlots = CharacterRules.slots(row, s.spellSlots());
        }
        List<CharacterSheet.Feature> featuresGained = rules.classFeatures(c, level);
        featuresGained.stream().filter(f -> d.features.stream().noneMatch(x -> x.name().equals(f.name()))).forEach(d.features::add);
        return new Result(d.build(), level, gained, how, featuresGained.stream().map(CharacterSheet.Feature::name).toList(),
                d.spellSlots, improvement, notes);
    }

    private static Abilities improve(Abilities a, Map<String, Integer> increases, boolean improvement, List<String> notes) {
        if (!improvement) {
            if (!increases.isEmpty()) {
                throw new GameException("this level gives no ability score improvement; leave out ability_increases");
            }
            return a;
        }
        if (increases.isEmpty()) {
            notes.add("ability score improvement: +2 to one ability or +1 to two (max 20) not chosen yet;"
                    + " set them with update_character");
            return a;
        }
        Map<Ability, Integer> plus = new EnumMap<>(Ability.class);
        increases.forEach((k, v) -> plus.put(Ability.parse(k).orElseThrow(() -> new GameException(
                "unknown ability '" + k + "' in ability_increases; use str, dex, con, int, wis, cha")), v));
        int total = plus.values().stream().mapToInt(Integer::intValue).sum();
        if (total != 2 || plus.values().stream().anyMatch(v -> v < 1 || v > 2)) {
            throw new GameException("an ability score improvement is +2 to one ability or +1 to two, got " + increases);
        }
        int[] scores = {a.str(), a.dex(), a.con(), a.intel(), a.wis(), a.cha()};
        for (Map.Entry<Ability, Integer> e : plus.entrySet()) {
            int i = e.getKey().ordinal();
            if (scores[i] + e.getValue() > 20) {
                throw new GameException(e.getKey() + " would be " + (scores[i] + e.getValue())
                        + "; an improvement cannot raise a score above 20");
            }
            scores[i] += e.getValue();
        }
        notes.add("ability score improvement: " + increases);
        return new Abilities(scores[0], scores[1], scores[2], scores[3], scores[4], scores[5]);
    }

    private static List<HitDice> hitDice(List<HitDice> current, int die) {
        List<HitDice> out = new ArrayList<>();
        boolean found = false;
        for (HitDice h : current) {
            if (h.die() == die && !found) {
                out.add(new HitDice(die, h.total() + 1, h.remaining() + 1));
                found = true;
            } else {
                out.add(h);
            }
        }
        if (!found) {
            out.add(new HitDice(die, 1, 1));
        }
        return out;
    }
}
