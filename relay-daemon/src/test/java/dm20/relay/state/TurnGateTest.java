package dm20.relay.state;

import dm20.protocol.CombatState;
import dm20.relay.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TurnGateTest {

    private static final Instant NOW = Fixtures.T0;

    @Test
    void decide_noCombat_allowsEveryPlayerAndNoOtherRole() {
        for (Seat seat : Fixtures.seats()) {
            TurnGate.Decision d = TurnGate.decide(Optional.empty(), seat, NOW, false);
            assertThat(d instanceof TurnGate.Decision.Allowed).as(seat.seatId())
                    .isEqualTo(seat.role() == dm20.protocol.Role.PLAYER);
        }
        assertThat(TurnGate.decide(Optional.of(CombatState.none()), Fixtures.seat("p1"), NOW, false))
                .isInstanceOf(TurnGate.Decision.Allowed.class);
    }

    @Test
    void decide_roundRobin_allowsOnlyTheCurrentPlayer() {
        Optional<CombatState> combat = Optional.of(Fixtures.roundRobin("c3"));
        assertThat(TurnGate.decide(combat, Fixtures.seat("p3"), NOW, false)).isInstanceOf(TurnGate.Decision.Allowed.class);
        for (String p : List.of("p1", "p2", "p4")) {
            assertThat(TurnGate.decide(combat, Fixtures.seat(p), NOW, false))
                    .isEqualTo(new TurnGate.Decision.Refused("not_your_turn", "waiting for Hero3"));
        }
    }

    @Test
    void decide_roundRobinOnHiddenMonster_doesNotNameIt() {
        TurnGate.Decision d = TurnGate.decide(Optional.of(Fixtures.roundRobin("m2")), Fixtures.seat("p1"), NOW, false);
        assertThat(d).isEqualTo(new TurnGate.Decision.Refused("not_your_turn", "waiting for the DM"));
        assertThat(TurnGate.decide(Optional.of(Fixtures.roundRobin("m1")), Fixtures.seat("p1"), NOW, false))
                .isEqualTo(new TurnGate.Decision.Refused("not_your_turn", "waiting for Goblin"));
    }

    @Test
    void decide_simultaneous_allowsWaitedForPlayersOnceBeforeTheDeadline() {
        Optional<CombatState> combat = Optional.of(Fixtures.simultaneous(List.of("p1", "p2"), NOW.plusSeconds(30)));
        assertThat(TurnGate.decide(combat, Fixtures.seat("p1"), NOW, false)).isInstanceOf(TurnGate.Decision.Allowed.class);
        assertThat(TurnGate.decide(combat, Fixtures.seat("p1"), NOW, true))
                .isEqualTo(new TurnGate.Decision.Refused("already_submitted", "you already answered this round"));
        assertThat(TurnGate.decide(combat, Fixtures.seat("p3"), NOW, false))
                .extracting(d -> ((TurnGate.Decision.Refused) d).error()).isEqualTo("not_your_turn");
        assertThat(TurnGate.decide(combat, Fixtures.seat("p2"), NOW.plusSeconds(31), false))
                .extracting(d -> ((TurnGate.Decision.Refused) d).error()).isEqualTo("not_your_turn");
    }

    @Test
    void mayAct_ignoresTheClock() {
        CombatState combat = Fixtures.simultaneous(List.of("p1"), NOW.minusSeconds(1));
        assertThat(TurnGate.mayAct(combat, Fixtures.seat("p1"))).isTrue();
        assertThat(TurnGate.mayAct(combat, Fixtures.seat("p2"))).isFalse();
        assertThat(TurnGate.mayAct(combat, Fixtures.seat("tv"))).isFalse();
    }
}
