package dm20.mcp.party;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.PartyBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reopened session (the server restarted, or {@code party_start} after {@code party_stop}) folds the bus from the
 * latest session's opening and its resume point, and must know exactly what a session that lived through every
 * earlier session knew: the actions still queued, the relay's last report, presence, epoch and lock.
 */
class PartySessionTest {

    private static final Instant T = Instant.parse("2026-12-02T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void reopened_afterManySessions_knowsWhatTheSessionThatLivedThroughThemKnew() throws Exception {
        for (long seed = 1; seed <= 12; seed++) {
            play(new Random(seed), dir.resolve("campaign-" + seed));
        }
    }

    @Test
    void reopened_readsOnlyTheLatestSession_andTheActionsItCarried() throws Exception {
        Path campaign = dir.resolve("c");
        try (PartyBus relay = PartyBus.open(campaign)) {
            PartySession live = open(campaign);
            sessionWithOneActionAnswered(relay, live, "a-done", "a-kept");
            live.publish(opened("e2", live));
            live.close();

            // e2's opening carries a-kept, still queued; a-done was answered before it and is not read again
            PartySession reopened = open(campaign);
            try {
                assertThat(reopened.actions().withStatus(QueuedAction.Status.PENDING)).extracting(QueuedAction::id)
                        .containsExactly("a-kept");
                assertThat(reopened.actions().find("a-done")).as("answered before the opening: not read again").isEmpty();
                assertThat(reopened.epoch()).contains("e2");
            } finally {
                reopened.close();
            }
        }
    }

    @Test
    void reopened_nothingSinceTheOpening_carriesItsQueueIntoTheNextOpening() throws Exception {
        Path campaign = dir.resolve("c");
        try (PartyBus relay = PartyBus.open(campaign)) {
            PartySession s = open(campaign);
            sessionWithOneActionAnswered(relay, s, "a-0", "a-1");   // no relay report on this bus at all
            s.publish(opened("e2", s));
            s.close();
            for (String next : List.of("e3", "e4")) {                // reopened with nothing new in the inbox, twice
                s = open(campaign);
                s.publish(new OutboxMessage.SessionClosed("stop", T));
                s.publish(opened(next, s));
                s.close();
            }

            PartySession reopened = open(campaign);
            try {
                assertThat(reopened.actions().withStatus(QueuedAction.Status.PENDING)).extracting(QueuedAction::id)
                        .containsExactly("a-1");
            } finally {
                reopened.close();
            }
        }
    }

    /** Session e1 on {@code live}: {@code answered} and {@code kept} queued, {@code answered} resolved, then closed. */
    private static void sessionWithOneActionAnswered(PartyBus relay, PartySession live, String answered, String kept)
            throws InterruptedException {
        live.publish(opened("e1", live));
        relay.inboxWriter().append(submitted(answered));
        relay.inboxWriter().append(submitted(kept));
        live.catchUp(Duration.ofSeconds(5));
        live.publish(new OutboxMessage.ActionResolved(answered, "s", "Done.", List.of(), Optional.empty(), T));
        live.publish(new OutboxMessage.SessionClosed("stop", T));
    }

