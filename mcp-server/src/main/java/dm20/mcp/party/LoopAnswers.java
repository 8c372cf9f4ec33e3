package dm20.mcp.party;

import dm20.mcp.tools.Headline;
import dm20.protocol.CombatState;
import dm20.protocol.Role;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The structured answers of the party loop tools ({@code party_start}, {@code party_next}/{@code party_wait},
 * {@code party_status}): records whose JSON schema is each tool's output schema, so a client acts on fields.
 * Fields are only ever added at the end; optional ones may be absent.
 */
public final class LoopAnswers {

    private LoopAnswers() {
    }

    /** One seat in {@code party_start}'s answer; {@code url} is the seat's secret link. */
    public record SeatRow(String seat, String name, Role role, String url) {
    }

    /**
     * {@code party_start}'s answer.
     *
     * @param hostScreen     the host screen's link: every seat's QR code, presence; open it on this machine
     * @param howToOpen      how to open it here, for the host reading the tool result
     */
    public record Started(String campaign, String relay, List<String> urls, String hostScreen, String howToOpen,
                          List<SeatRow> seats) implements Headline {
        @Override
        public String headline() {
            return "Host screen: " + hostScreen + "\n" + howToOpen + "\nIt shows a QR code for every player and"
                    + " the Table TV link; players scan theirs from it. Seat links are secrets: never read them out"
                    + " in narration.";
        }
    }

    /** Who submitted an action. */
    public record PlayerRef(String id, String name) {
    }

    /** The acting character, as the DM needs it to answer. */
    public record CharacterSummary(String id, String name, int level, List<String> classes, String race, String hp,
                                   int ac, List<String> conditions) {
    }

    /**
     * {@code party_next}/{@code party_wait}'s answer: {@code status} is {@code taken} (the action fields are
     * present) or {@code none} ({@code message} says what to do).
     */
    public record Taken(String status, Optional<String> actionId, Optional<String> text, Optional<Boolean> privateToDm,
                        Optional<String> submittedAt, Optional<PlayerRef> player, Optional<CharacterSummary> character,
                        Optional<CombatState> combat, int stillPending, Optional<String> message) {

        static Taken none(String message, int stillPending) {
            return new Taken("none", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), stillPending, Optional.of(message));
        }
    }

    /** One seat in {@code party_status}: no link, only presence. */
    public record SeatPresence(String seat, String name, Role role, boolean connected, Optional<String> lastSeen) {
    }

    /** The oldest pending action. */
    public record NextUp(String actionId, String player, String text) {
    }

    /** {@code party_status}'s answer; {@code queue} counts actions by status (pending, claimed, …). */
    public record Status(String relay, Optional<String> url, Optional<String> relayReason, List<SeatPresence> seats,
                         Map<String, Integer> queue, Optional<NextUp> next) {
    }
}
