package dm20.relay.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An action this relay queued, with its latest status.
 *
 * @param reason why it was rejected, for {@link ActionStatus#REJECTED}
 */
public record ActionRecord(String actionId, String seatId, String text, boolean privateToDm, Instant submittedAt,
                           ActionStatus status, Optional<String> reason) {

    public ActionRecord {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(seatId, "seatId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    ActionRecord with(ActionStatus newStatus, Optional<String> newReason) {
        return new ActionRecord(actionId, seatId, text, privateToDm, submittedAt, newStatus, newReason);
    }
}
