package dm20.mcp.engine;

import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.DiceRoller.Roll;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Sheets;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Spells and saving throws: the save DC from the caster (8 + proficiency + spellcasting modifier), one
 * damage roll shared by every target, each target's save rolled (half damage, rounded down, on a success
 * where the spell says so), defenses applied after that, conditions put on those who fail; a slot spent at
 * the cast level (cantrips are free), upcast damage from the spell's table, concentration started (and the
 * previous one dropped). Not thread-safe.
 */
public final class Spells {

    /**
     * One target's save.
     *
     * @param damage    damage dealt after halving and defenses
     * @param condition the condition put on the target, if any
     */
    public record Save(String target, int roll, int natural, boolean saved, int damage, String defense,
                       String outcome, Optional<String> condition) {
    }

    /**
     * A saving throw for several targets, or a spell's outcome.
     *
     * @param slotLevel     the slot spent (0 for a cantrip or a plain saving throw)
     * @param damageRolled  the shared damage roll, if there was one
     * @param attacks       spell attacks, one per target
     */
    public record Outcome(String source, String spell, int slotLevel, Optional<Integer> dc,
                          Optional<Integer> damageRolled, String damageType, List<Save> saves,
                          List<Attacks.Outcome> attacks, Optional<String> concentration, List<String> notes) {
    }

    /** What a failed save inflicts: a condition until {@code ending}, held by {@code concentration} if any. */
    public record Rider(String condition, Ending ending) {
    }

    private final Battlefield field;
    private final Wounds wounds;
    private final Afflictions afflictions;
    private final Attacks attacks;
    private final TableDice dice;
    private final Compendium compendium;

    Spells(Battlefield field, Wounds wounds, Afflictions afflictions, Attacks attacks, TableDice dice,
           Compendium compendium) {
        this.field = field;
        this.wounds = wounds;
        this.afflictions = afflictions;
        this.attacks = attacks;
        this.dice = dice;
        this.compendium = compendium;
    }

