package dm20.relay;

import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.InboxMessage.PresenceChanged;
import dm20.protocol.queue.BusException;
import dm20.protocol.queue.BusWriter;
import dm20.relay.live.PresenceSink;

import java.time.Clock;
import java.util.logging.Logger;

/** Presence changes go to the inbox as {@code presence_changed}; a failed append is logged, not fatal. */
final class InboxPresence implements PresenceSink {

    private static final Logger LOG = Logger.getLogger(InboxPresence.class.getName());

    private final BusWriter<InboxMessage> inbox;
    private final Clock clock;

    InboxPresence(BusWriter<InboxMessage> inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    @Override
    public void changed(String seatId, int connections) {
        try {
            inbox.append(new PresenceChanged(seatId, connections, clock.instant()));
        } catch (BusException e) {
            LOG.warning("cannot record presence: " + e.getMessage());
        }
    }
}
