package dm20.mcp.engine;

import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.DiceRoller.Roll;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Names;
import dm20.mcp.game.Participant;
import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who joins a fight: characters by name, SRD monsters by name and count with their real AC, HP (average
 * or rolled) and the stat block kept for later, hand-made monsters as before; missing initiative rolled
 * (d20 + DEX modifier, one roll per group of identical monsters) and posted. Not thread-safe.
 */
public final class Muster {

    private final Battlefield field;
    private final TableDice dice;
    private final Compendium compendium;

    Muster(Battlefield field, TableDice dice, Compendium compendium) {
        this.field = field;
        this.dice = dice;
        this.compendium = compendium;
    }

    /** Starts combat with {@code recruits}; {@code knockOut}: monsters at 0 HP fall unconscious instead of dying. */
    public CombatState start(List<Recruit> recruits, Optional<Long> turnSeconds, boolean knockOut,
                             Visibility visibility) {
        if (field.game().combat().state().active()) {
            throw new GameException("combat is already running (round " + field.game().combat().state().round()
                    + "); end_combat first");
        }
        if (recruits.isEmpty()) {
            throw new GameException("start_combat needs at least one participant");
        }
        Map<String, StatBlock> blocks = new LinkedHashMap<>();
        List<Participant> ps = enlist(recruits, blocks);
        requireNewcomers(ps, List.of());
        rollInitiative(ps, recruits, visibility);
        CombatState s = field.game().combat().start(Viewer.dm(), finalised(ps), turnSeconds);
        field.save(Battle.NONE.withKnockOut(knockOut).withBlocks(match(s, Set.of(), blocks)));
        return field.game().combat().state();
    }

    /** Adds late joiners to the running fight. */
    public CombatState add(Recruit recruit, Visibility visibility) {
        CombatState before = field.combat();
        if (!before.active()) {
            throw new GameException("there is no combat; start_combat first");
        }
        Map<String, StatBlock> blocks = new LinkedHashMap<>();
        List<Participant> ps = enlist(List.of(recruit), blocks);
        requireNewcomers(ps, before.order());
        rollInitiative(ps, List.of(recruit), visibility);
        Set<String> old = before.order().stream().map(Combatant::id).collect(Collectors.toSet());
        CombatState s = before;
        for (Participant p : finalised(ps)) {
            s = field.game().combat().add(Viewer.dm(), p);
        }
        field.save(field.battle().withBlocks(match(s, old, blocks)));
        return field.game().combat().state();
    }

    /**
     * Refuses a PC who already fights (or is named twice) before any die is rolled and posted: a refused call
     * must leave nothing on the table.
     */
    private void requireNewcomers(List<Participant> ps, List<Combatant> fighting) {
        Set<String> ids = fighting.stream().map(Combatant::id).collect(Collectors.toCollection(java.util.HashSet::new));
        for (Participant p : ps) {
            if (p.kind().equals(Optional.of("pc"))) {
                CharacterSheet sheet = field.game().characters().find(p.name());
                if (!ids.add(sheet.id())) {
                    throw new GameException(sheet.name() + " is already in the initiative order");
                }
            }
        }
    }

    /** Pending participants: initiative MIN_VALUE means "roll it". */
    private List<Participant> enlist(List<Recruit> recruits, Map<String, StatBlock> blocks) {
        List<Participant> out = new ArrayList<>();
        for (Recruit r : recruits) {
            Optional<CharacterSheet> pc = character(r);
            if (pc.isPresent()) {
                out.add(new Participant(pc.get().name(), r.initiative().orElse(Integer.MIN_VALUE), Optional.of("pc"),
                        Optional.empty(), Optional.empty(), r.hidden()));
                continue;
            }
            Optional<StatBlock> block = r.kind().filter("pc"::equals).isPresent() ? Optional.empty() : monster(r);
            if (block.isEmpty() && (r.count() > 1 || r.kind().isEmpty() && (r.hp().isEmpty() || closeToCharacter(r)))) {
                throw new GameException(unknown(r));
            }
            block.ifPresent(b -> blocks.put(b.name(), b));
            for (int i = 0; i < r.count(); i++) {
                out.add(monster(r, block));
            }
        }
        return out;
    }