    /**
     * Casts {@code spellName} from {@code casterRef} at {@code targetRefs}.
     *
     * @param slot       slot level (default: the spell's level); higher upcasts
     * @param dcOverride the save DC (or, for a spell attack, nothing) when the caster has no sheet
     * @param rider      a condition for targets that fail the save (or all targets of a spell without a save)
     */
    public Outcome cast(String casterRef, String spellName, List<String> targetRefs, Optional<Integer> slot,
                        Optional<Integer> dcOverride, Optional<Integer> attackBonus, Optional<Rider> rider,
                        Edge edge, boolean knockOut, Visibility visibility) {
        Creature caster = field.creature(casterRef);
        SpellProfile spell = compendium.spell(spellName).orElseThrow(() -> new GameException("the rules know no spell"
                + " named '" + spellName + "'; check get_spell or search_rules"));
        List<Creature> targets = targetRefs.stream().map(field::creature).distinct().toList();
        int level = slot.orElse(spell.level());
        if (spell.level() == 0 && slot.isPresent() && level != 0) {
            throw new GameException(spell.name() + " is a cantrip; it takes no slot");
        }
        if (level < spell.level() || level > 9) {
            throw new GameException(spell.name() + " is a level-" + spell.level() + " spell; cast it with a slot of"
                    + " level " + spell.level() + "..9, not " + level);
        }
        Optional<CharacterSheet> sheet = caster.sheet();
        Optional<Integer> sheetDc = sheet.flatMap(s -> s.spellcastingAbility().map(a -> saveDc(s)));
        int dc = dcOverride.or(() -> sheetDc).orElse(-1);
        int bonus = attackBonus.or(() -> sheetDc.map(d -> d - 8)).orElse(Integer.MIN_VALUE);
        if (spell.saveAbility().isPresent() && dc < 0) {
            throw new GameException(caster.name() + " has no spellcasting ability on a sheet; pass the save 'dc'");
        }
        if (spell.attack() && bonus == Integer.MIN_VALUE) {
            throw new GameException(caster.name() + " has no spellcasting ability on a sheet; pass 'attack_bonus'");
        }
        if (spell.attack()) {
            targets.forEach(Creature::ac);
        }
        if (targets.isEmpty() && (spell.saveAbility().isPresent() || spell.attack() || rider.isPresent())) {
            throw new GameException(spell.name() + " needs at least one target");
        }
        spendSlot(caster, spell, level);
        List<String> notes = new ArrayList<>();
        if (spell.concentration()) {
            afflictions.concentrate(caster.id(), spell.name(), visibility);
            notes.add(caster.name() + " concentrates on " + spell.name());
        }
        Optional<String> damageDice = spell.damageDice(level, sheet.map(CharacterSheet::level).orElse(1));
        String type = spell.damageType().orElse("");
        Optional<String> holder = spell.concentration() ? Optional.of(caster.id()) : Optional.empty();
        if (spell.attack()) {
            List<Attacks.Outcome> hits = targets.stream().map(t -> attacks.resolve(caster, field.creatureById(t.id()),
                    new Attacks.Profile(spell.name(), bonus, damageDice.map(d -> List.of(new StatBlock.DamageRoll(d,
                            type))).orElse(List.of()), true), edge, knockOut, visibility)).toList();
            return new Outcome(caster.name(), spell.name(), spell.level() == 0 ? 0 : level, Optional.empty(),
                    Optional.empty(), type, List.of(), hits, holder.map(h -> spell.name()), notes);
        }
        if (spell.saveAbility().isEmpty()) {
            return unopposed(caster, spell, level, targets, damageDice, type, rider, holder, knockOut, visibility,
                    notes);
        }
        Outcome saves = saves(Optional.of(caster), spell.name(), targets, spell.saveAbility().get(), dc, damageDice,
                type, spell.halfOnSave(), rider, holder, true, knockOut, visibility);
        return new Outcome(caster.name(), spell.name(), spell.level() == 0 ? 0 : level, Optional.of(dc),
                saves.damageRolled(), type, saves.saves(), List.of(), holder.map(h -> spell.name()), notes);
    }

    /**
     * Saving throws for {@code targetRefs} against {@code dc}: one shared damage roll (if any), half on a
     * success when {@code half}, the rider on a failure.
     */
    public Outcome savingThrow(Optional<String> sourceRef, String label, List<String> targetRefs, String ability,
                               int dc, Optional<StatBlock.DamageRoll> damage, boolean half, Optional<Rider> rider,
                               boolean magical, boolean knockOut, Visibility visibility) {
        Optional<Creature> source = sourceRef.map(field::creature);
        List<Creature> targets = targetRefs.stream().map(field::creature).distinct().toList();
        if (targets.isEmpty()) {
            throw new GameException("saving_throw needs at least one target");
        }
        if (dc < 1 || dc > 40) {
            throw new GameException("a save DC is 1..40, got " + dc);
        }
        return saves(source, label, targets, Creature.ability(ability), dc, damage.map(StatBlock.DamageRoll::dice),
                damage.map(StatBlock.DamageRoll::type).orElse(""), half, rider, Optional.empty(), magical, knockOut,
                visibility);
    }

