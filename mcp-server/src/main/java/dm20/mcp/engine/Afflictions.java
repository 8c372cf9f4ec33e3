package dm20.mcp.engine;

import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.DiceRoller.Roll;
import dm20.mcp.game.GameException;
import dm20.protocol.CombatState;
import dm20.protocol.Visibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conditions and concentration: applying and removing conditions with their durations, ticking them as the
 * turn passes (repeat saves rolled, expiries announced), and concentration started, checked on damage and
 * dropped with the conditions it holds up. Not thread-safe: callers hold the game lock.
 */
public final class Afflictions {

    /**
     * What apply_condition did.
     *
     * @param applied false when the target is immune
     */
    public record Applied(String target, String condition, boolean applied, Optional<String> ends, String id) {
    }

    private final Battlefield field;
    private final TableDice dice;

    Afflictions(Battlefield field, TableDice dice) {
        this.field = field;
        this.dice = dice;
    }

    /**
     * Puts a condition on a combatant (a creature immune to it is left alone, and the answer says so).
     *
     * @param concentration the caster whose concentration holds it up, if any
     */
    public Applied apply(String targetRef, String condition, Optional<String> sourceRef, Ending ending,
                         boolean hidden, Optional<String> concentration) {
        Creature target = field.creature(targetRef);
        Optional<Creature> source = sourceRef.map(field::creature);
        return apply(target, condition, source.map(Creature::id), ending, hidden, concentration);
    }

    Applied apply(Creature target, String condition, Optional<String> sourceId, Ending ending, boolean hidden,
                  Optional<String> concentration) {
        if (condition.isBlank()) {
            throw new GameException("a condition needs a name, e.g. poisoned");
        }
        if (target.immuneTo(condition.strip())) {
            return new Applied(target.name(), condition.strip(), false, Optional.empty(), "");
        }
        Battle b = field.battle();
        ActiveCondition c = new ActiveCondition("c" + b.nextId(), condition, target.id(), sourceId, ending,
                false, hidden, concentration);
        field.save(b.withCondition(c));
        field.refresh(target.id(), List.of(c.name()), List.of());
        return new Applied(target.name(), c.name(), true, ending.describe(sourceId.map(field::nameOf)
                .orElse(target.name())), c.id());
    }

    /** Removes every condition of that name from a combatant. @return how many were removed */
    public int remove(String targetRef, String condition) {
        Creature target = field.creature(targetRef);
        String name = condition.strip().toLowerCase(java.util.Locale.ROOT);
        Battle b = field.battle();
        List<ActiveCondition> gone = b.conditions().stream()
                .filter(c -> c.targetId().equals(target.id()) && c.name().equals(name)).toList();
        boolean onSheet = target.sheet().map(s -> s.conditions().stream().anyMatch(name::equalsIgnoreCase))
                .orElse(false);
        if (gone.isEmpty() && !onSheet) {
            throw new GameException(target.name() + " is not " + name + "; conditions: "
                    + target.combatant().conditions().stream().map(CombatState.ConditionTag::name).toList());
        }
        end(gone, false);
        if (gone.isEmpty()) {
            field.refresh(target.id(), List.of(), List.of(name));
        }
        return gone.size();
    }

    /** Starts {@code casterId}'s concentration on {@code spell}, dropping any earlier one (announced). */
    void concentrate(String casterId, String spell, Visibility visibility) {
        dropConcentration(casterId, "casts " + spell, visibility);
        Battle b = field.battle();
        List<Battle.Concentration> all = new ArrayList<>(b.concentrations());
        all.add(new Battle.Concentration(casterId, spell));
        field.save(b.withConcentrations(all));
        field.refresh(casterId, List.of(), List.of());
    }

    /** Ends {@code casterId}'s concentration, if any, with the conditions it held up; announces why. */
    void dropConcentration(String casterId, String why, Visibility visibility) {
        Battle b = field.battle();
        Optional<Battle.Concentration> k = b.concentration(casterId);
        if (k.isEmpty()) {
            return;
        }
        field.save(b.withConcentrations(b.concentrations().stream().filter(x -> !x.equals(k.get())).toList()));
        dice.announce(field.nameOf(casterId) + " " + why + ": concentration on " + k.get().spell() + " ends.",
                visibility);
        end(field.battle().conditions().stream().filter(c -> c.concentration().equals(Optional.of(casterId)))
                .toList(), true);
        field.refresh(casterId, List.of(), List.of());
    }

