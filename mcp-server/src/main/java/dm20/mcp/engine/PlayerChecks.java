package dm20.mcp.engine;

import dm20.mcp.game.GameException;
import dm20.mcp.game.Names;
import dm20.mcp.rules.Ability;
import dm20.mcp.rules.Rulebook;
import dm20.mcp.rules.Skill;
import dm20.protocol.message.InboxMessage.RollKind;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.Item;

import java.util.Locale;

/**
 * The d20 modifier of a roll a player asks for from their sheet, by the same rules the engine uses: a skill
 * is its ability's modifier plus proficiency if the sheet lists the skill; a saving throw the ability's
 * modifier plus proficiency if the sheet lists the save; an ability check the bare modifier; a weapon attack
 * the engine's to-hit bonus ({@link Attacks#toHit}) for a weapon the character carries. Stateless and
 * thread-safe (the rules and compendium are).
 */
public final class PlayerChecks {

    /**
     * A roll's d20 modifier and the label the table sees.
     *
     * @param label e.g. "Stealth check", "DEX save", "Longsword attack"
     */
    public record Check(String label, int modifier) {
    }

    private final Rulebook rules;
    private final Compendium compendium;

    public PlayerChecks(Rulebook rules, Compendium compendium) {
        this.rules = rules;
        this.compendium = compendium;
    }

    /**
     * The check for {@code sheet}.
     *
     * @throws GameException naming what is unknown (skill, ability, weapon not carried or not a weapon)
     */
    public Check check(CharacterSheet sheet, RollKind kind, String name) {
        return switch (kind) {
            case SKILL -> skill(sheet, name);
            case SAVE -> {
                Ability a = ability(name);
                boolean proficient = sheet.saveProficiencies().stream().anyMatch(p -> Ability.parse(p).orElse(null) == a);
                yield new Check(a.name() + " save", modifier(sheet, a) + (proficient ? sheet.proficiencyBonus() : 0));
            }
            case CHECK -> {
                Ability a = ability(name);
                yield new Check(a.name() + " check", modifier(sheet, a));
            }
            case ATTACK -> attack(sheet, name);
        };
    }

    private Check skill(CharacterSheet sheet, String name) {
        Skill skill = rules.skill(name.strip()).orElseThrow(() -> new GameException(Names.notFound("skill", name,
                rules.skills().stream().map(Skill::name).toList())));
        boolean proficient = sheet.skillProficiencies().stream().anyMatch(p -> p.strip().equalsIgnoreCase(skill.name()));
        return new Check(skill.name() + " check", modifier(sheet, skill.ability())
                + (proficient ? sheet.proficiencyBonus() : 0));
    }

    private Check attack(CharacterSheet sheet, String name) {
        String wanted = name.strip();
        if (wanted.equalsIgnoreCase("unarmed") || wanted.equalsIgnoreCase("unarmed strike")) {
            return new Check("Unarmed strike attack", Attacks.toHit(sheet, WeaponProfile.unarmed()));
        }
        Item item = sheet.inventory().stream().filter(i -> i.name().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new GameException(Names.notFound("weapon", name,
                        sheet.inventory().stream().map(Item::name).toList()) + " (in " + sheet.name() + "'s inventory)"));
        WeaponProfile w = compendium.weapon(item.name()).orElseThrow(() -> new GameException("the rules do not know '"
                + item.name() + "' as a weapon"));
        return new Check(item.name() + " attack", Attacks.toHit(sheet, w));
    }

    private static Ability ability(String name) {
        return Ability.parse(name.strip()).orElseThrow(() -> new GameException("unknown ability '" + name
                + "'; use STR, DEX, CON, INT, WIS or CHA"));
    }

    private static int modifier(CharacterSheet sheet, Ability a) {
        return Abilities.modifier(sheet.abilities().score(a.name().toUpperCase(Locale.ROOT)));
    }
}
