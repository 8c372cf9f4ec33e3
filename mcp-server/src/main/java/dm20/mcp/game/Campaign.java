package dm20.mcp.game;

import dm20.mcp.storage.CampaignStore;
import dm20.protocol.CombatState;
import dm20.protocol.sheet.CharacterSheet;
import tools.jackson.core.type.TypeReference;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded campaign: its data in memory and the files it is saved to. Every change is saved at once with
 * {@link #save}. Not thread-safe: callers hold the {@link GameLock}.
 */
public final class Campaign {

    static final String INFO = "campaign.json";
    static final String CHARACTERS = "characters.json";
    static final String PLAYERS = "players.json";
    static final String NPCS = "npcs.json";
    static final String LOCATIONS = "locations.json";
    static final String QUESTS = "quests.json";
    static final String STATE = "game_state.json";
    static final String EVENTS = "events.json";
    static final String COMBAT = "combat.json";

    /** What {@code combat.json} holds: the state and the turn length in seconds (0: no deadline). */
    record CombatFile(CombatState state, long turnSeconds) {
    }

    final CampaignStore store;
    CampaignInfo info;
    final Map<String, CharacterSheet> characters = new LinkedHashMap<>();
    final Map<String, Player> players = new LinkedHashMap<>();
    final Map<String, Npc> npcs = new LinkedHashMap<>();
    final Map<String, Location> locations = new LinkedHashMap<>();
    final Map<String, Quest> quests = new LinkedHashMap<>();
    GameState state = GameState.START;
    final List<GameEvent> events = new ArrayList<>();
    CombatFile combat;
    final TableLog log = new TableLog(500);

    private Campaign(CampaignStore store, CampaignInfo info, CombatFile combat) {
        this.store = store;
        this.info = info;
        this.combat = combat;
    }

    /** A new, empty campaign; saves its info file. */
    static Campaign create(CampaignStore store, CampaignInfo info, long turnSeconds) {
        Campaign c = new Campaign(store, info, new CombatFile(CombatState.none(), turnSeconds));
        store.write(INFO, info);
        return c;
    }

    /**
     * Reads every file of a campaign folder. Any unreadable file fails the whole load, naming the file,
     * so nothing half-loaded is ever saved back.
     */
    static Campaign load(CampaignStore store, long defaultTurnSeconds) {
        CampaignInfo info = store.read(INFO, new TypeReference<CampaignInfo>() { })
                .orElseThrow(() -> new GameException("no campaign.json in " + store.dir()));
        Campaign c = new Campaign(store, info, store.read(COMBAT, new TypeReference<CombatFile>() { })
                .orElse(new CombatFile(CombatState.none(), defaultTurnSeconds)));
        store.read(CHARACTERS, new TypeReference<List<CharacterSheet>>() { }).orElse(List.of())
                .forEach(s -> c.characters.put(s.id(), s));
        store.read(PLAYERS, new TypeReference<List<Player>>() { }).orElse(List.of())
                .forEach(p -> c.players.put(p.id(), p));
        store.read(NPCS, new TypeReference<List<Npc>>() { }).orElse(List.of()).forEach(n -> c.npcs.put(n.id(), n));
        store.read(LOCATIONS, new TypeReference<List<Location>>() { }).orElse(List.of())
                .forEach(l -> c.locations.put(l.id(), l));
        store.read(QUESTS, new TypeReference<List<Quest>>() { }).orElse(List.of()).forEach(q -> c.quests.put(q.id(), q));
        c.state = store.read(STATE, new TypeReference<GameState>() { }).orElse(GameState.START);
        c.events.addAll(store.read(EVENTS, new TypeReference<List<GameEvent>>() { }).orElse(List.of()));
        return c;
    }

    /** Saves one kind of data ({@link #CHARACTERS}, {@link #PLAYERS}, …) to its file. */
    void save(String file) {
        Object value = switch (file) {
            case INFO -> info;
            case CHARACTERS -> List.copyOf(characters.values());
            case PLAYERS -> List.copyOf(players.values());
            case NPCS -> List.copyOf(npcs.values());
            case LOCATIONS -> List.copyOf(locations.values());
            case QUESTS -> List.copyOf(quests.values());
            case STATE -> state;
            case EVENTS -> List.copyOf(events);
            case COMBAT -> combat;
            default -> throw new IllegalArgumentException("unknown campaign file " + file);
        };
        store.write(file, value);
    }

    /** Appends a line to the event log and saves it. */
    GameEvent logEvent(String kind, String text, java.time.Instant at) {
        GameEvent e = new GameEvent(java.util.UUID.randomUUID().toString(), at, kind, text);
        events.add(e);
        save(EVENTS);
        return e;
    }

    /** The campaign's identity. */
    public CampaignInfo info() {
        return info;
    }

    /** The campaign folder (party mode keeps its bus and seats under it). */
    public Path dir() {
        return store.dir();
    }

    /** The player controlling a character, if any. */
    public Optional<Player> ownerOf(String characterId) {
        return players.values().stream().filter(p -> p.characterId().equals(Optional.of(characterId))).findFirst();
    }

    /** A character by id. */
    public Optional<CharacterSheet> character(String characterId) {
        return Optional.ofNullable(characters.get(characterId));
    }

    /** A snapshot of the characters, in creation order. */
    public List<CharacterSheet> characters() {
        return List.copyOf(characters.values());
    }

    /** A snapshot of the registered players. */
    public List<Player> players() {
        return List.copyOf(players.values());
    }

    /** The combat state. */
    public CombatState combat() {
        return combat.state();
    }
}
