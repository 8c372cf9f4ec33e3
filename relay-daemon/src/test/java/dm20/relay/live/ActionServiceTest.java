package dm20.relay.live;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import dm20.relay.Fixtures;
import dm20.relay.state.ActionLimiter;
import dm20.relay.state.TableState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Submissions against a real bus in a temporary campaign directory. */
class ActionServiceTest {

    @TempDir
    Path dir;
    private PartyBus bus;
    private LiveTable table;
    private ActionService service;

    @BeforeEach
    void setUp() {
        bus = PartyBus.open(dir);
        table = new LiveTable(new TableState(), (s, n) -> { }, Clock.fixed(Fixtures.T0, ZoneOffset.UTC), 4, 200);
        Fixtures.opening("e1", 1).forEach(table::apply);
        AtomicInteger ids = new AtomicInteger();
        service = new ActionService(table, bus.inboxWriter(), new ActionLimiter(3, Duration.ofMinutes(1)),
                Clock.fixed(Fixtures.T0.plusSeconds(1), ZoneOffset.UTC), () -> "a" + ids.incrementAndGet(), 50);
    }

    @AfterEach
    void tearDown() {
        bus.close();
    }

    private Optional<Long> inboxEnd() {
        return bus.lastInboxSequence();
    }

    @Test
    void submit_player_isQueuedAfterTheInboxAppend() {
        var result = service.submit(Fixtures.seat("p1"), "  I open the door  ", true);
        assertThat(result).isInstanceOf(ActionService.Result.Queued.class);
        try (var reader = bus.inboxReader(Optional.empty())) {
            InboxMessage m = reader.next().orElseThrow().message();
            assertThat(m).isEqualTo(new InboxMessage.ActionSubmitted("a1", "p1", "p1", "c1", "I open the door", true,
                    Fixtures.T0.plusSeconds(1)));
        }
        Optional<dm20.relay.state.ActionRecord> recorded = table.action(Fixtures.seat("p1"), "a1");
        assertThat(recorded).isPresent();
    }

    @Test
    void submit_refusals_leaveTheInboxUnchanged() {
        Optional<Long> before = inboxEnd();
        List<ActionService.Result> results = List.of(
                service.submit(Fixtures.seat("tv"), "watch", false),
                service.submit(Fixtures.seat("dm"), "narrate", false),
                service.submit(Fixtures.seat("p1"), "   ", false),
                service.submit(Fixtures.seat("p1"), "x".repeat(51), false));
        assertThat(results).extracting(r -> ((ActionService.Result.Refused) r).refusal())
                .containsExactly(Refusal.WRONG_ROLE, Refusal.WRONG_ROLE, Refusal.BAD_TEXT, Refusal.BAD_TEXT);
        assertThat(inboxEnd()).isEqualTo(before);
    }

    @Test
    void submit_notYourTurn_is409NamingTheCurrentCombatant() {
        table.apply(new Envelope<>(20, new OutboxMessage.CombatUpdated(Fixtures.roundRobin("c2"), Fixtures.T0)));
        Optional<Long> before = inboxEnd();
        assertThat(service.submit(Fixtures.seat("p1"), "attack", false))
                .isEqualTo(new ActionService.Result.Refused(Refusal.NOT_YOUR_TURN, "waiting for Hero2"));
        assertThat(inboxEnd()).isEqualTo(before);
        assertThat(service.submit(Fixtures.seat("p2"), "attack", false)).isInstanceOf(ActionService.Result.Queued.class);
    }

    @Test
    void submit_simultaneous_acceptsOnePerPlayerPerPrompt() {
        table.apply(new Envelope<>(20, new OutboxMessage.CombatUpdated(
                Fixtures.simultaneous(Fixtures.PLAYERS, Fixtures.T0.plusSeconds(60)), Fixtures.T0)));
        assertThat(service.submit(Fixtures.seat("p3"), "dodge", false)).isInstanceOf(ActionService.Result.Queued.class);
        assertThat(service.submit(Fixtures.seat("p3"), "dodge again", false))
                .extracting(r -> ((ActionService.Result.Refused) r).refusal()).isEqualTo(Refusal.ALREADY_SUBMITTED);
    }

