package dm20.mcp.party;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.sheet.CharacterSheet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the party tools answer, one record per answer: the JSON text of a tool result is exactly one of these,
 * written with the shared JSON rules (absent {@code Optional}s are left out). Component names are the wire's
 * field names: renaming one changes what the model and the console read, so add components only at the end.
 * The console reads answers back into these types ({@link #read}) instead of guessing shapes.
 */
public sealed interface PartyAnswer {

    /** {@code party_start}: the seat links (tokens inside: shown to the host, never logged). */
    record Started(String campaign, String relay, List<String> urls, List<Seat> seats, String hostScreen)
            implements PartyAnswer {
        public Started {
            urls = List.copyOf(urls);
            seats = List.copyOf(seats);
        }
    }

    /** One seat's link in {@link Started}. */
    record Seat(String seat, String name, Role role, String url) {
    }

    /** {@code party_kick} and {@code party_token}: the seat's new link. */
    record Link(String seat, String name, String url) implements PartyAnswer {
    }

    /** {@code party_stop}: actions kept for next time, and whether the relay is gone. */
    record Stopped(int pending, int claimed, boolean relayStopped) implements PartyAnswer {
    }

    /** {@code party_thinking}: whether the indicator is now shown. */
    record Thinking(boolean thinking) implements PartyAnswer {
    }

    /** {@code party_resolve}: the action answered, and which players got a private part. */
    record Resolved(String actionId, boolean resolved, List<String> privateTo) implements PartyAnswer {
        public Resolved {
            privateTo = List.copyOf(privateTo);
        }
    }

    /**
     * {@code party_status}: the relay, each seat's presence, the queue, the next pending action and what
     * happened at the table on its own since the DM last asked ({@code notices}; absent in older answers).
     */
    record Status(String relay, Optional<String> url, Optional<String> relayReason, List<SeatPresence> seats,
                  Map<QueuedAction.Status, Integer> queue, Optional<Pending> next, List<Notice> notices, boolean locked,
                  String playerRolls, List<PlayerRoll> newPlayerRolls) implements PartyAnswer {
        public Status {
            seats = List.copyOf(seats);
            newPlayerRolls = newPlayerRolls == null ? List.of() : List.copyOf(newPlayerRolls);
            queue = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(queue));
            notices = notices == null ? List.of() : List.copyOf(notices);
        }
    }

    /**
     * Something that happened at the table without the DM, told once to whoever asks next ({@code party_next},
     * {@code party_wait}, {@code party_status}).
     *
     * @param kind {@code turn_timeout}: a combat turn passed (or a simultaneous round closed) because its
     *             deadline expired
     * @param text the line every phone and the TV read, e.g. "Time ran out for Thorin — Goblin is up."
     * @param at   when, ISO-8601
     */
    record Notice(String kind, String text, String at) {
        static Notice of(dm20.mcp.game.TurnNotices.Notice n) {
            return new Notice(n.kind(), n.text(), n.at().toString());
        }
    }

    /** One seat in {@link Status}; {@code lastSeen} is absent until the seat first connected. */
    record SeatPresence(String seat, String name, Role role, boolean connected, Optional<String> lastSeen) {
    }

    /** The oldest pending action in {@link Status}. */
    record Pending(String actionId, String player, String text) {
    }

    /**
     * {@code party_next} and {@code party_wait}: an action taken, or none. Which one is deduced from the fields
     * present ({@code actionId} or {@code action}), so the JSON carries no discriminator.
     */
    @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
    @JsonSubTypes({@JsonSubTypes.Type(Claimed.class), @JsonSubTypes.Type(NoneWaiting.class)})
    sealed interface Taken extends PartyAnswer {
    }

    /**
     * An action taken for the DM to answer, with who acts, their character (if any) and the combat, and the
     * rolls players asked for from their sheets since the DM last looked.
     */
    record Claimed(String actionId, String text, boolean privateToDm, String submittedAt, PlayerRef player,
                   Optional<CharacterSummary> character, CombatState combat, int stillPending, List<Notice> notices,
                   List<PlayerRoll> newPlayerRolls) implements Taken {
        public Claimed {
            Objects.requireNonNull(actionId, "actionId");
            notices = notices == null ? List.of() : List.copyOf(notices);
            newPlayerRolls = newPlayerRolls == null ? List.of() : List.copyOf(newPlayerRolls);
        }
    }

    /**
     * No action was waiting; {@code action} says so in words. {@code party_wait} also returns early with this
     * when a {@link Notice} comes (e.g. a turn timed out: the DM may have a monster to run) or a player asks for
     * a roll from their sheet ({@code newPlayerRolls}: the rolls since the DM last looked).
     */
    record NoneWaiting(String action, List<Notice> notices, List<PlayerRoll> newPlayerRolls) implements Taken {
        public NoneWaiting {
            notices = notices == null ? List.of() : List.copyOf(notices);
            newPlayerRolls = newPlayerRolls == null ? List.of() : List.copyOf(newPlayerRolls);
        }
    }

    /**
     * A roll a player asked for from their sheet, as it was posted.
     *
     * @param character  who rolled
     * @param label      e.g. "Stealth check (advantage)"
     * @param visibility the DM's setting it was posted with: public, private or dm-only
     */
    record PlayerRoll(String character, String player, String label, String notation, List<Integer> dice,
                      Optional<Integer> kept, int modifier, int total, String visibility, String at) {
        public PlayerRoll {
            dice = List.copyOf(dice);
        }
    }

    /** {@code party_settings}: the party's settings now. */
    record Settings(String playerRolls) implements PartyAnswer {
    }

    /** A player by id and name. */
    record PlayerRef(String id, String name) {
    }

    /** The acting character in a {@link Claimed}, as the DM needs it to answer. */
    record CharacterSummary(String id, String name, int level, List<String> classes, String race, String hp, int ac,
                            List<String> conditions) {

        static CharacterSummary of(CharacterSheet sheet) {
            return new CharacterSummary(sheet.id(), sheet.name(), sheet.level(),
                    sheet.classes().stream().map(c -> c.name() + " " + c.level()).toList(), sheet.race(),
                    sheet.hp().current() + "/" + sheet.hp().max() + (sheet.hp().temp() > 0 ? " +" + sheet.hp().temp() : ""),
                    sheet.armorClass(), sheet.conditions());
        }
    }

    /**
     * Reads a party tool's JSON text back into its answer type.
     *
     * @throws tools.jackson.core.JacksonException if {@code text} is not such an answer
     */
    public static <T extends PartyAnswer> T read(tools.jackson.databind.json.JsonMapper json, String text, Class<T> type) {
        return json.readValue(text, type);
    }
}
