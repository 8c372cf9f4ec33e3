package dm20.protocol.message;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    /** What the host asked for from the host screen. */
    enum HostCommand {
        /** No new seat may join: only seats listed in {@code seated} keep their links working. */
        LOCK,
        /** Every current seat link works again. */
        UNLOCK,
        /** The Table TV (observer) seat gets a new link; the old one stops working at once. */
        ROTATE_OBSERVER,
        /** The seat {@code target} is removed like {@code party_kick}: sockets closed, link replaced. */
        KICK
    }

    /**
     * The host pressed a control on the host screen. The relay checked the host token and the target; the
     * mcp-server, owner of the seat files, carries it out and announces the result on the outbox.
     *
     * @param requestId stable id made by the relay
     * @param seatId    the host (DM) seat that asked
     * @param command   what to do
     * @param target    the seat a {@link HostCommand#KICK} removes; absent otherwise
     * @param seated    for {@link HostCommand#LOCK}: the seats that have joined this session (their links
     *                  keep working); empty otherwise
     */
    record HostRequested(String requestId, String seatId, HostCommand command, Optional<String> target,
                         List<String> seated, Instant at) implements InboxMessage {
        public HostRequested {
            required(requestId, "requestId");
            required(seatId, "seatId");
            present(command, "command");
            target = Checks.optional(target);
            seated = list(seated);
            if (command == HostCommand.KICK && target.isEmpty()) {
                throw new IllegalArgumentException("a kick needs a target seat");
            }
            present(at, "at");
        }
    }

    /** What a player's roll request is for. */
    enum RollKind {
        /** A skill check, e.g. "Stealth": ability modifier plus proficiency if proficient. */
        SKILL,
        /** A saving throw, e.g. "DEX": ability modifier plus proficiency if proficient. */
        SAVE,
        /** A plain ability check, e.g. "STR": the ability modifier. */
        CHECK,
        /** A weapon attack roll, e.g. "Longsword": the weapon's to-hit bonus. */
        ATTACK
    }

    /** Advantage, normal or disadvantage on a d20. */
    enum RollEdge { NORMAL, ADVANTAGE, DISADVANTAGE }

    /**
     * A player asked, from their character sheet, for a roll of their own character. The mcp-server rolls it
     * (dice are only ever rolled there) and posts the result with the DM's visibility for player rolls.
     *
     * @param requestId   stable id made by the relay; the roll is posted once per id
     * @param characterId the seat's own character (the relay never takes it from the page)
     * @param name        the skill, ability or weapon, as the sheet names it
     */
    record RollRequested(String requestId, String seatId, String playerId, String characterId, RollKind kind,
                         String name, RollEdge edge, Instant at) implements InboxMessage {
        public RollRequested {
            required(requestId, "requestId");
            required(seatId, "seatId");
            required(playerId, "playerId");
            required(characterId, "characterId");
            present(kind, "kind");
            required(name, "name");
            present(edge, "edge");
            present(at, "at");
        }
    }

    /**
     * A player pressed "End my turn" during their round-robin combat turn. The mcp-server passes the turn
     * if it is still theirs ({@link dm20.protocol.TurnRules#mayEndTurn}).
     */
    record TurnEndRequested(String requestId, String seatId, String playerId, Instant at) implements InboxMessage {
        public TurnEndRequested {
            required(requestId, "requestId");
            required(seatId, "seatId");
            required(playerId, "playerId");
            present(at, "at");
        }
    }
}