    /**
     * The concentration check after {@code damage}: a CON save against max(10, half the damage), rolled and
     * posted; failing drops the spell. Nothing happens when the creature does not concentrate.
     */
    void checkConcentration(Creature c, int damage, Visibility visibility) {
        Optional<Battle.Concentration> k = field.battle().concentration(c.id());
        if (k.isEmpty() || damage <= 0) {
            return;
        }
        int dc = DamageMath.concentrationDc(damage);
        Roll r = dice.d20(c.saveBonus("CON"), Edge.NONE);
        boolean holds = r.total() >= dc;
        dice.post(r, c.name() + " concentration (" + k.get().spell() + "): " + r.total() + " vs DC " + dc + " — "
                + (holds ? "holds" : "broken"), visibility);
        if (!holds) {
            dropConcentration(c.id(), "loses focus", visibility);
        }
    }

    /** Ticks conditions as the turn passes from {@code before}'s combatant to {@code after}'s. */
    void turnPassed(CombatState before, CombatState after) {
        if (field.battle() == Battle.NONE || !after.active()) {
            return;
        }
        before.currentId().ifPresent(id -> {
            ConditionClock.Tick t = ConditionClock.turnEnded(field.battle().conditions(), id, this::repeatSave);
            settle(t, "end of turn");
        });
        after.currentId().ifPresent(id -> settle(ConditionClock.turnStarted(field.battle().conditions(), id),
                "start of turn"));
    }

    private boolean repeatSave(ActiveCondition c) {
        Creature target = field.creatureById(c.targetId());
        String ability = c.ending().saveAbility().orElseThrow();
        int dc = c.ending().dc().orElseThrow();
        Roll r = dice.d20(target.saveBonus(ability), Edge.NONE);
        boolean saved = r.total() >= dc;
        dice.post(r, target.name() + " " + ability + " save against " + c.name() + ": " + r.total() + " vs DC " + dc
                + " — " + (saved ? "success" : "failure"), c.hidden() ? Visibility.dmOnly() : Visibility.everyone());
        return saved;
    }

    private void settle(ConditionClock.Tick t, String when) {
        Battle b = field.battle();
        List<ActiveCondition> changedRounds = t.remaining().stream().filter(c -> !b.conditions().contains(c)).toList();
        if (t.ended().isEmpty() && changedRounds.isEmpty()) {
            return;
        }
        field.save(b.withConditions(t.remaining()));
        announceEnded(t.ended(), t.saved());
        List<String> touched = new ArrayList<>();
        t.ended().forEach(c -> touched.add(c.targetId()));
        changedRounds.forEach(c -> touched.add(c.targetId()));
        touched.stream().distinct().forEach(id -> field.refresh(id, List.of(),
                t.ended().stream().filter(c -> c.targetId().equals(id)).map(ActiveCondition::name).toList()));
    }

    private void end(List<ActiveCondition> gone, boolean announce) {
        if (gone.isEmpty()) {
            return;
        }
        Battle b = field.battle();
        field.save(b.withConditions(b.conditions().stream().filter(c -> !gone.contains(c)).toList()));
        gone.forEach(c -> field.refresh(c.targetId(), List.of(), List.of(c.name())));
        if (announce) {
            announceEnded(gone, List.of());
        }
    }

    private void announceEnded(List<ActiveCondition> ended, List<ActiveCondition> saved) {
        for (ActiveCondition c : ended) {
            String source = c.sourceId().map(field::nameOf).orElse(field.nameOf(c.targetId()));
            String how = saved.contains(c) ? "saved" : switch (c.ending().kind()) {
                case ROUNDS -> "its time is up";
                case END_OF_SOURCE_NEXT_TURN -> "end of " + source + "'s turn";
                case START_OF_SOURCE_NEXT_TURN -> "start of " + source + "'s turn";
                case SAVE_ENDS -> "saved";
                case UNTIL_REMOVED -> "ended";
            };
            dice.announce(field.nameOf(c.targetId()) + " is no longer " + c.name() + " (" + how + ").",
                    c.hidden() ? Visibility.dmOnly() : Visibility.everyone());
        }
    }
}
