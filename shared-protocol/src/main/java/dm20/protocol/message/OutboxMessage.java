package dm20.protocol.message;

import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.Visibility;
import dm20.protocol.sheet.CharacterSheet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dm20.protocol.message.Checks.list;
import static dm20.protocol.message.Checks.optional;
import static dm20.protocol.message.Checks.present;
import static dm20.protocol.message.Checks.required;

/** mcp-server → relay-daemon. Written only by the mcp-server; the relay's whole state is their fold. */
public sealed interface OutboxMessage extends BusMessage {

    /**
     * A party session starts. Clients holding a cursor from another epoch must reload.
     *
     * @param epoch    fresh random id of this session's history
     * @param campaign campaign name, for titles
     * @param resume   where the inbox stood as the session opened, so that a reader starts its fold here rather
     *                 than at the start of a bus that holds every session the campaign ever played; absent in entries
     *                 written before it existed (a reader then folds both queues from their start)
     */
    record SessionOpened(String epoch, String campaign, Instant at, Optional<Resume> resume) implements OutboxMessage {

        /** An opening without a resume point. */
        public SessionOpened(String epoch, String campaign, Instant at) {
            this(epoch, campaign, at, Optional.empty());
        }

        public SessionOpened {
            required(epoch, "epoch");
            required(campaign, "campaign");
            present(at, "at");
            resume = optional(resume);
        }
    }

    /**
     * The inbox as the DM's server had applied it when a session opened (sequences are the inbox's). Folding the
     * inbox from {@code relayFrom}, plus the actions listed in {@code queued}, and the outbox from the session's
     * opening gives the same DM queue, relay status and presence as folding both queues from their start: the
     * only things a session inherits from earlier ones are the actions still queued and the relay's last report.
     *
     * @param inboxEnd  the last inbox message then ({@code -1}: none); an action at or before it is still queued
     *                  only if it is listed in {@code queued}
     * @param relayFrom the relay's last report then (started, stopped or failed; {@code -1}: none), from which its
     *                  status and the seats' presence are folded
     * @param queued    the actions still queued then (pending, or claimed and not answered), oldest first
     */
    record Resume(long inboxEnd, long relayFrom, List<Long> queued) {
        public Resume {
            queued = list(queued);
            if (relayFrom > inboxEnd || queued.stream().anyMatch(q -> q > inboxEnd)) {
                throw new IllegalArgumentException("relayFrom and queued must not be after inboxEnd " + inboxEnd);
            }
        }
    }

    /**
     * A seat exists (or its token was rotated: a new hash replaces the old, which stops working).
     *
     * @param tokenHash   lowercase hex SHA-256 of the seat token; the token itself never travels
     * @param playerId    for PLAYER seats
     * @param characterId for PLAYER seats
     */
    record SeatIssued(String seatId, Role role, String displayName, Optional<String> playerId,
                      Optional<String> characterId, String tokenHash, Instant at) implements OutboxMessage {
        public SeatIssued {
            required(seatId, "seatId");
            present(role, "role");
            required(displayName, "displayName");
            playerId = optional(playerId);
            characterId = optional(characterId);
            required(tokenHash, "tokenHash");
            if (!tokenHash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("tokenHash must be 64 lowercase hex digits");
            }
            if ((role == Role.PLAYER) != (playerId.isPresent() && characterId.isPresent())) {
                throw new IllegalArgumentException("seat " + seatId + ": a PLAYER seat has a player and a"
                        + " character id, other roles have neither");
            }
            present(at, "at");
        }
    }

    /** A seat's token no longer works; its sockets are closed with {@code reason}. */
    record SeatRevoked(String seatId, String reason, Instant at) implements OutboxMessage {
        public SeatRevoked {
            required(seatId, "seatId");
            required(reason, "reason");
            present(at, "at");
        }
    }

    /** The mcp-server refused a queued action (e.g. not that player's turn any more). */
    record ActionRejected(String actionId, String seatId, String reason, Instant at) implements OutboxMessage {
        public ActionRejected {
            required(actionId, "actionId");
            required(seatId, "seatId");
            required(reason, "reason");
            present(at, "at");
        }
    }

    /** The DM took the action ({@code party_next}): its status becomes "processing". */
    record ActionClaimed(String actionId, String seatId, Instant at) implements OutboxMessage {
        public ActionClaimed {
            required(actionId, "actionId");
            required(seatId, "seatId");
            present(at, "at");
        }
    }

    /** Private text for one player inside a resolution. */
    record PrivatePart(String playerId, String text) {
        public PrivatePart {
            required(playerId, "playerId");
            required(text, "text");
        }
    }

