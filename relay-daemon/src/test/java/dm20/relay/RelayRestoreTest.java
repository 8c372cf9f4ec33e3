package dm20.relay;

import dm20.protocol.Role;
import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.message.InboxMessage.PresenceChanged;
import dm20.protocol.message.InboxMessage.RelayStarted;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import dm20.relay.live.LiveTable;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.TableState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dm20.relay.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted relay rebuilds its table from the latest session's opening instead of the whole bus
 * ({@link RelayMain#restore}), and ends up exactly where folding everything from the start does.
 */
class RelayRestoreTest {

    @TempDir
    Path dir;

    @Test
    void restore_manySessions_isTheStateOfTheLatestOne_sameAsFoldingEverything() {
        try (PartyBus bus = PartyBus.open(dir)) {
            for (int n = 1; n <= 3; n++) {
                session(bus, "e" + n, Optional.of(resumeAtInboxEnd(bus)), T0.plusSeconds(3600L * n));
            }
            bus.outboxWriter().append(Fixtures.narrative("n-last", "The door shuts.", Visibility.everyone()));

            TableState restored = new TableState();
            try (BusReader<OutboxMessage> outbox = RelayMain.restore(bus, restored)) {
                assertThat(outbox.next()).as("the live reader starts at the end").isEmpty();
            }
            TableState everything = foldedFromTheStart(bus);

            assertThat(restored.epoch()).contains("e3");
            assertThat(restored.feed()).extracting(Envelope::sequence).isNotEmpty()
                    .containsExactlyElementsOf(everything.feed().stream().map(Envelope::sequence).toList());
            assertThat(restored.seatList()).isEqualTo(everything.seatList()).hasSize(Fixtures.seats().size());
            assertThat(restored.pendingActions()).extracting(ActionRecord::actionId).containsExactly("a-e3-p2")
                    .containsExactlyElementsOf(everything.pendingActions().stream().map(ActionRecord::actionId).toList());
            assertThat(restored.action("a-e3-p1")).map(ActionRecord::status).isEqualTo(everything.action("a-e3-p1")
                    .map(ActionRecord::status));
            assertThat(restored.action("a-e2-p2")).as("an earlier session's action").isEmpty();
            assertThat(restored.lastSeq()).isEqualTo(everything.lastSeq());
        }
    }

    @Test
    void restore_resumePoint_readsTheInboxOnlyAfterIt() {
        try (PartyBus bus = PartyBus.open(dir)) {
            session(bus, "e1", Optional.empty(), T0);
            // queued in the first session but stamped later than the second opens (a clock stepped back):
            // before the resume point, so not this session's; a relay reading the whole inbox would take it
            bus.inboxWriter().append(submitted("a-late", "p3", T0.plusSeconds(7200)));
            session(bus, "e2", Optional.of(resumeAtInboxEnd(bus)), T0.plusSeconds(3600));

            TableState restored = new TableState();
            RelayMain.restore(bus, restored).close();

            assertThat(restored.action("a-late")).isEmpty();
            assertThat(restored.action("a-e2-p2")).isPresent();
        }
    }

    @Test
    void restore_openingWrittenBeforeResumePoints_readsTheWholeInboxByTime() {
        try (PartyBus bus = PartyBus.open(dir)) {
            session(bus, "e1", Optional.empty(), T0);
            session(bus, "e2", Optional.empty(), T0.plusSeconds(3600));

            TableState restored = new TableState();
            RelayMain.restore(bus, restored).close();

            assertThat(restored.epoch()).contains("e2");
            assertThat(restored.pendingActions()).extracting(ActionRecord::actionId).containsExactly("a-e2-p2");
            assertThat(restored.action("a-e1-p2")).isEmpty();
        }
    }

    @Test
    void restore_whoHadJoined_withTheLinkTheyHoldNow_isKeptForALaterRoomLock() {
        try (PartyBus bus = PartyBus.open(dir)) {
            session(bus, "e1", Optional.empty(), T0);
            bus.inboxWriter().append(new PresenceChanged("p4", 1, T0.plusSeconds(5)));   // the previous session's
            session(bus, "e2", Optional.of(resumeAtInboxEnd(bus)), T0.plusSeconds(3600));
            Instant now = T0.plusSeconds(3700);
            var inbox = bus.inboxWriter();
            inbox.append(new PresenceChanged("dm", 1, now));
            inbox.append(new PresenceChanged("p1", 1, now));
            inbox.append(new PresenceChanged("p1", 0, now.plusSeconds(1)));      // away now, but joined
            inbox.append(new PresenceChanged("p2", 1, now));                      // joined with a link since replaced
            inbox.append(new PresenceChanged("p3", 2, now));                      // an earlier relay's two sockets
            inbox.append(new PresenceChanged("tv", 1, now));
            inbox.append(new PresenceChanged("tv", 0, now.plusSeconds(1)));
            inbox.append(new RelayStarted("relay-2", List.of("http://127.0.0.1:1"), 1, 42L, now.plusSeconds(2)));
            inbox.append(new PresenceChanged("p3", 1, now.plusSeconds(3)));      // the next relay counts from zero
            bus.outboxWriter().append(new OutboxMessage.SeatIssued("p2", Role.PLAYER, "Hero2", Optional.of("p2"),
                    Optional.of("c2"), dm20.protocol.Tokens.hash("token-p2-new"), now.plusSeconds(4)));

            TableState restored = new TableState();
            RelayMain.restore(bus, restored).close();
            LiveTable table = new LiveTable(restored, (seat, sockets) -> { }, Clock.fixed(now, ZoneOffset.UTC), 4, 200);

            assertThat(table.joinedSeats()).containsExactlyInAnyOrder("p1", "p3", "tv");
            assertThat(restored.joinedBefore()).doesNotContainKeys("dm", "p2", "p4");
        }
    }

    /** One session: opened at {@code at}, seated, two actions queued (p1's answered, p2's not), some story. */
    private static void session(PartyBus bus, String epoch, Optional<OutboxMessage.Resume> resume, Instant at) {
        bus.outboxWriter().append(new OutboxMessage.SessionOpened(epoch, "Lost Mine", at, resume));
        Fixtures.seatMessages().forEach(bus.outboxWriter()::append);
        bus.outboxWriter().append(Fixtures.narrative("n-" + epoch, "You arrive in " + epoch + ".", Visibility.everyone()));
        for (String p : List.of("p1", "p2")) {
            bus.inboxWriter().append(submitted("a-" + epoch + "-" + p, p, at.plusSeconds(60)));
        }
        bus.outboxWriter().append(new OutboxMessage.ActionClaimed("a-" + epoch + "-p1", "p1", at.plusSeconds(61)));
        bus.outboxWriter().append(new OutboxMessage.ActionResolved("a-" + epoch + "-p1", "p1", "It works.", List.of(),
                Optional.empty(), at.plusSeconds(62)));
        bus.outboxWriter().append(new OutboxMessage.SeatRevoked("tv", "kicked", at.plusSeconds(63)));
        bus.outboxWriter().append(Fixtures.issue("tv", Role.OBSERVER, "TV"));
    }

    private static ActionSubmitted submitted(String actionId, String seatId, Instant at) {
        return new ActionSubmitted(actionId, seatId, seatId, "c" + seatId.substring(1), "I search the room", false, at);
    }

    private static OutboxMessage.Resume resumeAtInboxEnd(PartyBus bus) {
        return new OutboxMessage.Resume(bus.lastInboxSequence().orElse(-1L), -1, List.of());
    }

    /** What the relay did before it rewound: every outbox message, and every submission filtered by time. */
    private static TableState foldedFromTheStart(PartyBus bus) {
        TableState state = new TableState();
        try (BusReader<OutboxMessage> outbox = bus.outboxReader(Optional.empty());
             var inbox = bus.inboxReader(Optional.empty())) {
            for (var e = outbox.next(); e.isPresent(); e = outbox.next()) {
                state.apply(e.get());
            }
            List<ActionSubmitted> all = new ArrayList<>();
            for (var e = inbox.next(); e.isPresent(); e = inbox.next()) {
                if (e.get().message() instanceof ActionSubmitted s) {
                    all.add(s);
                }
            }
            state.restoreSubmissions(all);
        }
        return state;
    }
}
