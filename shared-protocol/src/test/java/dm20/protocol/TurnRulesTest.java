package dm20.protocol;

import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.CombatState.TurnMode;
import dm20.protocol.TurnRules.Decision;
import dm20.protocol.TurnRules.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TurnRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T05:00:00Z");
    private static final List<String> PLAYERS = List.of("p1", "p2", "p3", "p4");

    private static Combatant pc(String playerId) {
        String n = playerId.substring(1);
        return new Combatant("c" + n, "Hero" + n, Kind.PC, Optional.of("c" + n), Optional.of(playerId), 10,
                Optional.of(20), Optional.of(28), false, false, false);
    }

    private static Combatant monster(String id, String name, boolean hidden) {
        return new Combatant(id, name, Kind.MONSTER, Optional.empty(), Optional.empty(), 12, Optional.of(7),
                Optional.of(7), hidden, false, false);
    }

    private static CombatState roundRobin(String currentId) {
        List<Combatant> order = new ArrayList<>();
        PLAYERS.forEach(p -> order.add(pc(p)));
        order.add(monster("m1", "Goblin", false));
        order.add(monster("m2", "Assassin", true));
        return new CombatState(true, 1, TurnMode.ROUND_ROBIN, order, Optional.of(currentId), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
    }

    private static CombatState simultaneous(List<String> waitingFor, Instant deadline) {
        return new CombatState(true, 2, TurnMode.SIMULTANEOUS, PLAYERS.stream().map(TurnRulesTest::pc).toList(),
                Optional.empty(), Optional.empty(), Optional.of(deadline), Optional.of("What do you do?"), waitingFor);
    }

    private static Refusal refusal(Decision d) {
        return ((Decision.Refused) d).refusal();
    }

    @Test
    void decide_noCombat_allowsPlayersAndNoOtherRole() {
        assertThat(TurnRules.decide(CombatState.none(), Viewer.player("p1"), NOW, false)).isInstanceOf(Decision.Allowed.class);
        assertThat(refusal(TurnRules.decide(CombatState.none(), Viewer.observer(), NOW, false))).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(refusal(TurnRules.decide(CombatState.none(), Viewer.dm(), NOW, false))).isEqualTo(Refusal.WRONG_ROLE);
    }

    @Test
    void decide_roundRobin_allowsOnlyTheCurrentPlayer() {
        CombatState combat = roundRobin("c3");
        assertThat(TurnRules.decide(combat, Viewer.player("p3"), NOW, false)).isInstanceOf(Decision.Allowed.class);
        for (String p : List.of("p1", "p2", "p4")) {
            assertThat(TurnRules.decide(combat, Viewer.player(p), NOW, false))
                    .isEqualTo(new Decision.Refused(Refusal.NOT_YOUR_TURN, "waiting for Hero3"));
        }
    }

    @Test
    void decide_roundRobinOnHiddenMonster_doesNotNameIt() {
        assertThat(TurnRules.decide(roundRobin("m2"), Viewer.player("p1"), NOW, false))
                .isEqualTo(new Decision.Refused(Refusal.NOT_YOUR_TURN, "waiting for the DM"));
        assertThat(TurnRules.decide(roundRobin("m1"), Viewer.player("p1"), NOW, false))
                .isEqualTo(new Decision.Refused(Refusal.NOT_YOUR_TURN, "waiting for Goblin"));
    }

    @Test
    void decide_simultaneous_allowsWaitedForPlayersOnceBeforeTheDeadline() {
        CombatState combat = simultaneous(List.of("p1", "p2"), NOW.plusSeconds(30));
        assertThat(TurnRules.decide(combat, Viewer.player("p1"), NOW, false)).isInstanceOf(Decision.Allowed.class);
        assertThat(TurnRules.decide(combat, Viewer.player("p1"), NOW, true))
                .isEqualTo(new Decision.Refused(Refusal.ALREADY_SUBMITTED, "you already answered this round"));
        assertThat(refusal(TurnRules.decide(combat, Viewer.player("p3"), NOW, false))).isEqualTo(Refusal.NOT_YOUR_TURN);
        assertThat(refusal(TurnRules.decide(combat, Viewer.player("p2"), NOW.plusSeconds(31), false)))
                .isEqualTo(Refusal.NOT_YOUR_TURN);
    }

    @Test
    void decide_simultaneousAnsweredAndNoLongerWaitedFor_isAlreadySubmitted() {
        CombatState afterServerTookTheAnswer = simultaneous(List.of("p2"), NOW.plusSeconds(30));
        assertThat(refusal(TurnRules.decide(afterServerTookTheAnswer, Viewer.player("p1"), NOW, true)))
                .isEqualTo(Refusal.ALREADY_SUBMITTED);
    }

    @Test
    void mayAct_ignoresTheClock() {
        CombatState combat = simultaneous(List.of("p1"), NOW.minusSeconds(1));
        assertThat(TurnRules.mayAct(combat, Viewer.player("p1"))).isTrue();
        assertThat(TurnRules.mayAct(combat, Viewer.player("p2"))).isFalse();
        assertThat(TurnRules.mayAct(combat, Viewer.observer())).isFalse();
    }

    @Test
    void ownsTurn_dmAlwaysAndThePlayerOfTheCurrentCombatant() {
        CombatState combat = roundRobin("c2");
        assertThat(TurnRules.ownsTurn(combat, Viewer.dm())).isTrue();
        assertThat(TurnRules.ownsTurn(combat, Viewer.player("p2"))).isTrue();
        assertThat(TurnRules.ownsTurn(combat, Viewer.player("p1"))).isFalse();
        assertThat(TurnRules.ownsTurn(combat, Viewer.observer())).isFalse();
    }

    @Test
    void mayEndTurn_roundRobin_onlyTheCurrentPlayer() {
        CombatState combat = roundRobin("c2");
        assertThat(TurnRules.mayEndTurn(combat, Viewer.player("p2"))).isInstanceOf(Decision.Allowed.class);
        assertThat(TurnRules.mayEndTurn(combat, Viewer.player("p1")))
                .isEqualTo(new Decision.Refused(Refusal.NOT_YOUR_TURN, "waiting for Hero2"));
        assertThat(refusal(TurnRules.mayEndTurn(combat, Viewer.observer()))).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(refusal(TurnRules.mayEndTurn(combat, Viewer.dm()))).isEqualTo(Refusal.WRONG_ROLE);
    }

    @Test
    void mayEndTurn_noCombatOrSimultaneous_isRefusedWithAReason() {
        Decision none = TurnRules.mayEndTurn(CombatState.none(), Viewer.player("p1"));
        Decision together = TurnRules.mayEndTurn(simultaneous(List.of("p1"), NOW.plusSeconds(60)), Viewer.player("p1"));

        assertThat(refusal(none)).isEqualTo(Refusal.NOT_YOUR_TURN);
        assertThat(((Decision.Refused) none).message()).contains("no combat");
        assertThat(refusal(together)).isEqualTo(Refusal.NOT_YOUR_TURN);
        assertThat(((Decision.Refused) together).message()).contains("everyone acts at once");
    }
}