    /**
     * The DM answered an action. Everyone sees {@code narrative}; each private part goes only to its
     * player (who also gets the narrative); {@code dmNotes} never reach a player or observer.
     *
     * @param actor who acted, as the table knows them (the character's name), for the card; absent in
     *              entries written before it existed
     */
    record ActionResolved(String actionId, String seatId, String narrative, List<PrivatePart> privateParts,
                          Optional<String> dmNotes, Instant at, Optional<String> actor) implements OutboxMessage {

        /** A resolution without an actor. */
        public ActionResolved(String actionId, String seatId, String narrative, List<PrivatePart> privateParts,
                              Optional<String> dmNotes, Instant at) {
            this(actionId, seatId, narrative, privateParts, dmNotes, at, Optional.empty());
        }

        public ActionResolved {
            actor = optional(actor);
            required(actionId, "actionId");
            required(seatId, "seatId");
            narrative = narrative == null ? "" : narrative;
            privateParts = list(privateParts);
            dmNotes = optional(dmNotes);
            if (narrative.isBlank() && privateParts.isEmpty()) {
                throw new IllegalArgumentException("a resolution needs a narrative or a private part");
            }
            present(at, "at");
        }
    }

    /** Narration outside an action, with its audience. */
    record NarrativePosted(String postId, String text, Visibility visibility, Instant at) implements OutboxMessage {
        public NarrativePosted {
            required(postId, "postId");
            required(text, "text");
            present(visibility, "visibility");
            present(at, "at");
        }
    }

    /** A DM whisper to one or several players. */
    record PrivateMessageSent(String messageId, List<String> playerIds, String text, Instant at)
            implements OutboxMessage {
        public PrivateMessageSent {
            required(messageId, "messageId");
            playerIds = list(playerIds);
            if (playerIds.isEmpty()) {
                throw new IllegalArgumentException("a private message needs at least one player id");
            }
            required(text, "text");
            present(at, "at");
        }
    }

    /**
     * A dice roll. A hidden roll has a restricted visibility (one player, or DM only).
     *
     * @param dice     each die's face
     * @param kept     the d20 kept under advantage/disadvantage, if any
     * @param actor    who rolled, as the table knows them (a character's or monster's name), if anyone
     */
    record DiceRolled(String rollId, String label, String notation, List<Integer> dice, Optional<Integer> kept,
                      int modifier, int total, Visibility visibility, Instant at, Optional<String> actor)
            implements OutboxMessage {

        /** A roll without an actor. */
        public DiceRolled(String rollId, String label, String notation, List<Integer> dice, Optional<Integer> kept,
                          int modifier, int total, Visibility visibility, Instant at) {
            this(rollId, label, notation, dice, kept, modifier, total, visibility, at, Optional.empty());
        }

        public DiceRolled {
            actor = optional(actor);
            required(rollId, "rollId");
            label = label == null ? "" : label;
            required(notation, "notation");
            dice = list(dice);
            kept = optional(kept);
            present(visibility, "visibility");
            present(at, "at");
        }
    }

    /** A character's full sheet after a change; goes to its owner (and the DM) only. */
    record CharacterUpdated(String characterId, Optional<String> playerId, CharacterSheet sheet, Instant at)
            implements OutboxMessage {
        public CharacterUpdated {
            required(characterId, "characterId");
            playerId = optional(playerId);
            present(sheet, "sheet");
            present(at, "at");
        }
    }

    /** Combat started, moved or ended. Filter with {@link CombatState#viewFor} before sending. */
    record CombatUpdated(CombatState combat, Instant at) implements OutboxMessage {
        public CombatUpdated {
            present(combat, "combat");
            present(at, "at");
        }
    }

    /** The DM is (or stopped) working on something. */
    record DmThinking(boolean thinking, Optional<String> label, Instant at) implements OutboxMessage {
        public DmThinking {
            label = optional(label);
            present(at, "at");
        }
    }

    /** Party mode ends; the relay closes every socket with {@code reason} and stops. */
    record SessionClosed(String reason, Instant at) implements OutboxMessage {
        public SessionClosed {
            required(reason, "reason");
            present(at, "at");
        }
    }

    /**
     * The host locked or unlocked the room. While locked, only the seats in {@code seated} may attach or
     * act, and each only with the token it had when the room was locked (a rotated or kicked seat is out
     * until unlock); the host's own seat is never locked out.
     *
     * @param seated the seats whose links keep working while locked; empty when unlocked
     */
    record RoomLockChanged(boolean locked, List<String> seated, Instant at) implements OutboxMessage {
        public RoomLockChanged {
            seated = list(seated);
            present(at, "at");
        }
    }
}
