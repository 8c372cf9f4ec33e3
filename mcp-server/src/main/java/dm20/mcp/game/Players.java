package dm20.mcp.game;

import dm20.protocol.Role;
import dm20.protocol.Viewer;
import dm20.protocol.sheet.CharacterSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The people at the table (the PCRegistry): who plays which character, who only watches. Player ids are
 * stable slugs ({@code player-alice}). Not thread-safe: callers hold the {@link GameLock}.
 */
public final class Players {

    private final Campaigns campaigns;
    private final Characters characters;

    public Players(Campaigns campaigns, Characters characters) {
        this.campaigns = campaigns;
        this.characters = characters;
    }

    /**
     * Seats {@code name} as the player of a character (DM only). A character already played by someone
     * else is refused unless {@code replace}, which turns the previous player into an observer.
     */
    public Player assign(Viewer viewer, String name, String characterQuery, boolean replace) {
        Permissions.requireDm(viewer, "assign players");
        Campaign c = campaigns.current();
        CharacterSheet sheet = characters.find(characterQuery);
        String id = idFor(name);
        Optional<Player> previous = c.ownerOf(sheet.id()).filter(p -> !p.id().equals(id));
        if (previous.isPresent() && !replace) {
            throw new GameException(sheet.name() + " is already played by " + previous.get().name()
                    + "; pass replace=true to hand the character over");
        }
        previous.ifPresent(p -> c.players.put(p.id(), new Player(p.id(), p.name(), Role.OBSERVER, Optional.empty())));
        Player player = new Player(id, name.strip(), Role.PLAYER, Optional.of(sheet.id()));
        c.players.put(id, player);
        c.save(Campaign.PLAYERS);
        CharacterDraft d = CharacterDraft.of(sheet);
        d.playerName = Optional.of(player.name());
        characters.put(d.build());
        return player;
    }

    /** Seats {@code name} as an observer (DM only). */
    public Player addObserver(Viewer viewer, String name) {
        Permissions.requireDm(viewer, "add observers");
        Campaign c = campaigns.current();
        Player p = new Player(idFor(name), name.strip(), Role.OBSERVER, Optional.empty());
        if (c.players.containsKey(p.id()) && c.players.get(p.id()).role() == Role.PLAYER) {
            throw new GameException(p.name() + " already plays a character; a player cannot also be an observer");
        }
        c.players.put(p.id(), p);
        c.save(Campaign.PLAYERS);
        return p;
    }

    /** Everyone registered. */
    public List<Player> list() {
        return campaigns.current().players();
    }

    /** A player by id, name, or the name or id of the character they play. */
    public Player find(String ref) {
        Campaign c = campaigns.current();
        return Names.lookup(ref, c.players.values(), Player::id, Player::name)
                .or(() -> Names.lookup(ref, c.characters.values(), CharacterSheet::id, CharacterSheet::name)
                        .flatMap(s -> c.ownerOf(s.id())))
                .orElseThrow(() -> new GameException(notFound(c, ref)));
    }

    /** The player controlling a character, if any. */
    public Optional<Player> ownerOf(String characterId) {
        return campaigns.current().ownerOf(characterId);
    }

    /** Who is acting: the DM when {@code asPlayer} is absent, else that player or observer. */
    public Viewer viewer(Optional<String> asPlayer) {
        if (asPlayer.isEmpty()) {
            return Viewer.dm();
        }
        Player p = find(asPlayer.get());
        return p.role() == Role.PLAYER ? Viewer.player(p.id()) : Viewer.observer();
    }

    /** The stable id for a display name. */
    public static String idFor(String name) {
        return "player-" + Names.slug(name);
    }

    private static String notFound(Campaign c, String ref) {
        List<String> known = new ArrayList<>();
        c.players.values().forEach(p -> known.add(p.name()));
        c.characters.values().stream().filter(s -> c.ownerOf(s.id()).isPresent()).forEach(s -> known.add(s.name()));
        return Names.notFound("player", ref, known);
    }
}
