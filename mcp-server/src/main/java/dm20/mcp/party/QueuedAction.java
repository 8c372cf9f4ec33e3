package dm20.mcp.party;

import dm20.protocol.message.InboxMessage.ActionSubmitted;

import java.util.Objects;

/**
 * A player action as the DM's queue knows it.
 *
 * @param submitted what the relay put on the inbox
 * @param sequence  its inbox sequence (queue order)
 * @param status    where it is in the DM loop
 */
public record QueuedAction(ActionSubmitted submitted, long sequence, Status status) {

    /** Where an action is in the DM loop. */
    public enum Status {
        /** Waiting for the DM. */
        PENDING,
        /** Taken by {@code party_next}/{@code party_wait}, not yet answered. */
        CLAIMED,
        /** Answered with {@code party_resolve}. */
        RESOLVED,
        /** Refused by the server. */
        REJECTED
    }

    public QueuedAction {
        Objects.requireNonNull(submitted, "submitted");
        Objects.requireNonNull(status, "status");
    }

    /** The action's id. */
    public String id() {
        return submitted.actionId();
    }

    QueuedAction with(Status newStatus) {
        return new QueuedAction(submitted, sequence, newStatus);
    }
}
