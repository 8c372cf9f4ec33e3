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
 * What the DM gives to create a character; {@link #toSheet} fills in the rules-derived rest (hit dice by
 * class, hit points from the hit die and CON, armor class from DEX).
 */
public record CharacterSpec(String name, String className, int level, String race, String background,
                            String alignment, Abilities abilities, Optional<Integer> maxHp,
                            Optional<Integer> armorClass, int speed, List<String> skills, List<String> saves,
                            List<String> languages, Map<Integer, Integer> spellSlots,
                            Optional<String> spellcastingAbility, String notes) {

    private static final Map<String, Integer> HIT_DIE = Map.ofEntries(
            Map.entry("barbarian", 12), Map.entry("fighter", 10), Map.entry("paladin", 10), Map.entry("ranger", 10),
            Map.entry("sorcerer", 6), Map.entry("wizard", 6));

    /** The hit die of a class (d8 for any class not listed as d6, d10 or d12). */
    public static int hitDie(String className) {
        return HIT_DIE.getOrDefault(className.toLowerCase(Locale.ROOT).strip(), 8);
    }

    /** A full sheet with id {@code id}. */
    public CharacterSheet toSheet(String id) {
        int die = hitDie(className);
        int con = Abilities.modifier(abilities.con());
        int hp = maxHp.orElse(Math.max(1, die + con + (level - 1) * Math.max(1, die / 2 + 1 + con)));
        List<SpellSlots> slots = spellSlots.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new SpellSlots(e.getKey(), e.getValue(), 0)).toList();
        return new CharacterSheet(id, name, Optional.empty(),
                List.of(new ClassLevel(className, level, Optional.empty())), race, background, alignment, abilities,
                skills, saves, armorClass.orElse(10 + Abilities.modifier(abilities.dex())),
                new HitPoints(hp, hp, 0), List.of(new HitDice(die, level, level)), null, speed, List.of(),
                List.of(), null, spellcastingAbility, slots, List.of(), List.of(), languages, notes);
    }
}
