package dm20.protocol.message;

import java.time.Instant;
import java.util.List;

import static dm20.protocol.message.Checks.list;
import static dm20.protocol.message.Checks.present;
import static dm20.protocol.message.Checks.required;

/** relay-daemon → mcp-server. Written only by the relay. */
public sealed interface InboxMessage extends BusMessage {

    /**
     * A player submitted an action; it is acknowledged to the phone only after this is durably queued.
     *
     * @param actionId    stable id made by the relay; claiming and resolving are keyed on it
     * @param seatId      the submitting seat
     * @param playerId    the acting player
     * @param characterId the acting character
     * @param text        what the player wants to do
     * @param privateToDm a whisper to the DM: not to be narrated publicly as is
     */
    record ActionSubmitted(String actionId, String seatId, String playerId, String characterId, String text,
                           boolean privateToDm, Instant at) implements InboxMessage {
        public ActionSubmitted {
            required(actionId, "actionId");
            required(seatId, "seatId");
            required(playerId, "playerId");
            required(characterId, "characterId");
            required(text, "text");
            present(at, "at");
        }
    }

    /**
     * A seat's number of open sockets changed.
     *
     * @param connections open sockets now; 0 means the seat is away
     */
    record PresenceChanged(String seatId, int connections, Instant at) implements InboxMessage {
        public PresenceChanged {
            required(seatId, "seatId");
            if (connections < 0) {
                throw new IllegalArgumentException("connections must not be negative, got " + connections);
            }
            present(at, "at");
        }
    }

    /**
     * The relay bound its port and serves.
     *
     * @param instanceId a fresh id per relay run
     * @param urls       base URLs players can reach, preferred first
     * @param port       the bound port
     * @param pid        the relay's process id
     */
    record RelayStarted(String instanceId, List<String> urls, int port, long pid, Instant at)
            implements InboxMessage {
        public RelayStarted {
            required(instanceId, "instanceId");
            urls = list(urls);
            present(at, "at");
        }
    }

    /** The relay could not start (e.g. the port is taken) and exits. */
    record RelayFailed(String instanceId, String reason, Instant at) implements InboxMessage {
        public RelayFailed {
            required(instanceId, "instanceId");
            required(reason, "reason");
            present(at, "at");
        }
    }

    /** The relay stopped serving. */
    record RelayStopped(String instanceId, String reason, Instant at) implements InboxMessage {
        public RelayStopped {
            required(instanceId, "instanceId");
            required(reason, "reason");
            present(at, "at");
        }
    }
}
