package dm20.mcp.engine;

import dm20.mcp.game.GameException;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A combatant as the rules see it: a PC through its sheet, a monster through its stat block, or a
 * hand-made combatant with what the DM gave.
 */
record Creature(Combatant combatant, Optional<CharacterSheet> sheet, Optional<StatBlock> block) {

    static final Set<String> ABILITIES = Set.of("STR", "DEX", "CON", "INT", "WIS", "CHA");

    String id() {
        return combatant.id();
    }

    String name() {
        return combatant.name();
    }

    boolean pc() {
        return combatant.kind() == Kind.PC;
    }

    /** Armor class. @throws GameException when nobody told the engine */
    int ac() {
        return sheet.map(CharacterSheet::armorClass).or(combatant::ac).or(() -> block.map(StatBlock::ac))
                .orElseThrow(() -> new GameException(name() + " has no known armor class; add it with an 'ac'"
                        + " (or name an SRD monster)"));
    }

    /** The modifier of an ability. */
    int modifier(String ability) {
        String a = ability(ability);
        return sheet.map(s -> Abilities.modifier(s.abilities().score(a)))
                .or(() -> block.map(b -> b.modifier(a))).orElse(0);
    }

    /** The saving-throw bonus for an ability: modifier plus proficiency where the sheet or stat block says. */
    int saveBonus(String ability) {
        String a = ability(ability);
        if (sheet.isPresent()) {
            CharacterSheet s = sheet.get();
            boolean proficient = s.saveProficiencies().stream().anyMatch(p -> p.equalsIgnoreCase(a));
            return modifier(a) + (proficient ? s.proficiencyBonus() : 0);
        }
        return block.map(b -> b.saveBonus(a)).orElse(0);
    }

    StatBlock.Defenses defenses() {
        return block.map(StatBlock::defenses).orElse(StatBlock.Defenses.NONE);
    }

    boolean immuneTo(String condition) {
        return defenses().conditionImmunities().contains(condition.toLowerCase(Locale.ROOT));
    }

    int hp() {
        return sheet.map(s -> s.hp().current()).or(combatant::hp).orElse(0);
    }

    /** STR, DEX, … from any case or the full name ("dexterity"). @throws GameException otherwise */
    static String ability(String text) {
        String a = text.strip().toUpperCase(Locale.ROOT);
        String shortName = a.length() > 3 ? a.substring(0, 3) : a;
        if (!ABILITIES.contains(shortName)) {
            throw new GameException("unknown ability '" + text + "'; use STR, DEX, CON, INT, WIS or CHA");
        }
        return shortName;
    }
}
