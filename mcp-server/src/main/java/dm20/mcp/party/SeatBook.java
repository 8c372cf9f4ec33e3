package dm20.mcp.party;

import dm20.mcp.game.Player;
import dm20.mcp.game.GameException;
import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.message.OutboxMessage.SeatIssued;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The seats of one campaign's party: one per player with a character, one per registered observer plus a
 * TV seat, and the host's. Tokens are made once and kept in {@link SeatFile}, so a player's link survives
 * restarts of either process; {@link #rotate} replaces one, which kills the old link at once (the relay
 * sees a new hash). Not thread-safe; callers hold the game lock.
 */
final class SeatBook {

    static final String HOST = "seat-host";
    static final String TV = "seat-observer";

    private final SeatFile file;
    private final Tokens tokens;
    private final Map<String, SeatLink> seats = new LinkedHashMap<>();

    SeatBook(Path partyDir, JsonMapper json, Tokens tokens) {
        this.file = new SeatFile(partyDir, json);
        this.tokens = tokens;
        file.read().forEach(s -> seats.put(s.seatId(), s));
    }

    /**
     * Makes sure every player (and the host and the TV) has a seat, keeping existing tokens and updating
     * names, and saves the file if anything changed.
     *
     * @param characterName the display name of a character id
     */
    List<SeatLink> sync(List<Player> players, Function<String, String> characterName) {
        Map<String, SeatLink> wanted = new LinkedHashMap<>();
        wanted.put(HOST, keep(HOST, Role.DM, "Host (DM)", Optional.empty(), Optional.empty()));
        for (Player p : players) {
            String name = p.characterId().map(c -> p.name() + " (" + characterName.apply(c) + ")").orElse(p.name());
            String id = "seat-" + p.id();
            wanted.put(id, keep(id, p.role(), name, p.role() == Role.PLAYER ? Optional.of(p.id()) : Optional.empty(),
                    p.characterId()));
        }
        wanted.put(TV, keep(TV, Role.OBSERVER, "Table TV", Optional.empty(), Optional.empty()));
        if (!wanted.equals(seats)) {
            seats.clear();
            seats.putAll(wanted);
            file.write(all());
        }
        return all();
    }

    /** A new token for one seat; the old one stops working. */
    SeatLink rotate(String seatId) {
        SeatLink seat = find(seatId);
        SeatLink rotated = seat.withToken(tokens.newToken());
        seats.put(seatId, rotated);
        file.write(all());
        return rotated;
    }

    /**
     * The seat for a seat id, player id, player name or character name/id.
     *
     * @throws GameException naming what was asked and the seats there are
     */
    SeatLink find(String ref) {
        String q = ref.strip();
        return seats.values().stream()
                .filter(s -> s.seatId().equalsIgnoreCase(q) || s.playerId().map(q::equalsIgnoreCase).orElse(false)
                        || s.characterId().map(q::equalsIgnoreCase).orElse(false)
                        || s.displayName().toLowerCase(java.util.Locale.ROOT).contains(q.toLowerCase(java.util.Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new GameException("no seat matches '" + ref + "'; seats: "
                        + seats.values().stream().map(SeatLink::displayName).toList()));
    }

    Optional<SeatLink> byId(String seatId) {
        return Optional.ofNullable(seats.get(seatId));
    }

    List<SeatLink> all() {
        return new ArrayList<>(seats.values());
    }

    static SeatIssued issued(SeatLink s, Instant at) {
        return new SeatIssued(s.seatId(), s.role(), s.displayName(), s.playerId(), s.characterId(), s.tokenHash(), at);
    }

    Path filePath() {
        return file.path();
    }

    private SeatLink keep(String id, Role role, String name, Optional<String> playerId, Optional<String> characterId) {
        SeatLink old = seats.get(id);
        if (old != null && old.role() == role && old.characterId().equals(characterId)) {
            return old.withName(name);
        }
        return new SeatLink(id, role, name, playerId, characterId, tokens.newToken());
    }
}
