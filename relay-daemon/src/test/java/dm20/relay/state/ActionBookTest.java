package dm20.relay.state;

import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.relay.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionBookTest {

    private static ActionSubmitted submitted(String id, int second) {
        return new ActionSubmitted(id, "p1", "p1", "c1", "attack", false, Fixtures.T0.plusSeconds(second));
    }

    @Test
    void status_neverMovesBackwards() {
        ActionBook book = new ActionBook();
        book.submitted(submitted("a1", 0));
        book.status("a1", "p1", ActionStatus.RESOLVED, Optional.empty());
        book.status("a1", "p1", ActionStatus.PROCESSING, Optional.empty());
        assertThat(book.byId("a1")).get().extracting(ActionRecord::status).isEqualTo(ActionStatus.RESOLVED);
    }

    @Test
    void submitted_twice_isIdempotent() {
        ActionBook book = new ActionBook();
        book.submitted(submitted("a1", 0));
        book.status("a1", "p1", ActionStatus.PROCESSING, Optional.empty());
        assertThat(book.submitted(submitted("a1", 0)).status()).isEqualTo(ActionStatus.PROCESSING);
    }

    @Test
    void pending_listsQueuedAndProcessingOldestFirst() {
        ActionBook book = new ActionBook();
        book.submitted(submitted("a2", 5));
        book.submitted(submitted("a1", 1));
        book.submitted(submitted("a3", 9));
        book.status("a3", "p1", ActionStatus.REJECTED, Optional.of("no"));
        assertThat(book.pending()).extracting(ActionRecord::actionId).containsExactly("a1", "a2");
        assertThat(book.answeredSince("p1", Fixtures.T0.plusSeconds(6))).isTrue();
        assertThat(book.answeredSince("p1", Fixtures.T0.plusSeconds(10))).isFalse();
    }

    @Test
    void answeredSince_submissionsOutOfOrder_keepsEachSeatsLatest_andClearForgetsThem() {
        ActionBook book = new ActionBook();
        book.submitted(submitted("a9", 9));
        book.submitted(submitted("a1", 1));
        book.submitted(submitted("a9", 9));
        assertThat(book.answeredSince("p1", Fixtures.T0.plusSeconds(9))).isTrue();
        assertThat(book.answeredSince("p1", Fixtures.T0.plusSeconds(10))).isFalse();
        assertThat(book.answeredSince("p2", Fixtures.T0)).as("another seat").isFalse();
        book.clear();
        assertThat(book.answeredSince("p1", Fixtures.T0)).isFalse();
    }
}