    private Outcome saves(Optional<Creature> source, String what, List<Creature> targets, String ability, int dc,
                          Optional<String> damageDice, String type, boolean half, Optional<Rider> rider,
                          Optional<String> holder, boolean magical, boolean knockOut, Visibility visibility) {
        Optional<Roll> damage = damageDice.map(d -> dice.roll(d, Edge.NONE));
        damage.ifPresent(r -> dice.post(r, what + " damage: " + r.total() + " " + type, visibility));
        List<Save> out = new ArrayList<>();
        for (Creature t0 : targets) {
            Creature t = field.creatureById(t0.id());
            Roll r = dice.d20(t.saveBonus(ability), Edge.NONE);
            boolean saved = r.total() >= dc;
            int base = damage.map(Roll::total).map(n -> Math.max(0, n)).orElse(0);
            int taken = saved ? (half ? DamageMath.half(base) : 0) : base;
            int dealt = DamageMath.afterDefenses(taken, type, magical, t.defenses());
            String defense = dealt == 0 && taken == 0 ? "" : DamageMath.defenseWord(type, magical, t.defenses());
            dice.post(r, t.name() + " " + ability + " save against " + what + ": " + r.total() + " vs DC " + dc + " — "
                    + (saved ? "success" : "failure") + (damage.isPresent() ? ", takes " + dealt + " " + type
                    + (defense.isEmpty() ? "" : " (" + defense + ")") : ""), visibility);
            Wounds.Hurt hurt = wounds.damage(t, dealt, false, knockOut, visibility);
            Optional<String> condition = saved ? Optional.empty() : rider.flatMap(x -> inflict(source, t, x, holder));
            out.add(new Save(t.name(), r.total(), TableDice.natural(r), saved, dealt, defense, hurt.outcome(),
                    condition));
        }
        return new Outcome(source.map(Creature::name).orElse("DM"), what, 0, Optional.of(dc),
                damage.map(Roll::total), type, out, List.of(), Optional.empty(), List.of());
    }

    private Outcome unopposed(Creature caster, SpellProfile spell, int level, List<Creature> targets,
                              Optional<String> damageDice, String type, Optional<Rider> rider, Optional<String> holder,
                              boolean knockOut, Visibility visibility, List<String> notes) {
        List<Save> out = new ArrayList<>();
        for (Creature t0 : targets) {
            Creature t = field.creatureById(t0.id());
            int dealt = 0;
            String outcome = "";
            if (damageDice.isPresent()) {
                Roll r = dice.roll(damageDice.get(), Edge.NONE);
                dealt = DamageMath.afterDefenses(Math.max(0, r.total()), type, true, t.defenses());
                dice.post(r, spell.name() + " hits " + t.name() + ": " + dealt + " " + type, visibility);
                outcome = wounds.damage(t, dealt, false, knockOut, visibility).outcome();
            }
            Optional<String> condition = rider.flatMap(x -> inflict(Optional.of(caster), t, x, holder));
            out.add(new Save(t.name(), 0, 0, false, dealt, "", outcome, condition));
        }
        return new Outcome(caster.name(), spell.name(), spell.level() == 0 ? 0 : level, Optional.empty(),
                Optional.empty(), type, out, List.of(), holder.map(h -> spell.name()), notes);
    }

    private Optional<String> inflict(Optional<Creature> source, Creature target, Rider rider, Optional<String> holder) {
        if (field.creatureById(target.id()).combatant().downed() && !target.pc()) {
            return Optional.empty();
        }
        Afflictions.Applied a = afflictions.apply(target, rider.condition(), source.map(Creature::id), rider.ending(),
                false, holder);
        return a.applied() ? Optional.of(a.condition()) : Optional.empty();
    }

    private void spendSlot(Creature caster, SpellProfile spell, int level) {
        if (spell.level() == 0 || caster.sheet().isEmpty()) {
            return;
        }
        CharacterSheet s = field.game().characters().change(Viewer.dm(), caster.sheet().get().id(),
                x -> Sheets.useSpellSlot(x, level));
        field.game().combat().syncPc(s);
    }

    /** The save DC of a caster's spells, from its sheet. @throws GameException without a sheet or ability */
    public int dcOf(String casterRef) {
        Creature c = field.creature(casterRef);
        return saveDc(c.sheet().orElseThrow(() -> new GameException(c.name() + " has no character sheet; pass 'dc'")));
    }

    /** 8 + proficiency + the spellcasting ability's modifier. @throws GameException without one */
    int saveDc(CharacterSheet s) {
        String ability = s.spellcastingAbility().orElseThrow(() -> new GameException(s.name()
                + " has no spellcasting ability on the sheet; pass the save 'dc'"));
        return 8 + s.proficiencyBonus() + Abilities.modifier(s.abilities().score(ability));
    }
}
