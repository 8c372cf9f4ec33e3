package dm20.mcp.party;

import dm20.protocol.message.InboxMessage.ActionSubmitted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ActionBookTest {

    private final ActionBook book = new ActionBook();

    static ActionSubmitted action(String id, String player) {
        return new ActionSubmitted(id, "seat-" + player, player, "pc-" + player, "I act (" + id + ")", false,
                Instant.parse("2026-11-26T05:00:00Z"));
    }

    @Test
    void claimNext_takesTheOldestPendingFirst() {
        book.submitted(action("a-1", "ann"), 10);
        book.submitted(action("a-2", "ben"), 11);

        assertThat(book.claimNext()).map(QueuedAction::id).contains("a-1");
        assertThat(book.claimNext()).map(QueuedAction::id).contains("a-2");
        assertThat(book.claimNext()).isEmpty();
    }

    @Test
    void submitted_sameIdTwice_isQueuedOnce() {
        book.submitted(action("a-1", "ann"), 10);
        book.submitted(action("a-1", "ann"), 12);

        assertThat(book.counts().get(QueuedAction.Status.PENDING)).isEqualTo(1);
    }

    @Test
    void resolved_twiceOrAfterClaim_isHarmlessAndFinal() {
        book.submitted(action("a-1", "ann"), 10);
        book.resolved("a-1");
        book.resolved("a-1");
        book.claimed("a-1");

        assertThat(book.find("a-1")).map(QueuedAction::status).contains(QueuedAction.Status.RESOLVED);
        assertThat(book.claimNext()).isEmpty();
    }

    @Test
    void unknownIds_areIgnored() {
        book.claimed("nope");
        book.resolved("nope");
        book.rejected("nope");

        assertThat(book.find("nope")).isEmpty();
    }

    @Test
    void reofferClaimed_afterRestart_claimedButUnansweredIsPendingAgain() {
        book.submitted(action("a-1", "ann"), 10);
        book.submitted(action("a-2", "ben"), 11);
        book.submitted(action("a-3", "cat"), 12);
        book.claimed("a-1");
        book.claimed("a-2");
        book.resolved("a-2");

        book.reofferClaimed();

        assertThat(book.withStatus(QueuedAction.Status.PENDING)).extracting(QueuedAction::id).containsExactly("a-1", "a-3");
        assertThat(book.withStatus(QueuedAction.Status.RESOLVED)).extracting(QueuedAction::id).containsExactly("a-2");
    }

    /** The oldest pending action, as a scan of the whole book finds it, after every step of random histories. */
    @Test
    void peekAndClaimNext_randomHistories_alwaysTheOldestPendingOfTheWholeBook() {
        java.util.Random random = new java.util.Random(20261202);
        for (int history = 0; history < 200; history++) {
            ActionBook b = new ActionBook();
            for (int step = 0; step < 60; step++) {
                String id = "a-" + random.nextInt(25);
                switch (random.nextInt(7)) {
                    case 0, 1 -> b.submitted(action(id, "p" + random.nextInt(4)), step);
                    case 2 -> b.claimed(id);
                    case 3 -> b.resolved(id);
                    case 4 -> b.rejected(id);
                    case 5 -> b.claimNext();
                    default -> b.reofferClaimed();
                }
                var scanned = b.withStatus(QueuedAction.Status.PENDING).stream().findFirst();
                assertThat(b.peek()).as("history %d step %d", history, step).isEqualTo(scanned);
            }
        }
    }

    @Test
    void awaitAndClaim_nothingArrives_returnsEmptyAfterTheBound() throws Exception {
        assertThat(book.awaitAndClaim(Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void awaitAndClaim_actionArrivesWhileWaiting_wakesAndClaimsIt() throws Exception {
        CompletableFuture<java.util.Optional<QueuedAction>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return book.awaitAndClaim(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        book.submitted(action("a-9", "dan"), 20);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).map(QueuedAction::id).contains("a-9");
        assertThat(book.find("a-9")).map(QueuedAction::status).contains(QueuedAction.Status.CLAIMED);
    }
}
