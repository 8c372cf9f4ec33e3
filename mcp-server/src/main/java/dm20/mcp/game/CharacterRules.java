package dm20.mcp.game;

import dm20.mcp.rules.Ability;
import dm20.mcp.rules.CharacterClass;
import dm20.mcp.rules.Race;
import dm20.mcp.rules.Rulebook;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.ClassLevel;
import dm20.protocol.sheet.CharacterSheet.Feature;
import dm20.protocol.sheet.CharacterSheet.HitDice;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.SpellSlots;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Characters built and advanced by the class and race data: hit points (the die's maximum at level 1, the
 * average after), hit dice, saving throws, spell slots and spellcasting ability by level, speed, racial
 * ability bonuses, class features and racial traits, starting equipment ({@link StartingKit}), and
 * level-up ({@link LevelUp}). A class the rules do not know keeps the generic {@link CharacterSpec#toSheet}.
 * Stateless apart from its collaborators; callers hold the {@link GameLock} (the dice are shared).
 */
public final class CharacterRules {

    private static final String ASI = "Ability Score Improvement";

    private final Rulebook rules;
    private final DiceRoller dice;

    public CharacterRules(Rulebook rules, DiceRoller dice) {
        this.rules = rules;
        this.dice = dice;
    }

    /** A new character and what was derived (rolls shown), for the DM to read back. */
    public record Created(CharacterSheet sheet, List<String> derivation) {
        public Created {
            derivation = List.copyOf(derivation);
        }
    }

    /** Builds the sheet for {@code spec} with id {@code id}. @throws GameException for scores that break the method */
    public Created create(String id, CharacterSpec spec) {
        Optional<CharacterClass> found = rules.characterClass(spec.className());
        if (found.isEmpty()) {
            if (spec.abilityMethod() != AbilityMethod.GIVEN || spec.startingEquipment()) {
                throw new GameException("'" + spec.className() + "' is not an SRD class, so ability_method and"
                        + " starting_equipment do not apply; give abilities (and items) yourself");
            }
            return new Created(spec.toSheet(id), List.of("class '" + spec.className()
                    + "' is not in the SRD: generic hit points (d" + CharacterSpec.hitDie(spec.className())
                    + "), no derived saves or slots"));
        }
        return srd(id, spec, found.get());
    }

    private Created srd(String id, CharacterSpec spec, CharacterClass c) {
        List<String> notes = new ArrayList<>();
        AbilityMethod.Scores base = spec.abilityMethod().scores(spec.abilities(), c.savingThrows(), dice);
        notes.addAll(base.notes());
        Optional<Race> race = spec.race().isBlank() ? Optional.empty() : rules.race(spec.race());
        Abilities scores = withRace(base.scores(), race, spec.race(), notes);
        int level = spec.level();
        int con = Abilities.modifier(scores.con());
        int hp = spec.maxHp().orElse(Math.max(1, c.hitDie() + con) + (level - 1) * Math.max(1, c.averageHitPoints() + con));
        notes.add(spec.maxHp().isPresent() ? "hit points as given" : "hit points: d" + c.hitDie() + " max at level 1"
                + (level > 1 ? ", then " + c.averageHitPoints() + " (average) per level" : "") + ", CON " + signed(con)
                + " per level");
        List<String> saves = spec.saves().isEmpty() ? c.savingThrows().stream().map(Ability::name).toList() : spec.saves();
        Optional<String> casting = spec.spellcastingAbility().or(() -> c.spellcastingAbility().map(Ability::name));
        List<SpellSlots> slots = spec.spellSlots().isEmpty() ? slots(c.level(level), List.of())
                : spec.spellSlots().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SpellSlots(e.getKey(), e.getValue(), 0)).toList();
        List<Feature> features = new ArrayList<>();
        for (int l = 1; l <= level; l++) {
            features.addAll(classFeatures(c, l));
        }
        race.ifPresent(r -> r.traits().forEach(t -> features.add(new Feature(t, r.name(),
                rules.trait(t).map(Race.Trait::description).orElse("")))));
        LinkedHashSet<String> languages = new LinkedHashSet<>(spec.languages());
        race.ifPresent(r -> languages.addAll(r.languages()));
        int speed = spec.speed().orElse(race.map(Race::speed).orElse(30));
        CharacterSheet sheet = new CharacterSheet(id, spec.name(), Optional.empty(),
                List.of(new ClassLevel(c.name(), level, Optional.empty())), race.map(Race::name).orElse(spec.race()),
                spec.background(), spec.alignment(), scores, spec.skills(), saves,
                spec.armorClass().orElse(10 + Abilities.modifier(scores.dex())), new HitPoints(hp, hp, 0),
                List.of(new HitDice(c.hitDie(), level, level)), null, speed, List.of(), List.of(), null, casting,
                slots, List.of(), features, List.copyOf(languages), spec.notes());
        if (spec.startingEquipment()) {
            sheet = StartingKit.equip(sheet, c, rules, spec.armorClass().isPresent(), notes);
        }
        return new Created(sheet, notes);
    }

    private Abilities withRace(Map<Ability, Integer> base, Optional<Race> race, String raceName, List<String> notes) {
        Map<Ability, Integer> out = new EnumMap<>(base);
        if (race.isPresent()) {
            Race r = race.get();
            r.abilityBonuses().forEach((a, b) -> out.merge(a, b, Integer::sum));
            notes.add(r.name() + " ability bonuses applied: " + r.abilityBonuses().entrySet().stream().sorted(
                    Map.Entry.comparingByKey()).map(e -> e.getKey() + " " + signed(e.getValue())).toList());
            if (r.bonusChoices() > 0) {
                notes.add(r.name() + " also gets +1 to " + r.bonusChoices() + " abilities of the player's choice"
                        + " (not applied: set them with update_character)");
            }
        } else if (!raceName.isBlank()) {
            notes.add("race '" + raceName + "' is not in the SRD: no racial bonuses, speed 30 unless given");
        }
        return new Abilities(out.get(Ability.STR), out.get(Ability.DEX), out.get(Ability.CON), out.get(Ability.INT),
                out.get(Ability.WIS), out.get(Ability.CHA));
    }

    /** The features a class gains at {@code level}, with their text (ability score improvements left out). */
    List<Feature> classFeatures(CharacterClass c, int level) {
        return c.level(level).features().stream().filter(f -> !f.startsWith(ASI)).map(f -> new Feature(f,
                c.name() + " " + level, rules.feature(c.name(), f).map(dm20.mcp.rules.Feature::description)
                .orElse(""))).toList();
    }

    /** The slots of a class table row, keeping the used counts of {@code current}. */
    static List<SpellSlots> slots(CharacterClass.Level row, List<SpellSlots> current) {
        List<SpellSlots> out = new ArrayList<>();
        for (int l = 1; l <= 9; l++) {
            int max = row.slots(l);
            if (max > 0) {
                int spellLevel = l;
                int used = current.stream().filter(s -> s.level() == spellLevel).mapToInt(SpellSlots::used).findFirst()
                        .orElse(0);
                out.add(new SpellSlots(l, max, Math.min(used, max)));
            }
        }
        return out;
    }

    Rulebook rules() {
        return rules;
    }

    DiceRoller dice() {
        return dice;
    }

    static String signed(int n) {
        return n >= 0 ? "+" + n : String.valueOf(n);
    }
}
