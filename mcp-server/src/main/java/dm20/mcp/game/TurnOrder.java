package dm20.mcp.game;

import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.TurnMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The TurnManager's rules as pure functions from one {@link CombatState} to the next: initiative order,
 * advancing past downed combatants with wrap-around and round count, holding, late joiners, simultaneous
 * prompts and who is still awaited, and deadlines. {@code turnSeconds} 0 means no deadline.
 */
final class TurnOrder {

    private TurnOrder() {
    }

    /** Round 1, highest initiative first (ties keep the given order), the first standing combatant acts. */
    static CombatState start(List<Combatant> combatants, Instant now, long turnSeconds) {
        List<Combatant> order = new ArrayList<>(combatants);
        order.sort(Comparator.comparingInt(Combatant::initiative).reversed());
        Optional<String> first = nextStanding(order, -1).map(i -> order.get(i).id());
        return roundRobin(order, 1, first, now, turnSeconds);
    }

    /** The next standing combatant's turn; passing the end of the order starts a new round. */
    static CombatState advance(CombatState s, Instant now, long turnSeconds) {
        int from = s.currentId().map(id -> indexOf(s.order(), id)).orElse(-1);
        Optional<Integer> next = nextStanding(s.order(), from);
        int round = s.round() + (next.isPresent() && next.get() <= from ? 1 : 0);
        List<Combatant> order = new ArrayList<>(s.order());
        next.ifPresent(i -> order.set(i, holding(order.get(i), false)));
        return roundRobin(order, round, next.map(i -> order.get(i).id()), now, turnSeconds);
    }

    /** The current combatant holds their action; the turn passes on. */
    static CombatState hold(CombatState s, Instant now, long turnSeconds) {
        List<Combatant> order = new ArrayList<>(s.order());
        s.currentId().ifPresent(id -> order.set(indexOf(order, id), holding(order.get(indexOf(order, id)), true)));
        return advance(with(s, order), now, turnSeconds);
    }

    /** Inserts a late joiner by initiative (after equals); whose turn it is does not change. */
    static CombatState add(CombatState s, Combatant c) {
        List<Combatant> order = new ArrayList<>(s.order());
        int at = 0;
        while (at < order.size() && order.get(at).initiative() >= c.initiative()) {
            at++;
        }
        order.add(at, c);
        return with(s, order);
    }

    /** Replaces a combatant (e.g. new HP or downed); the on-deck combatant is recomputed. */
    static CombatState replace(CombatState s, Combatant c) {
        List<Combatant> order = new ArrayList<>(s.order());
        order.set(indexOf(order, c.id()), c);
        return with(s, order);
    }

    /** Simultaneous mode: every standing visible PC's player must answer {@code prompt} by the deadline. */
    static CombatState simultaneous(CombatState s, String prompt, Instant now, long seconds) {
        List<String> waiting = s.order().stream()
                .filter(c -> c.kind() == CombatState.Kind.PC && !c.downed() && !c.hidden())
                .flatMap(c -> c.playerId().stream()).distinct().toList();
        return new CombatState(true, s.round(), TurnMode.SIMULTANEOUS, s.order(), s.currentId(), onDeck(s.order(),
                s.currentId()), deadline(now, seconds, !waiting.isEmpty()), Optional.of(prompt), waiting);
    }

    /** Back to round-robin; the current combatant's turn (re)starts now. */
    static CombatState roundRobin(CombatState s, Instant now, long turnSeconds) {
        return roundRobin(s.order(), s.round(), s.currentId(), now, turnSeconds);
    }

    /** A player answered the simultaneous prompt; when nobody is left the deadline is dropped. */
    static CombatState answered(CombatState s, String playerId) {
        List<String> waiting = s.waitingFor().stream().filter(p -> !p.equals(playerId)).toList();
        return new CombatState(true, s.round(), s.mode(), s.order(), s.currentId(), s.onDeckId(),
                waiting.isEmpty() ? Optional.empty() : s.deadline(), s.prompt(), waiting);
    }

    /** Whether the deadline has passed. */
    static boolean due(CombatState s, Instant now) {
        return s.active() && s.deadline().map(d -> !now.isBefore(d)).orElse(false);
    }

    /** After a passed deadline: round-robin passes the turn; simultaneous stops waiting. */
    static CombatState expire(CombatState s, Instant now, long turnSeconds) {
        if (s.mode() == TurnMode.ROUND_ROBIN) {
            return advance(s, now, turnSeconds);
        }
        return new CombatState(true, s.round(), s.mode(), s.order(), s.currentId(), s.onDeckId(), Optional.empty(),
                s.prompt(), List.of());
    }

    static int indexOf(List<Combatant> order, String id) {
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no combatant " + id);
    }

    private static CombatState roundRobin(List<Combatant> order, int round, Optional<String> current, Instant now,
                                          long turnSeconds) {
        Optional<Combatant> c = current.map(id -> order.get(indexOf(order, id)));
        List<String> waiting = c.flatMap(Combatant::playerId).stream().toList();
        return new CombatState(true, round, TurnMode.ROUND_ROBIN, order, current, onDeck(order, current),
                deadline(now, turnSeconds, !waiting.isEmpty()), Optional.empty(), waiting);
    }

    private static CombatState with(CombatState s, List<Combatant> order) {
        return new CombatState(s.active(), s.round(), s.mode(), order, s.currentId(), onDeck(order, s.currentId()),
                s.deadline(), s.prompt(), s.waitingFor());
    }

    private static Optional<String> onDeck(List<Combatant> order, Optional<String> current) {
        int from = current.map(id -> indexOf(order, id)).orElse(-1);
        return nextStanding(order, from).map(i -> order.get(i).id()).filter(id -> !current.equals(Optional.of(id)));
    }

    private static Optional<Integer> nextStanding(List<Combatant> order, int from) {
        for (int step = 1; step <= order.size(); step++) {
            int i = Math.floorMod(from + step, order.size());
            if (!order.get(i).downed()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> deadline(Instant now, long seconds, boolean someoneAwaited) {
        return seconds > 0 && someoneAwaited ? Optional.of(now.plusSeconds(seconds)) : Optional.empty();
    }

    private static Combatant holding(Combatant c, boolean holding) {
        return c.withHolding(holding);
    }
}
