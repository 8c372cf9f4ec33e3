package dm20.relay.state;

import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.relay.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TableStateTest {

    private static TableState fold(List<Envelope<OutboxMessage>> envelopes) {
        TableState s = new TableState();
        envelopes.forEach(s::apply);
        return s;
    }

    private static List<Envelope<OutboxMessage>> twoSessions() {
        List<Envelope<OutboxMessage>> all = new ArrayList<>(Fixtures.opening("old", 1));
        all.add(new Envelope<>(50, Fixtures.narrative("n-old", "old scene", Visibility.everyone())));
        all.add(new Envelope<>(51, new OutboxMessage.SessionClosed("break", Fixtures.T0)));
        all.addAll(Fixtures.opening("new", 100));
        all.add(new Envelope<>(200, Fixtures.narrative("n-new", "new scene", Visibility.everyone())));
        return all;
    }

    @Test
    void apply_sessionOpened_resetsEverythingOfTheOldSession() {
        TableState s = fold(twoSessions());
        assertThat(s.epoch()).contains("new");
        assertThat(s.feed()).extracting(Envelope::sequence).containsExactly(200L);
        assertThat(s.seats().size()).isEqualTo(6);
        assertThat(s.open()).isTrue();
        assertThat(s.lastSeq()).isEqualTo(200);
    }

    @Test
    void apply_sessionOpened_reportsTheEpochReset() {
        TableState s = fold(Fixtures.opening("a", 1));
        assertThat(s.apply(new Envelope<>(30, new OutboxMessage.SessionOpened("b", "X", Fixtures.T0))))
                .isEqualTo(new TableState.Change.SessionReset("b"));
        assertThat(s.seats().size()).isZero();
    }

    @Test
    void fold_sameOutboxTwice_rebuildsTheSameState() {
        List<Envelope<OutboxMessage>> log = new ArrayList<>(twoSessions());
        log.add(new Envelope<>(201, new OutboxMessage.CharacterUpdated("c1", Optional.of("p1"),
                Fixtures.sheet("c1", "Thorin"), Fixtures.T0)));
        log.add(new Envelope<>(202, new OutboxMessage.CombatUpdated(Fixtures.roundRobin("c2"), Fixtures.T0)));
        log.add(new Envelope<>(203, new OutboxMessage.ActionClaimed("a1", "p1", Fixtures.T0)));
        TableState first = fold(log);
        TableState restarted = fold(log);
        assertThat(restarted.feed()).isEqualTo(first.feed());
        assertThat(restarted.seats().all()).isEqualTo(first.seats().all());
        assertThat(restarted.sheet("c1")).isEqualTo(first.sheet("c1")).isPresent();
        assertThat(restarted.combatState()).isEqualTo(first.combatState()).isPresent();
        assertThat(restarted.epoch()).isEqualTo(first.epoch());
    }

    @Test
    void restoreSubmissions_keepsOnlyThisSessionsActionsAndAppliesEarlierStatus() {
        TableState s = fold(Fixtures.opening("e", 1));
        s.apply(new Envelope<>(20, new OutboxMessage.ActionClaimed("a-now", "p1", Fixtures.T0)));
        s.restoreSubmissions(List.of(
                new ActionSubmitted("a-old", "p1", "p1", "c1", "old", false, Fixtures.T0.minusSeconds(60)),
                new ActionSubmitted("a-now", "p1", "p1", "c1", "now", false, Fixtures.T0.plusSeconds(1))));
        assertThat(s.actions().byId("a-old")).isEmpty();
        assertThat(s.actions().byId("a-now")).get().extracting(ActionRecord::status).isEqualTo(ActionStatus.PROCESSING);
    }

    @Test
    void apply_revokeAndRotate_reportTheSeatAsGone() {
        TableState s = fold(Fixtures.opening("e", 1));
        var rotated = new OutboxMessage.SeatIssued("p1", Role.PLAYER, "Hero1", Optional.of("p1"), Optional.of("c1"),
                Tokens.hash("new-token"), Fixtures.T0);
        assertThat(s.apply(new Envelope<>(20, rotated))).isInstanceOf(TableState.Change.SeatGone.class);
        assertThat(s.seats().authenticate(Fixtures.token("p1"))).isEmpty();
        assertThat(s.seats().authenticate("new-token")).isPresent();
        assertThat(s.apply(new Envelope<>(21, new OutboxMessage.SeatRevoked("p2", "kicked", Fixtures.T0))))
                .isEqualTo(new TableState.Change.SeatGone("p2", "kicked"));
        assertThat(s.seats().authenticate(Fixtures.token("p2"))).isEmpty();
        assertThat(s.apply(new Envelope<>(22, Fixtures.issue("p3", Role.PLAYER, "Hero3 renamed"))))
                .isInstanceOf(TableState.Change.None.class);
    }

    @Test
    void apply_combatPrompt_movesPromptStartOnlyWhenThePromptChanges() {
        TableState s = fold(Fixtures.opening("e", 1));
        var deadline = Fixtures.T0.plusSeconds(60);
        s.apply(new Envelope<>(20, new OutboxMessage.CombatUpdated(
                Fixtures.simultaneous(Fixtures.PLAYERS, deadline), Fixtures.T0.plusSeconds(5))));
        s.apply(new Envelope<>(21, new OutboxMessage.CombatUpdated(
                Fixtures.simultaneous(List.of("p2"), deadline), Fixtures.T0.plusSeconds(9))));
        assertThat(s.promptSince()).isEqualTo(Fixtures.T0.plusSeconds(5));
    }

    @Test
    void apply_roomLock_admitsOnlyTheSeatedWithTheirToken_andANewSessionUnlocks() {
        List<Envelope<OutboxMessage>> log = new java.util.ArrayList<>(Fixtures.opening("e1", 1));
        log.add(new Envelope<>(20, new OutboxMessage.RoomLockChanged(true, List.of("p1", "tv", "nobody"), Fixtures.T0)));
        TableState state = fold(log);

        assertThat(state.locked()).isTrue();
        assertThat(state.admits(Fixtures.seat("p1"))).isTrue();
        assertThat(state.admits(Fixtures.seat("tv"))).isTrue();
        assertThat(state.admits(Fixtures.seat("dm"))).isTrue();
        assertThat(state.admits(Fixtures.seat("p2"))).isFalse();
        state.apply(new Envelope<>(21, new OutboxMessage.SeatRevoked("p1", "kicked", Fixtures.T0)));
        state.apply(new Envelope<>(22, Fixtures.issue("p1", dm20.protocol.Role.PLAYER, "Hero1")));
        assertThat(state.admits(Fixtures.seat("p1"))).isFalse();

        state.apply(new Envelope<>(30, new OutboxMessage.SessionOpened("e2", "Lost Mine", Fixtures.T0)));
        assertThat(state.locked()).isFalse();
    }
}
