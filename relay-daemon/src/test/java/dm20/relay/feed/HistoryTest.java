package dm20.relay.feed;

import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.relay.Fixtures;
import dm20.relay.state.Seat;
import dm20.relay.state.TableState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTest {

    private static TableState fold(List<Envelope<OutboxMessage>> envelopes) {
        TableState state = new TableState();
        envelopes.forEach(state::apply);
        return state;
    }

    private static List<Frame> history(TableState s, Seat seat, Optional<Long> since) {
        List<Envelope<OutboxMessage>> pinned = new ArrayList<>(s.latestSheets());
        s.latestCombat().ifPresent(pinned::add);
        return History.frames(s.feed(), pinned, seat, "e1", since);
    }

    private static long seq(Frame f) {
        return switch (f) {
            case Frame.Narrative n -> n.seq();
            case Frame.Resolution r -> r.seq();
            case Frame.Whisper w -> w.seq();
            case Frame.Roll r -> r.seq();
            case Frame.ActionStatus a -> a.seq().orElseThrow();
            case Frame.Sheet sh -> sh.seq();
            case Frame.Combat c -> c.seq();
            case Frame.Thinking t -> t.seq();
            default -> throw new AssertionError("not a feed frame: " + f);
        };
    }

    @Test
    void frames_firstLoad_sendsLastWindowInOrder() {
        TableState s = fold(TableScript.session(60));
        for (Seat seat : Fixtures.seats()) {
            List<Frame> frames = history(s, seat, Optional.empty());
            List<Long> seqs = frames.stream().map(HistoryTest::seq).toList();
            assertThat(seqs).as(seat.seatId()).isSorted();
            assertThat(frames.size()).isBetween(History.WINDOW, History.WINDOW + 2);
        }
    }

    @Test
    void frames_sheetOlderThanWindow_isStillIncluded() {
        List<Envelope<OutboxMessage>> session = new ArrayList<>(Fixtures.opening("e1", 1));
        long seq = 100;
        session.add(new Envelope<>(seq, new OutboxMessage.CharacterUpdated("c1", Optional.of("p1"),
                Fixtures.sheet("c1", "Old Sheet"), Fixtures.T0)));
        for (int i = 0; i < 300; i++) {
            session.add(new Envelope<>(++seq, Fixtures.narrative("n" + i, "scene " + i,
                    dm20.protocol.Visibility.everyone())));
        }
        List<Frame> frames = history(fold(session), Fixtures.seat("p1"), Optional.empty());
        assertThat(frames.getFirst()).isInstanceOf(Frame.Sheet.class);
        assertThat(frames).hasSize(History.WINDOW + 1);
        assertThat(history(fold(session), Fixtures.seat("p2"), Optional.empty())).hasSize(History.WINDOW)
                .noneMatch(f -> f instanceof Frame.Sheet);
    }

    @Test
    void frames_withSince_sendsExactlyTheLaterFrames() {
        TableState s = fold(TableScript.session(30));
        Seat p3 = Fixtures.seat("p3");
        List<Frame> all = new ArrayList<>();
        s.feed().forEach(e -> all.addAll(FeedProjector.project(e, p3, "e1")));
        long cut = seq(all.get(all.size() / 2));
        List<Frame> after = history(s, p3, Optional.of(cut));
        assertThat(after).isEqualTo(all.stream().filter(f -> seq(f) > cut).toList()).isNotEmpty();
        assertThat(history(s, p3, Optional.of(s.lastSeq()))).isEmpty();
    }
}
