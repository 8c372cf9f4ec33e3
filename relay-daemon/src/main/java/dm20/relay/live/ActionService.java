package dm20.relay.live;

import dm20.protocol.Role;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.ActionSubmitted;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusWriter;
import dm20.relay.state.ActionLimiter;
import dm20.relay.state.ActionRecord;
import dm20.relay.state.Seat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Submitting an action: role, length, rate and turn checks, then the durable inbox append, and only then
 * the {@code queued} answer. A refused submission appends nothing. Submissions of one seat are serialized (a lock
 * per seat), so neither the once-per-prompt rule of simultaneous turns nor the rate limit can be raced: every rule
 * a submission is checked against depends on that seat's own submissions and on the table's state, never on
 * another seat's submission. Different seats do not wait for each other here; the inbox writer serializes the
 * appends themselves. (One monitor for every seat made four players queue behind each other's encode, append and
 * answer: ≈ 8 % of the relay's CPU was contended monitor entry, docs/performance.md.) Thread-safe.
 */
public final class ActionService {

    /** The outcome, mapped to HTTP by the caller. */
    public sealed interface Result {
        record Queued(ActionRecord action) implements Result { }
        /** Refused by the catalogue's {@code refusal}; {@code message} says what to do. */
        record Refused(Refusal refusal, String message) implements Result { }
    }

    private final LiveTable table;
    private final BusWriter<InboxMessage> inbox;
    private final ActionLimiter limiter;
    private final Clock clock;
    private final Supplier<String> ids;
    private final int maxTextLength;
    /** One lock per seat id (the key of the rate limit and of the once-per-prompt rule); a relay has a handful. */
    private final Map<String, Object> seatLocks = new ConcurrentHashMap<>();

    public ActionService(LiveTable table, BusWriter<InboxMessage> inbox, ActionLimiter limiter, Clock clock,
                         Supplier<String> ids, int maxTextLength) {
        this.table = table;
        this.inbox = inbox;
        this.limiter = limiter;
        this.clock = clock;
        this.ids = ids;
        this.maxTextLength = maxTextLength;
    }

    /** Checks and queues an action for {@code seat}. */
    public Result submit(Seat seat, String text, boolean privateToDm) {
        if (seat.role() != Role.PLAYER) {
            return new Result.Refused(Refusal.WRONG_ROLE, "only players can submit actions");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > maxTextLength) {
            return new Result.Refused(Refusal.BAD_TEXT, "the action text must be 1.." + maxTextLength + " characters");
        }
        synchronized (seatLocks.computeIfAbsent(seat.seatId(), id -> new Object())) {
            return checkAndAppend(seat, trimmed, privateToDm);
        }
    }

    private Result checkAndAppend(Seat seat, String trimmed, boolean privateToDm) {
        Instant now = clock.instant();
        if (!limiter.allows(seat.seatId(), now)) {
            return new Result.Refused(Refusal.TOO_MANY_ACTIONS, "too many actions; wait a minute");
        }
        Optional<Result.Refused> refused = table.admit(seat, now);
        if (refused.isPresent()) {
            return refused.get();
        }
        return append(seat, trimmed, privateToDm, now);
    }

    private Result append(Seat seat, String text, boolean privateToDm, Instant now) {
        ActionSubmitted submitted = new ActionSubmitted(ids.get(), seat.seatId(), seat.playerId().orElseThrow(),
                seat.characterId().orElseThrow(), text, privateToDm, now);
        try {
            inbox.append(submitted);
        } catch (BusException e) {
            return new Result.Refused(Refusal.NOT_QUEUED, "the action could not be queued; try again");
        }
        limiter.record(seat.seatId(), now);
        return new Result.Queued(table.submitted(submitted));
    }
}