    private Participant monster(Recruit r, Optional<StatBlock> block) {
        String name = block.map(StatBlock::name).orElse(r.name());
        int hp = r.hp().orElseGet(() -> block.map(b -> r.rollHp() ? rolledHp(b) : b.hp()).orElse(1));
        Optional<Integer> max = r.maxHp().or(() -> r.hp().isEmpty() ? Optional.of(hp) : Optional.empty());
        return new Participant(name, r.initiative().orElse(Integer.MIN_VALUE),
                Optional.of(r.kind().filter("npc"::equals).orElse("monster")), Optional.of(hp), max, r.hidden(),
                r.ac().or(() -> block.map(StatBlock::ac)));
    }

    private int rolledHp(StatBlock b) {
        if (b.hitDice().isBlank()) {
            return b.hp();
        }
        Roll roll = dice.roll(b.hitDice(), Edge.NONE);
        dice.post(roll, b.name() + " hit points: " + roll.total(), Visibility.dmOnly());
        return Math.max(1, roll.total());
    }

    private void rollInitiative(List<Participant> ps, List<Recruit> recruits, Visibility visibility) {
        Map<String, Integer> groupRolls = new LinkedHashMap<>();
        for (int i = 0; i < ps.size(); i++) {
            Participant p = ps.get(i);
            if (p.initiative() != Integer.MIN_VALUE) {
                continue;
            }
            Integer shared = groupRolls.get(p.name());
            if (shared == null) {
                Roll r = dice.d20(dexModifier(p), Edge.NONE);
                dice.post(r, p.name() + " initiative: " + r.total(), p.hidden() ? Visibility.dmOnly() : visibility);
                shared = r.total();
                if (!p.kind().equals(Optional.of("pc"))) {
                    groupRolls.put(p.name(), shared);
                }
            }
            ps.set(i, new Participant(p.name(), shared, p.kind(), p.hp(), p.maxHp(), p.hidden(), p.ac()));
        }
    }

    private int dexModifier(Participant p) {
        if (p.kind().equals(Optional.of("pc"))) {
            return Abilities.modifier(field.game().characters().find(p.name()).abilities().dex());
        }
        return compendium.monster(p.name()).map(b -> b.modifier("DEX")).orElse(0);
    }

    private static List<Participant> finalised(List<Participant> ps) {
        return List.copyOf(ps);
    }

    /** Stat blocks of the new non-PC combatants, by id ("Goblin 2" → the Goblin block). */
    private static Map<String, StatBlock> match(CombatState s, Set<String> old, Map<String, StatBlock> blocks) {
        Map<String, StatBlock> out = new LinkedHashMap<>();
        s.order().stream().filter(c -> c.kind() != Kind.PC && !old.contains(c.id())).forEach(c -> {
            StatBlock b = blocks.get(c.name().replaceFirst(" \\d+$", ""));
            if (b != null) {
                out.put(c.id(), b);
            }
        });
        return out;
    }

    private Optional<CharacterSheet> character(Recruit r) {
        if (r.count() > 1 || r.kind().filter(k -> !k.equals("pc")).isPresent()) {
            return Optional.empty();
        }
        List<CharacterSheet> all = field.game().characters().list();
        Optional<CharacterSheet> s = Names.lookup(r.name(), all, CharacterSheet::id, CharacterSheet::name);
        if (s.isEmpty() && r.kind().equals(Optional.of("pc"))) {
            return Optional.of(field.game().characters().find(r.name()));
        }
        return s;
    }

    private Optional<StatBlock> monster(Recruit r) {
        return r.singulars().stream().map(compendium::monster).flatMap(Optional::stream).findFirst();
    }

    private boolean closeToCharacter(Recruit r) {
        return Names.closest(r.name(), field.game().characters().list().stream().map(CharacterSheet::name).toList())
                .isPresent();
    }

    private String unknown(Recruit r) {
        List<String> names = new ArrayList<>(field.game().characters().list().stream().map(CharacterSheet::name)
                .toList());
        compendium.monsters().forEach(b -> names.add(b.name()));
        Optional<String> close = r.singulars().stream().map(n -> Names.closest(n, names)).flatMap(Optional::stream)
                .findFirst();
        return "no character or SRD monster named '" + r.name() + "'" + close.map(c -> " — did you mean '" + c + "'?")
                .orElse("") + " (for a monster of your own, give its hp and ac, or kind 'monster')";
    }
}
