package dm20.mcp.game;

import dm20.protocol.Viewer;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The DM's world notes in the current campaign: NPCs, locations, quests, the game state and the event
 * log. All of it is DM-only (it holds secrets), so every method takes the acting viewer. Ids are stable
 * slugs of the first name. Not thread-safe: callers hold the {@link GameLock}.
 */
public final class World {

    private final Campaigns campaigns;
    private final Clock clock;

    public World(Campaigns campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Creates an NPC from its new id, or replaces one (same id). */
    public Npc putNpc(Viewer v, Optional<String> existing, Function<String, Npc> build) {
        return put(v, "npc", existing, build, campaigns.current().npcs, Npc::id, Npc::name, Campaign.NPCS);
    }

    public Npc npc(Viewer v, String query) {
        Permissions.requireDm(v, "read NPC notes");
        return Names.find("NPC", query, campaigns.current().npcs.values(), Npc::id, Npc::name);
    }

    public List<Npc> npcs(Viewer v) {
        Permissions.requireDm(v, "read NPC notes");
        return List.copyOf(campaigns.current().npcs.values());
    }

    public Location putLocation(Viewer v, Optional<String> existing, Function<String, Location> build) {
        return put(v, "location", existing, build, campaigns.current().locations, Location::id, Location::name,
                Campaign.LOCATIONS);
    }

    public Location location(Viewer v, String query) {
        Permissions.requireDm(v, "read location notes");
        return Names.find("location", query, campaigns.current().locations.values(), Location::id, Location::name);
    }

    public List<Location> locations(Viewer v) {
        Permissions.requireDm(v, "read location notes");
        return List.copyOf(campaigns.current().locations.values());
    }

    public Quest putQuest(Viewer v, Optional<String> existing, Function<String, Quest> build) {
        return put(v, "quest", existing, build, campaigns.current().quests, Quest::id, Quest::name, Campaign.QUESTS);
    }

    public Quest quest(Viewer v, String query) {
        Permissions.requireDm(v, "read quest notes");
        return Names.find("quest", query, campaigns.current().quests.values(), Quest::id, Quest::name);
    }

    public List<Quest> quests(Viewer v) {
        Permissions.requireDm(v, "read quest notes");
        return List.copyOf(campaigns.current().quests.values());
    }

    public GameState state(Viewer v) {
        Permissions.requireDm(v, "read the game state");
        return campaigns.current().state;
    }

    public GameState updateState(Viewer v, Function<GameState, GameState> change) {
        Permissions.requireDm(v, "change the game state");
        Campaign c = campaigns.current();
        c.state = change.apply(c.state);
        c.save(Campaign.STATE);
        return c.state;
    }

    public GameEvent addEvent(Viewer v, String kind, String text) {
        Permissions.requireDm(v, "write the event log");
        return campaigns.current().logEvent(kind, text, clock.instant());
    }

    /** The last {@code limit} events, optionally of one kind, oldest first. */
    public List<GameEvent> events(Viewer v, int limit, Optional<String> kind) {
        Permissions.requireDm(v, "read the event log");
        List<GameEvent> all = campaigns.current().events.stream()
                .filter(e -> kind.map(k -> k.equalsIgnoreCase(e.kind())).orElse(true)).toList();
        return all.subList(Math.max(0, all.size() - Math.max(0, limit)), all.size());
    }

    private <T> T put(Viewer v, String kind, Optional<String> existing, Function<String, T> build, Map<String, T> map,
                      Function<T, String> id, Function<T, String> name, String file) {
        Permissions.requireDm(v, "change " + kind + " notes");
        String key = existing.orElse(null);
        if (key == null) {
            String base = Names.slug(kind) + "-";
            T probe = build.apply("probe");
            map.values().stream().filter(t -> name.apply(t).equalsIgnoreCase(name.apply(probe))).findFirst()
                    .ifPresent(t -> {
                        throw new GameException("a " + kind + " named '" + name.apply(t) + "' already exists ("
                                + id.apply(t) + "); update it instead");
                    });
            key = base + Names.slug(name.apply(probe));
            for (int n = 2; map.containsKey(key); n++) {
                key = base + Names.slug(name.apply(probe)) + "-" + n;
            }
        }
        T value = build.apply(key);
        map.put(key, value);
        campaigns.current().save(file);
        return value;
    }
}
