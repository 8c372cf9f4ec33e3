package dm20.relay.live;

import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.relay.Fixtures;
import dm20.relay.feed.Frame;
import dm20.relay.feed.FrameCodec;
import dm20.relay.feed.History;
import dm20.relay.state.Seat;
import dm20.relay.state.TableState;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class LiveTableTest {

    private final List<String> presence = new ArrayList<>();
    private final LiveTable table = new LiveTable(new TableState(), (seat, n) -> presence.add(seat + "=" + n),
            Clock.fixed(Fixtures.T0, ZoneOffset.UTC), 2, 3);

    private void open() {
        Fixtures.opening("e1", 1).forEach(table::apply);
    }

    private void post(long seq, String text) {
        table.apply(new Envelope<>(seq, Fixtures.narrative("n" + seq, text, Visibility.everyone())));
    }

    @Test
    void attach_thenLive_givesWelcomeHistoryAndLiveFramesWithoutGapsOrDuplicates() {
        open();
        post(10, "one");
        post(11, "two");
        RecordingOutlet p1 = new RecordingOutlet(Fixtures.seat("p1"));
        assertThat(table.attach(p1, Optional.empty(), Optional.empty())).isInstanceOf(LiveTable.Attach.Attached.class);
        post(12, "three");
        assertThat(p1.frames.getFirst()).isInstanceOf(Frame.Welcome.class);
        assertThat(p1.frames.subList(1, p1.frames.size())).extracting(f -> ((Frame.Narrative) f).seq())
                .containsExactly(10L, 11L, 12L);
        assertThat(presence).containsExactly("p1=1");
    }

    @Test
    void attach_withSinceAndEpoch_replaysExactlyTheMissedFrames() {
        open();
        for (long s = 10; s < 20; s++) {
            post(s, "scene " + s);
        }
        RecordingOutlet p2 = new RecordingOutlet(Fixtures.seat("p2"));
        table.attach(p2, Optional.of(14L), Optional.of("e1"));
        assertThat(p2.frames.subList(1, p2.frames.size())).extracting(f -> ((Frame.Narrative) f).seq())
                .containsExactly(15L, 16L, 17L, 18L, 19L);
    }

    @Test
    void attach_manyObservers_shareOneHistoryComputedOnce_andAFoldComputesItAfresh() {
        open();
        for (long s = 10; s < 20; s++) {
            post(s, "scene " + s);
            table.apply(new Envelope<>(100 + s, Fixtures.narrative("dm" + s, "DM ONLY " + s, Visibility.dmOnly())));
        }
        RecordingOutlet tv1 = new RecordingOutlet(Fixtures.seat("tv"));
        RecordingOutlet tv2 = new RecordingOutlet(Fixtures.seat("tv"));
        table.attach(tv1, Optional.empty(), Optional.empty());
        table.attach(tv2, Optional.empty(), Optional.empty());
        assertThat(tv1.batches).hasSize(1);
        assertThat(tv2.batches.getFirst()).isSameAs(tv1.batches.getFirst());
        assertThat(tv1.batches.getFirst()).extracting(f -> ((Frame.Narrative) f).seq())
                .containsExactly(10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L);
        table.detach(tv1);
        table.detach(tv2);

        post(20, "scene 20");
        RecordingOutlet tv3 = new RecordingOutlet(Fixtures.seat("tv"));
        table.attach(tv3, Optional.empty(), Optional.empty());
        assertThat(tv3.batches.getFirst()).isNotSameAs(tv1.batches.getFirst())
                .extracting(f -> ((Frame.Narrative) f).seq()).endsWith(19L, 20L);
    }

    @Test
    void attach_eachSeatGetsItsOwnHistory_neverAnotherSeatsSharedOne() {
        open();
        long seq = 10;
        for (String p : List.of("p1", "p2", "p3")) {
            post(seq++, "public " + p);
            table.apply(new Envelope<>(seq++, Fixtures.narrative("s" + p, "SECRET of " + p, Visibility.player(p))));
        }
        for (int round = 0; round < 3; round++) {
            for (String p : List.of("p1", "p2", "p3", "tv")) {
                RecordingOutlet o = new RecordingOutlet(Fixtures.seat(p));
                table.attach(o, round == 2 ? Optional.of(10L) : Optional.empty(), round == 2 ? Optional.of("e1")
                        : Optional.empty());
                List<String> texts = o.frames.stream().filter(Frame.Narrative.class::isInstance)
                        .map(f -> ((Frame.Narrative) f).text()).toList();
                assertThat(texts).filteredOn(t -> t.startsWith("SECRET"))
                        .allMatch(t -> t.equals("SECRET of " + p));
                if (!p.equals("tv")) {
                    assertThat(texts).contains("SECRET of " + p);
                }
                table.detach(o);
            }
        }
    }

    /**
     * The histories the table keeps are exactly what {@link History#frames} gives for the state at that moment: over a
     * long session of every message type and audience, sockets of every seat attach at random points, with and without
     * a cursor, several at once; each gets what a fresh projection of a replica of the state gives, and no text tagged
     * for someone else (the projector's own privacy, {@code FeedProjectorTest}, then holds for the cached histories).
     */
    @Test
    void attach_randomPointsOfALongSession_historyIsAlwaysTheFreshProjection() {
        java.util.Random random = new java.util.Random(20261202);
        List<Envelope<OutboxMessage>> session = dm20.relay.feed.TableScript.session(120);
        TableState replica = new TableState();
        List<String> seats = List.of("p1", "p2", "p3", "p4", "tv", "dm");
        int attached = 0;
        for (Envelope<OutboxMessage> envelope : session) {
            table.apply(envelope);
            replica.apply(envelope);
            if (random.nextInt(8) != 0) {
                continue;
            }
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                Seat seat = Fixtures.seat(seats.get(random.nextInt(seats.size())));
                Optional<Long> since = random.nextBoolean() ? Optional.empty()
                        : Optional.of((long) random.nextInt((int) envelope.sequence() + 1));
                RecordingOutlet outlet = new RecordingOutlet(seat);
                assertThat(table.attach(outlet, since, since.map(s -> "e1")))
                        .isInstanceOf(LiveTable.Attach.Attached.class);
                List<Frame> expected = History.frames(replica.feed(), pinned(replica), seat, "e1", since);
                assertThat(outlet.frames.subList(1, outlet.frames.size())).isEqualTo(expected);
                FrameCodec codec = new FrameCodec();
                for (Frame f : expected) {
                    Matcher secret = SECRET.matcher(codec.encode(f));
                    while (secret.find()) {
                        assertThat(List.of(secret.group(1).split(","))).contains(seat.playerId().orElse("-"));
                    }
                    assertThat(codec.encode(f)).doesNotContain("DMONLY");
                }
                table.detach(outlet);
                attached++;
            }
        }
        assertThat(attached).isGreaterThan(200);
    }

    private static final Pattern SECRET = Pattern.compile("(?:SECRET|SHEET)\\[([^\\]]*)\\]");

    private static List<Envelope<OutboxMessage>> pinned(TableState state) {
        List<Envelope<OutboxMessage>> pinned = new ArrayList<>(state.latestSheets());
        state.latestCombat().ifPresent(pinned::add);
        return pinned;
    }

    @Test
    void attach_staleEpoch_asksForReload() {
        open();
        RecordingOutlet p2 = new RecordingOutlet(Fixtures.seat("p2"));
        assertThat(table.attach(p2, Optional.of(3L), Optional.of("old"))).isInstanceOf(LiveTable.Attach.Reload.class);
        assertThat(p2.frames).isEmpty();
    }

    @Test
    void attach_tooManySocketsForOneSeat_isRefusedWith4409() {
        open();
        table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty());
        table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty());
        assertThat(table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty()))
                .isEqualTo(new LiveTable.Attach.Refused(Refusal.TOO_MANY_SOCKETS, "too many open pages for this seat (max 2)"));
        assertThat(table.connections("p1")).isEqualTo(2);
    }

    @Test
    void attach_observerSeat_hasItsOwnLargerCap() {
        open();
        for (int i = 0; i < 3; i++) {
            assertThat(table.attach(new RecordingOutlet(Fixtures.seat("tv")), Optional.empty(), Optional.empty()))
                    .isInstanceOf(LiveTable.Attach.Attached.class);
        }
        assertThat(table.attach(new RecordingOutlet(Fixtures.seat("tv")), Optional.empty(), Optional.empty()))
                .isEqualTo(new LiveTable.Attach.Refused(Refusal.TOO_MANY_SOCKETS, "too many open pages for this seat (max 3)"));
    }

    @Test
    void status_countsSeatsAndConnectedSeatsAtOneInstant() {
        open();
        table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty());
        table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty());
        table.attach(new RecordingOutlet(Fixtures.seat("tv")), Optional.empty(), Optional.empty());
        assertThat(table.status()).isEqualTo(new TableView.Status(true, 6, 2));
        assertThat(table.session()).isEqualTo(new TableView.Session("Lost Mine", "e1"));
    }

    @Test
    void apply_revoke_closesOnlyThatSeatsSocketsWithAReason() {
        open();
        RecordingOutlet p1 = new RecordingOutlet(Fixtures.seat("p1"));
        RecordingOutlet p2 = new RecordingOutlet(Fixtures.seat("p2"));
        table.attach(p1, Optional.empty(), Optional.empty());
        table.attach(p2, Optional.empty(), Optional.empty());
        table.apply(new Envelope<>(30, new OutboxMessage.SeatRevoked("p1", "kicked by the host", Fixtures.T0)));
        post(31, "after");
        assertThat(p1.closedWith).contains(4401);
        assertThat(p1.frames.getLast()).isEqualTo(new Frame.Closing("kicked by the host"));
        assertThat(p2.closedWith).isEmpty();
        assertThat(p2.frames.getLast()).isInstanceOf(Frame.Narrative.class);
        assertThat(table.authenticate(Fixtures.token("p1"))).isEmpty();
        assertThat(presence).contains("p1=0");
    }

    @Test
    void submitted_tellsOnlyThatSeatsSockets_everyOneOfThem() {
        open();
        RecordingOutlet p1a = new RecordingOutlet(Fixtures.seat("p1"));
        RecordingOutlet p1b = new RecordingOutlet(Fixtures.seat("p1"));
        RecordingOutlet p2 = new RecordingOutlet(Fixtures.seat("p2"));
        RecordingOutlet tv = new RecordingOutlet(Fixtures.seat("tv"));
        for (RecordingOutlet o : List.of(p1a, p1b, p2, tv)) {
            table.attach(o, Optional.empty(), Optional.empty());
        }
        int p2Before = p2.frames.size();
        int tvBefore = tv.frames.size();
        table.submitted(new dm20.protocol.message.InboxMessage.ActionSubmitted("a1", "p1", "p1", "c1", "I attack",
                false, Fixtures.T0));
        for (RecordingOutlet o : List.of(p1a, p1b)) {
            assertThat(o.frames.getLast()).isInstanceOfSatisfying(Frame.ActionStatus.class,
                    f -> assertThat(f.actionId()).isEqualTo("a1"));
        }
        assertThat(p2.frames).hasSize(p2Before);
        assertThat(tv.frames).hasSize(tvBefore);
    }

    @Test
    void apply_newSession_tellsEverySocketToReload() {
        open();
        RecordingOutlet tv = new RecordingOutlet(Fixtures.seat("tv"));
        table.attach(tv, Optional.empty(), Optional.empty());
        table.apply(new Envelope<>(40, new OutboxMessage.SessionOpened("e2", "Next", Fixtures.T0)));
        assertThat(tv.frames.getLast()).isInstanceOf(Frame.Reload.class);
        assertThat(tv.closedWith).contains(CloseCodes.NORMAL);
    }

    @Test
    void attach_seatRevokedAfterAuthentication_isRefused() {
        open();
        table.apply(new Envelope<>(30, new OutboxMessage.SeatRevoked("p4", "gone", Fixtures.T0)));
        assertThat(table.attach(new RecordingOutlet(Fixtures.seat("p4")), Optional.empty(), Optional.empty()))
                .isInstanceOf(LiveTable.Attach.Refused.class);
    }

    @Test
    void lockedRoom_joinedSeatReattaches_newSeatRefusedRoomLocked_hostAlwaysIn() {
        open();
        RecordingOutlet p1 = new RecordingOutlet(Fixtures.seat("p1"));
        table.attach(p1, Optional.empty(), Optional.empty());
        table.detach(p1);
        assertThat(table.joinedSeats()).containsExactly("p1");

        table.apply(new Envelope<>(20, new OutboxMessage.RoomLockChanged(true, table.joinedSeats(), Fixtures.T0)));

        assertThat(table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty()))
                .isInstanceOf(LiveTable.Attach.Attached.class);
        assertThat(table.attach(new RecordingOutlet(Fixtures.seat("p2")), Optional.empty(), Optional.empty()))
                .isEqualTo(new LiveTable.Attach.Refused(Refusal.ROOM_LOCKED, LiveTable.LOCKED));
        assertThat(table.attach(new RecordingOutlet(Fixtures.seat("dm")), Optional.empty(), Optional.empty()))
                .isInstanceOf(LiveTable.Attach.Attached.class);
        assertThat(table.admit(Fixtures.seat("p2"), Fixtures.T0)).map(ActionService.Result.Refused::refusal)
                .contains(Refusal.ROOM_LOCKED);
        assertThat(table.host().locked()).isTrue();
        assertThat(table.host().admitted()).containsExactlyInAnyOrder("dm", "p1");
    }

    @Test
    void lockedRoom_rotatedSeatStaysOut_unlockLetsItIn() {
        open();
        table.attach(new RecordingOutlet(Fixtures.seat("p1")), Optional.empty(), Optional.empty());
        table.apply(new Envelope<>(20, new OutboxMessage.RoomLockChanged(true, List.of("p1"), Fixtures.T0)));
        OutboxMessage.SeatIssued rotated = new OutboxMessage.SeatIssued("p1", dm20.protocol.Role.PLAYER, "Hero1",
                Optional.of("p1"), Optional.of("c1"), dm20.protocol.Tokens.hash("token-p1-new"), Fixtures.T0);
        table.apply(new Envelope<>(21, rotated));
        dm20.relay.state.Seat fresh = Fixtures.seat(rotated);

        assertThat(table.attach(new RecordingOutlet(fresh), Optional.empty(), Optional.empty()))
                .isInstanceOf(LiveTable.Attach.Refused.class);
        assertThat(table.joinedSeats()).doesNotContain("p1");

        table.apply(new Envelope<>(22, new OutboxMessage.RoomLockChanged(false, List.of(), Fixtures.T0)));
        assertThat(table.attach(new RecordingOutlet(fresh), Optional.empty(), Optional.empty()))
                .isInstanceOf(LiveTable.Attach.Attached.class);
    }

    @Test
    void mayEndTurn_followsTheSharedTurnRule() {
        open();
        table.apply(new Envelope<>(20, new OutboxMessage.CombatUpdated(Fixtures.roundRobin("c2"), Fixtures.T0)));

        assertThat(table.mayEndTurn(Fixtures.seat("p2"))).isEmpty();
        assertThat(table.mayEndTurn(Fixtures.seat("p1"))).map(ActionService.Result.Refused::refusal)
                .contains(Refusal.NOT_YOUR_TURN);
        assertThat(table.mayEndTurn(Fixtures.seat("tv"))).map(ActionService.Result.Refused::refusal)
                .contains(Refusal.WRONG_ROLE);
    }

    @Test
    void hostScreenPolled_dmSeat_isOnlineWhilePolling_andOfflineOnceQuiet() {
        open();
        presence.clear();

        table.hostScreenPolled(Fixtures.seat("dm"));
        table.hostScreenPolled(Fixtures.seat("dm"));
        assertThat(presence).as("reported once, on the first poll").containsExactly("dm=1");

        table.closeQuietHostScreens(Fixtures.T0);   // polled at T0: not before the horizon
        assertThat(presence).containsExactly("dm=1");
        table.closeQuietHostScreens(Fixtures.T0.plusSeconds(1));
        assertThat(presence).containsExactly("dm=1", "dm=0");
        table.closeQuietHostScreens(Fixtures.T0.plusSeconds(2));
        assertThat(presence).as("closed once").containsExactly("dm=1", "dm=0");
        assertThat(table.status().connected()).as("the public status counts sockets only").isZero();
    }
}