    /** Five sessions of random play; the session is closed and reopened at random points and compared each time. */
    private static void play(Random r, Path campaign) throws Exception {
        try (PartyBus relay = PartyBus.open(campaign)) {
            PartySession live = open(campaign);
            int ids = 0;
            for (int session = 0; session < 5; session++) {
                boolean legacy = session == 0 || r.nextInt(4) == 0;   // openings written before resume points
                live.publish(legacy ? new OutboxMessage.SessionOpened("e" + session, "C", T) : opened("e" + session, live));
                boolean reports = r.nextInt(3) > 0;   // some buses never saw a relay report (relayFrom -1)
                if (reports) {
                    relay.inboxWriter().append(new InboxMessage.RelayStarted("r" + session,
                            List.of("http://127.0.0.1:1"), 1, 42, T));
                }
                for (int step = 0; step < 40; step++) {
                    List<QueuedAction> queued = new ArrayList<>(live.actions().withStatus(QueuedAction.Status.PENDING));
                    queued.addAll(live.actions().withStatus(QueuedAction.Status.CLAIMED));
                    int move = r.nextInt(8);
                    if (move < 3 || queued.isEmpty()) {
                        relay.inboxWriter().append(submitted("a" + ids++));
                        live.catchUp(Duration.ofSeconds(5));
                    } else if (move < 7) {
                        String id = queued.get(r.nextInt(queued.size())).id();
                        live.publish(switch (move) {
                            case 3, 4 -> new OutboxMessage.ActionClaimed(id, "s", T);
                            case 5 -> new OutboxMessage.ActionResolved(id, "s", "It works.", List.of(), Optional.empty(), T);
                            default -> new OutboxMessage.ActionRejected(id, "s", "not now", T);
                        });
                    } else if (reports) {   // presence comes from a relay, which reports its start first
                        relay.inboxWriter().append(new InboxMessage.PresenceChanged("s" + r.nextInt(4), r.nextInt(3), T));
                        live.catchUp(Duration.ofSeconds(5));
                    }
                    if (r.nextInt(25) == 0) {
                        live = reopen(live, campaign);
                    }
                }
                if (r.nextBoolean()) {
                    live.publish(new OutboxMessage.RoomLockChanged(true, List.of("s1"), T));
                    live = reopen(live, campaign);
                }
                if (reports) {
                    relay.inboxWriter().append(new InboxMessage.RelayStopped("r" + session, "closed", T));
                }
                live.catchUp(Duration.ofSeconds(5));
                live.publish(new OutboxMessage.SessionClosed("stop", T));
                live = reopen(live, campaign);
            }
            live.close();
        }
    }

    /** Closes {@code live} and opens the bus again, checking that the new session knows the same. */
    private static PartySession reopen(PartySession live, Path campaign) throws Exception {
        live.catchUp(Duration.ofSeconds(5));
        List<String> queued = new ArrayList<>();
        live.actions().withStatus(QueuedAction.Status.PENDING).forEach(a -> queued.add(a.id()));
        live.actions().withStatus(QueuedAction.Status.CLAIMED).forEach(a -> queued.add(a.id()));
        RelayStatus relay = live.relay();
        Map<String, Presence> presence = live.presence();
        Optional<String> epoch = live.epoch();
        boolean locked = live.locked();
        live.close();

        PartySession reopened = open(campaign);
        // a claimed action that was not answered is offered again after a restart
        assertThat(reopened.actions().withStatus(QueuedAction.Status.PENDING)).extracting(QueuedAction::id)
                .containsExactlyInAnyOrderElementsOf(queued)
                .isSortedAccordingTo(java.util.Comparator.comparing(id -> sequenceOf(reopened, id)));
        assertThat(reopened.actions().withStatus(QueuedAction.Status.CLAIMED)).isEmpty();
        assertThat(reopened.relay().state()).isEqualTo(relay.state());
        assertThat(reopened.relay().sequence()).isEqualTo(relay.sequence());
        assertThat(reopened.presence()).isEqualTo(presence);
        assertThat(reopened.epoch()).isEqualTo(epoch);
        assertThat(reopened.locked()).isEqualTo(locked);
        return reopened;
    }

    private static long sequenceOf(PartySession s, String actionId) {
        return s.actions().find(actionId).orElseThrow().sequence();
    }

    private static OutboxMessage.SessionOpened opened(String epoch, PartySession s) {
        return new OutboxMessage.SessionOpened(epoch, "C", T, Optional.of(s.resumePoint()));
    }

    private static InboxMessage.ActionSubmitted submitted(String id) {
        return new InboxMessage.ActionSubmitted(id, "s", "p", "c", "I look around", false, T);
    }

    private static PartySession open(Path campaign) {
        return new PartySession(campaign, a -> { }, m -> { });
    }
}
