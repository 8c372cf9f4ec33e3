package dm20.relay.state;

import dm20.protocol.message.InboxMessage.ActionSubmitted;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The actions of the current session and their status. Submissions come from this relay (live, or read
 * back from the inbox after a restart) and status changes from the outbox, in either order: a status seen
 * before its submission is kept and applied when the submission arrives. Status only moves forward
 * (a re-read {@code action_claimed} never undoes {@code resolved}). Not thread-safe.
 */
final class ActionBook {

    private final Map<String, ActionRecord> actions = new HashMap<>();
    private final Map<String, ActionRecord> statusOnly = new HashMap<>();
    /** The latest submission time per seat: a combat prompt's check, on every submit, without a scan. */
    private final Map<String, java.time.Instant> latestBySeat = new HashMap<>();

    /** Records a submission (idempotent on the action id) and returns its current record. */
    ActionRecord submitted(ActionSubmitted s) {
        ActionRecord known = actions.get(s.actionId());
        if (known != null) {
            return known;
        }
        ActionRecord fresh = new ActionRecord(s.actionId(), s.seatId(), s.text(), s.privateToDm(), s.at(),
                ActionStatus.QUEUED, Optional.empty());
        ActionRecord early = statusOnly.remove(s.actionId());
        ActionRecord record = early == null ? fresh : fresh.with(early.status(), early.reason());
        actions.put(s.actionId(), record);
        // submissions read back after a restart need not come in time order: keep the latest
        latestBySeat.merge(s.seatId(), s.at(), (a, b) -> a.isAfter(b) ? a : b);
        return record;
    }

    /** Applies a status from the outbox; a backward move is ignored. */
    void status(String actionId, String seatId, ActionStatus status, Optional<String> reason) {
        ActionRecord known = actions.get(actionId);
        if (known == null) {
            ActionRecord early = statusOnly.get(actionId);
            if (early == null || early.status().ordinal() < status.ordinal()) {
                statusOnly.put(actionId, new ActionRecord(actionId, seatId, "", false, java.time.Instant.EPOCH,
                        status, reason));
            }
            return;
        }
        if (known.status().ordinal() < status.ordinal()) {
            actions.put(actionId, known.with(status, reason));
        }
    }

    Optional<ActionRecord> byId(String actionId) {
        return Optional.ofNullable(actions.get(actionId));
    }

    /** Actions not yet resolved or rejected, oldest first. */
    List<ActionRecord> pending() {
        return actions.values().stream().filter(a -> a.status().pending())
                .sorted(Comparator.comparing(ActionRecord::submittedAt)).toList();
    }

    /** True if the seat submitted an action at or after {@code since}. */
    boolean answeredSince(String seatId, java.time.Instant since) {
        java.time.Instant latest = latestBySeat.get(seatId);
        return latest != null && !latest.isBefore(since);
    }

    void clear() {
        actions.clear();
        statusOnly.clear();
        latestBySeat.clear();
    }
}
