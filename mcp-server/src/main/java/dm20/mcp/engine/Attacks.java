package dm20.mcp.engine;

import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.DiceRoller.Roll;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Names;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.Visibility;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Weapon and monster attacks: d20 plus the attack bonus against the target's AC (a natural 1 always
 * misses, a natural 20 always hits and is a critical hit that doubles the damage dice but not the
 * modifiers), damage by type against the target's defenses, hit points applied. Not thread-safe.
 */
public final class Attacks {

    /**
     * An attack's outcome, as the DM sees it.
     *
     * @param roll     the d20 total
     * @param natural  the d20 face that counted
     * @param damage   damage dealt per type, after defenses
     * @param outcome  what happened to the target ("dies", …), or ""
     */
    public record Outcome(String attacker, String target, String with, int roll, int natural, int ac, boolean hit,
                          boolean critical, List<Dealt> damage, int totalDamage, String outcome) {
    }

    /**
     * Damage of one type.
     *
     * @param rolled  the roll's total (doubled dice on a critical hit)
     * @param dealt   after resistance, immunity or vulnerability
     * @param defense "resisted", "immune", "vulnerable" or ""
     */
    public record Dealt(String type, int rolled, int dealt, String defense) {
    }

    /** One weapon or action, resolved to numbers. */
    record Profile(String name, int toHit, List<StatBlock.DamageRoll> damage, boolean magical) {
    }

    private final Battlefield field;
    private final Wounds wounds;
    private final TableDice dice;
    private final Compendium compendium;

    Attacks(Battlefield field, Wounds wounds, TableDice dice, Compendium compendium) {
        this.field = field;
        this.wounds = wounds;
        this.dice = dice;
        this.compendium = compendium;
    }

    /**
     * {@code attackerRef} attacks {@code targetRef} with a weapon on its sheet (PC) or an action (monster);
     * the first equipped weapon, or the first action, when {@code with} is empty.
     */
    public Outcome attack(String attackerRef, String targetRef, Optional<String> with, Edge edge, boolean magical,
                          boolean knockOut, Visibility visibility) {
        Creature attacker = field.creature(attackerRef);
        Creature target = field.creature(targetRef);
        if (target.combatant().downed() && !target.pc()) {
            throw new GameException(target.name() + " is already down");
        }
        Profile p = profile(attacker, with, magical);
        return resolve(attacker, target, p, edge, knockOut, visibility);
    }

    Outcome resolve(Creature attacker, Creature target, Profile p, Edge edge, boolean knockOut,
                    Visibility visibility) {
        int ac = target.ac();
        Roll r = dice.d20(p.toHit(), edge);
        int nat = TableDice.natural(r);
        boolean crit = nat == 20;
        boolean hit = crit || (nat != 1 && r.total() >= ac);
        String versus = target.combatant().kind() == Kind.PC ? " vs AC " + ac : "";
        String verdict = crit ? "critical hit!" : nat == 1 ? "natural 1, miss" : hit ? "hit" : "miss";
        dice.post(r, attacker.name() + " attacks " + target.name() + " with " + p.name() + ": " + r.total() + versus
                + " — " + verdict, visibility);
        if (!hit) {
            return new Outcome(attacker.name(), target.name(), p.name(), r.total(), nat, ac, false, false, List.of(),
                    0, "");
        }
        List<Dealt> dealt = damage(attacker, target, p, crit, visibility);
        int total = dealt.stream().mapToInt(Dealt::dealt).sum();
        Wounds.Hurt hurt = wounds.damage(target, total, crit, knockOut, visibility);
        return new Outcome(attacker.name(), target.name(), p.name(), r.total(), nat, ac, true, crit, dealt, total,
                hurt.outcome());
    }

    /** Rolls each damage part (doubled dice on a critical), posts it, applies the target's defenses. */
    List<Dealt> damage(Creature attacker, Creature target, Profile p, boolean crit, Visibility visibility) {
        List<Dealt> out = new ArrayList<>();
        for (StatBlock.DamageRoll part : p.damage()) {
            Roll r = dice.roll(crit ? DamageMath.critical(part.dice()) : part.dice(), Edge.NONE);
            int rolled = Math.max(0, r.total());
            int dealt = DamageMath.afterDefenses(rolled, part.type(), p.magical(), target.defenses());
            String defense = DamageMath.defenseWord(part.type(), p.magical(), target.defenses());
            dice.post(r, p.name() + " damage to " + target.name() + ": " + dealt + " " + part.type()
                    + (defense.isEmpty() ? "" : " (" + defense + ")") + (crit ? " — critical" : ""), visibility);
            out.add(new Dealt(part.type(), rolled, dealt, defense));
        }
        return out;
    }

    private Profile profile(Creature attacker, Optional<String> with, boolean magical) {
        if (attacker.sheet().isPresent()) {
            return weapon(attacker.sheet().get(), with, magical);
        }
        StatBlock b = attacker.block().orElseThrow(() -> new GameException(attacker.name()
                + " has no stat block; resolve its attack with roll_dice and damage, or add it as an SRD monster"));
        if (b.actions().isEmpty()) {
            throw new GameException(b.name() + " has no attack actions");
        }
        StatBlock.Action a = with.map(w -> b.action(w).orElseThrow(() -> new GameException(Names.notFound(
                "action", w, b.actions().stream().map(StatBlock.Action::name).toList()) + " (" + b.name() + ")")))
                .orElse(b.actions().get(0));
        return new Profile(a.name(), a.toHit(), a.damage(), magical);
    }

    private Profile weapon(CharacterSheet s, Optional<String> with, boolean magical) {
        WeaponProfile w = with.map(name -> name.equalsIgnoreCase("unarmed") || name.equalsIgnoreCase("unarmed strike")
                        ? WeaponProfile.unarmed() : carried(s, name))
                .orElseGet(() -> s.inventory().stream().filter(Item::equipped)
                        .map(i -> compendium.weapon(i.name())).flatMap(Optional::stream).findFirst()
                        .orElseThrow(() -> new GameException(s.name() + " has no equipped weapon the rules know;"
                                + " name one with 'weapon' (or 'unarmed')")));
        int mod = abilityModifier(s, w);
        return new Profile(w.name(), toHit(s, w),
                List.of(new StatBlock.DamageRoll(DamageMath.plus(w.damageDice(), mod), w.damageType())), magical);
    }

    /** The ability modifier a PC adds with {@code w}: DEX if ranged, the better of STR and DEX if finesse, else STR. */
    static int abilityModifier(CharacterSheet s, WeaponProfile w) {
        int str = Abilities.modifier(s.abilities().str());
        int dex = Abilities.modifier(s.abilities().dex());
        return w.ranged() ? dex : w.finesse() ? Math.max(str, dex) : str;
    }

    /** A PC's attack bonus with {@code w}: the ability modifier plus proficiency. */
    static int toHit(CharacterSheet s, WeaponProfile w) {
        return abilityModifier(s, w) + s.proficiencyBonus();
    }

    private WeaponProfile carried(CharacterSheet s, String name) {
        Item item = s.inventory().stream().filter(i -> i.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new GameException(Names.notFound("weapon", name,
                        s.inventory().stream().map(Item::name).toList()) + " (in " + s.name() + "'s inventory)"));
        return compendium.weapon(item.name()).orElseThrow(() -> new GameException("the rules do not know '"
                + item.name() + "' as a weapon; resolve it with roll_dice and damage"));
    }
}