    @Test
    void submit_secondAnswerAfterTheServerMarkedItAnswered_isAlreadySubmittedNotNotYourTurn() {
        List<String> waiting = Fixtures.PLAYERS;
        table.apply(new Envelope<>(20, new OutboxMessage.CombatUpdated(
                Fixtures.simultaneous(waiting, Fixtures.T0.plusSeconds(60)), Fixtures.T0)));
        assertThat(service.submit(Fixtures.seat("p3"), "dodge", false)).isInstanceOf(ActionService.Result.Queued.class);
        // the mcp-server took p3's answer: the table no longer waits for p3, in the same prompt
        table.apply(new Envelope<>(21, new OutboxMessage.CombatUpdated(Fixtures.simultaneous(
                List.of("p1", "p2", "p4"), Fixtures.T0.plusSeconds(60)), Fixtures.T0.plusSeconds(1))));
        assertThat(service.submit(Fixtures.seat("p3"), "dodge again", false))
                .extracting(r -> ((ActionService.Result.Refused) r).refusal()).isEqualTo(Refusal.ALREADY_SUBMITTED);
    }

    @Test
    void submit_overTheRate_is429() {
        for (int i = 0; i < 3; i++) {
            assertThat(service.submit(Fixtures.seat("p4"), "act " + i, false)).isInstanceOf(ActionService.Result.Queued.class);
        }
        Optional<Long> before = inboxEnd();
        assertThat(service.submit(Fixtures.seat("p4"), "one more", false))
                .extracting(r -> ((ActionService.Result.Refused) r).refusal()).isEqualTo(Refusal.TOO_MANY_ACTIONS);
        assertThat(inboxEnd()).isEqualTo(before);
    }

    @Test
    void submit_oneSeatFromManyThreadsInOnePrompt_exactlyOneIsQueuedAndInTheInbox() throws Exception {
        table.apply(new Envelope<>(20, new OutboxMessage.CombatUpdated(
                Fixtures.simultaneous(Fixtures.PLAYERS, Fixtures.T0.plusSeconds(60)), Fixtures.T0)));
        List<ActionService.Result> results = race(16, i -> service.submit(Fixtures.seat("p2"), "dodge " + i, false));

        assertThat(results).filteredOn(ActionService.Result.Queued.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(ActionService.Result.Refused.class::isInstance)
                .extracting(r -> ((ActionService.Result.Refused) r).refusal()).containsOnly(Refusal.ALREADY_SUBMITTED)
                .hasSize(15);
        assertThat(inboxSubmissions()).hasSize(1);
    }

    @Test
    void submit_fourSeatsAtOnceOverTheRate_eachSeatGetsItsLimitAndEveryQueuedOneIsInTheInbox() throws Exception {
        List<String> seats = Fixtures.PLAYERS;
        List<ActionService.Result> results = race(40, i -> service.submit(Fixtures.seat(seats.get(i % 4)), "act " + i,
                false));

        List<String> queued = results.stream().filter(ActionService.Result.Queued.class::isInstance)
                .map(r -> ((ActionService.Result.Queued) r).action().actionId()).toList();
        assertThat(queued).hasSize(4 * 3);   // the limit is 3 a minute per seat
        assertThat(inboxSubmissions()).extracting(InboxMessage.ActionSubmitted::actionId)
                .containsExactlyInAnyOrderElementsOf(queued);
        assertThat(inboxSubmissions()).extracting(InboxMessage.ActionSubmitted::seatId)
                .containsOnly(seats.toArray(String[]::new));
    }

    /** Runs {@code n} submissions on {@code n} threads released together; their results in thread order. */
    private static List<ActionService.Result> race(int n, java.util.function.IntFunction<ActionService.Result> submit)
            throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
            List<java.util.concurrent.Future<ActionService.Result>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return submit.apply(k);
                }));
            }
            List<ActionService.Result> out = new java.util.ArrayList<>();
            for (var f : futures) {
                out.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return out;
        }
    }

    private List<InboxMessage.ActionSubmitted> inboxSubmissions() {
        List<InboxMessage.ActionSubmitted> out = new java.util.ArrayList<>();
        try (var reader = bus.inboxReader(Optional.empty())) {
            for (var e = reader.next(); e.isPresent(); e = reader.next()) {
                if (e.get().message() instanceof InboxMessage.ActionSubmitted s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
