package dm20.relay.feed;

import dm20.protocol.CombatState;
import dm20.protocol.json.Wire;
import dm20.protocol.sheet.CharacterSheet;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A server → browser WebSocket frame (docs/protocol.md §2.2). The JSON {@code type} is given by
 * {@link FrameCodec}; the fields are the record components. Frames derived from an outbox message carry
 * its {@code seq} and the session {@code epoch}.
 */
public sealed interface Frame {

    /** The seat as shown to its own page. */
    record SeatView(String seatId, String role, String displayName, Optional<String> playerId,
                    Optional<String> characterId) { }

    record Welcome(SeatView seat, String campaign, String epoch, long lastSeq) implements Frame { }

    /** {@code scope}: {@code public}, {@code party} or {@code private}. */
    record Narrative(long seq, String epoch, String id, String text, String scope, Instant at,
                     Optional<String> actionId) implements Frame { }

    record Resolution(long seq, String epoch, String actionId, String narrative,
                      @Wire.Name("private") Optional<String> privateText, Instant at,
                      Optional<String> actor) implements Frame { }

    record Whisper(long seq, String epoch, String id, String text, Instant at) implements Frame { }

    record Roll(long seq, String epoch, String id, String label, String notation, List<Integer> dice,
                Optional<Integer> kept, int modifier, int total, String scope, Instant at,
                Optional<String> actor) implements Frame { }

    record ActionStatus(String actionId, String status, Optional<String> reason, Optional<Long> seq,
                        Optional<String> epoch) implements Frame { }

    record Sheet(long seq, String epoch, CharacterSheet sheet) implements Frame { }

    record Combat(long seq, String epoch, CombatState combat, boolean yourTurn, boolean onDeck,
                  boolean canAct) implements Frame { }

    record Thinking(long seq, String epoch, boolean thinking, Optional<String> label) implements Frame { }

    record Reload(String reason) implements Frame { }

    record Closing(String reason) implements Frame { }

    record Error(String error, String message) implements Frame { }

    record Pong() implements Frame { }
}
