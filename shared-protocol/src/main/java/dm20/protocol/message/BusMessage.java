package dm20.protocol.message;

import java.time.Instant;

/** Anything written to one of the two queues. */
public sealed interface BusMessage permits InboxMessage, OutboxMessage {

    /** When the writing process created the message (its clock). */
    Instant at();
}
