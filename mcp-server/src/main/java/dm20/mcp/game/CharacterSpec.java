package dm20.mcp.game;

import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.ClassLevel;
import dm20.protocol.sheet.CharacterSheet.HitDice;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.SpellSlots;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the DM gives to create a character. For a class of the SRD, {@link CharacterRules} derives the rest
 * from the class and race data; for any other class {@link #toSheet} fills in a generic rest (hit dice by
 * class name, hit points from the hit die and CON, armor class from DEX).
 *
 * @param abilities          scores the DM gave, by lowercase key ("str"); missing ones depend on {@code abilityMethod}
 * @param speed              walking speed in feet; absent: the race's (SRD) or 30
 * @param saves              saving throw proficiencies; empty: the class's (SRD)
 * @param spellSlots         max slots per spell level; empty: the class table's (SRD)
 * @param abilityMethod      how base scores are made ({@link AbilityMethod#GIVEN} keeps the given ones, 10 elsewhere)
 * @param startingEquipment  whether to add the class's starting equipment (SRD classes)
 */
public record CharacterSpec(String name, String className, int level, String race, String background,
                            String alignment, Map<String, Integer> abilities, Optional<Integer> maxHp,
                            Optional<Integer> armorClass, Optional<Integer> speed, List<String> skills,
                            List<String> saves, List<String> languages, Map<Integer, Integer> spellSlots,
                            Optional<String> spellcastingAbility, String notes, AbilityMethod abilityMethod,
                            boolean startingEquipment) {

    private static final Map<String, Integer> HIT_DIE = Map.ofEntries(
            Map.entry("barbarian", 12), Map.entry("fighter", 10), Map.entry("paladin", 10), Map.entry("ranger", 10),
            Map.entry("sorcerer", 6), Map.entry("wizard", 6));

    public CharacterSpec {
        abilities = Map.copyOf(abilities);
        skills = List.copyOf(skills);
        saves = List.copyOf(saves);
        languages = List.copyOf(languages);
        spellSlots = Map.copyOf(spellSlots);
        if (level < 1 || level > 20) {
            throw new IllegalArgumentException("level must be 1-20, got " + level);
        }
    }

    /** The hit die of a class (d8 for any class not listed as d6, d10 or d12). */
    public static int hitDie(String className) {
        return HIT_DIE.getOrDefault(className.toLowerCase(Locale.ROOT).strip(), 8);
    }

    /** The given scores, 10 where none was given. */
    public Abilities givenAbilities() {
        return new Abilities(abilities.getOrDefault("str", 10), abilities.getOrDefault("dex", 10),
                abilities.getOrDefault("con", 10), abilities.getOrDefault("int", 10),
                abilities.getOrDefault("wis", 10), abilities.getOrDefault("cha", 10));
    }

    /** A full sheet with id {@code id}, for a class that is not in the rules data. */
    public CharacterSheet toSheet(String id) {
        Abilities scores = givenAbilities();
        int die = hitDie(className);
        int con = Abilities.modifier(scores.con());
        int hp = maxHp.orElse(Math.max(1, die + con + (level - 1) * Math.max(1, die / 2 + 1 + con)));
        List<SpellSlots> slots = spellSlots.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SpellSlots(e.getKey(), e.getValue(), 0)).toList();
        return new CharacterSheet(id, name, Optional.empty(),
                List.of(new ClassLevel(className, level, Optional.empty())), race, background, alignment, scores,
                skills, saves, armorClass.orElse(10 + Abilities.modifier(scores.dex())),
                new HitPoints(hp, hp, 0), List.of(new HitDice(die, level, level)), null, speed.orElse(30), List.of(),
                List.of(), null, spellcastingAbility, slots, List.of(), List.of(), languages, notes);
    }
}
