package dm20.mcp.engine;

import dm20.mcp.game.Sheets;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.ConditionTag;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.sheet.CharacterSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hit points taken: a monster at 0 HP dies (or is knocked out when the fight says so); a PC at 0 HP falls
 * unconscious and starts death saves; damage to a PC already at 0 HP is a failed death save (two on a
 * critical hit), and damage at least equal to their maximum HP kills outright; a creature that keeps
 * standing and concentrates makes its concentration check. Every event is announced. Not thread-safe.
 */
final class Wounds {

    /**
     * One creature's damage.
     *
     * @param outcome what happened, in words ("falls unconscious", "dies", "" for nothing special)
     */
    record Hurt(String target, int damage, String outcome) {
    }

    private final Battlefield field;
    private final Afflictions afflictions;
    private final TableDice dice;

    Wounds(Battlefield field, Afflictions afflictions, TableDice dice) {
        this.field = field;
        this.afflictions = afflictions;
        this.dice = dice;
    }

    /** Applies {@code amount} (after defenses) to {@code target}; {@code critical} for death-save failures. */
    Hurt damage(Creature target, int amount, boolean critical, boolean knockOut, Visibility visibility) {
        Visibility shown = target.combatant().hidden() ? Visibility.dmOnly() : visibility;
        if (amount <= 0) {
            return new Hurt(target.name(), 0, "");
        }
        String outcome = target.pc() ? pc(target, amount, critical, shown) : monster(target, amount, knockOut, shown);
        if (!outcome.isEmpty()) {
            dice.announce(target.name() + " " + outcome + ".", shown);
        }
        Creature now = field.creatureById(target.id());
        if (now.hp() > 0) {
            afflictions.checkConcentration(now, amount, visibility);
        } else {
            afflictions.dropConcentration(now.id(), "is down", shown);
        }
        return new Hurt(target.name(), amount, outcome);
    }

    private String monster(Creature target, int amount, boolean knockOut, Visibility visibility) {
        Combatant m = target.combatant();
        if (m.downed()) {
            return "";
        }
        int hp = Math.max(0, m.hp().orElse(0) - amount);
        boolean ko = knockOut || field.battle().knockOut();
        List<ConditionTag> tags = new ArrayList<>(m.conditions());
        if (hp == 0) {
            tags.add(0, new ConditionTag(ko ? "unconscious" : "dead", Optional.empty(), false));
        }
        field.update(m.withHp(Optional.of(hp), hp == 0).withConditions(tags));
        return hp > 0 ? "" : ko ? "is knocked out" : "dies";
    }

    private String pc(Creature target, int amount, boolean critical, Visibility visibility) {
        CharacterSheet before = target.sheet().orElseThrow();
        if (before.deathSaves().dead()) {
            return "";
        }
        int max = before.hp().max();
        String outcome;
        CharacterSheet after;
        if (before.hp().current() == 0) {
            int failures = amount >= max ? 3 : critical ? 2 : 1;
            after = change(before, s -> Sheets.failDeathSaves(s, failures));
            outcome = after.deathSaves().dead() ? "dies" : "takes damage while down: " + failures
                    + " failed death save" + (failures > 1 ? "s" : "") + " (" + after.deathSaves().failures() + " of 3)";
        } else {
            int overflow = amount - before.hp().current() - before.hp().temp();
            after = change(before, s -> Sheets.damage(s, amount));
            if (after.hp().current() > 0) {
                outcome = "";
            } else if (overflow >= max) {
                after = change(after, s -> Sheets.failDeathSaves(s, 3));
                outcome = "is killed outright (massive damage)";
            } else {
                outcome = "falls unconscious and starts making death saves";
            }
        }
        field.game().combat().syncPc(after);
        return outcome;
    }

    private CharacterSheet change(CharacterSheet s, java.util.function.UnaryOperator<CharacterSheet> f) {
        return field.game().characters().change(Viewer.dm(), s.id(), f);
    }
}
