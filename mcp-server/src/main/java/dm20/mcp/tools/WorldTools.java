package dm20.mcp.tools;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameState;
import dm20.mcp.game.Location;
import dm20.mcp.game.Npc;
import dm20.mcp.game.Quest;
import dm20.protocol.Viewer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.TEXT;

/** NPCs, locations, quests, the game state and the event log: the DM's notes (DM only). */
public final class WorldTools implements ToolGroup {

    private final ToolKit kit;
    private final Game game;

    public WorldTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        List<SyncToolSpecification> t = new ArrayList<>();
        t.addAll(npcTools());
        t.addAll(locationTools());
        t.addAll(questTools());
        t.add(kit.tool("get_game_state", Hints.READ, "Where the story stands.", List.of(), a -> game.world().state(dm())));
        t.add(kit.tool("update_game_state", Hints.REPLACE, "Change the game state.", List.of(
                Param.optional("current_location", TEXT, "where the party is"),
                Param.optional("session", INTEGER, "session number"),
                Param.optional("in_game_date", TEXT, "in-world date/time"),
                Param.optional("notes", TEXT, "replaces the DM's notes")),
                a -> game.world().updateState(dm(), s -> new GameState(a.optText("current_location")
                        .orElse(s.currentLocation()), a.optInt("session").orElse(s.session()),
                        a.optText("in_game_date").orElse(s.inGameDate()), a.optText("notes").orElse(s.notes())))));
        t.add(kit.tool("add_event", Hints.ADD, "Append to the campaign's event log.", List.of(
                Param.required("text", TEXT, "what happened"),
                Param.optional("kind", TEXT, "e.g. story, combat, loot (default story)")),
                a -> game.world().addEvent(dm(), a.optText("kind").orElse("story"), a.text("text"))));
        t.add(kit.tool("list_events", Hints.READ, "The latest events, oldest first.", List.of(
                Param.optional("limit", INTEGER, "how many (default 20)"), Param.optional("kind", TEXT, "only this kind")),
                a -> new ToolAnswers.EventList(game.world().events(dm(), a.optInt("limit").orElse(20), a.optText("kind")))));
        return t;
    }

    private List<SyncToolSpecification> npcTools() {
        List<Param> fields = List.of(Param.optional("description", TEXT, "who they are"),
                Param.optional("location", TEXT, "where they are"), Param.optional("attitude", TEXT, "towards the party"),
                Param.optional("notes", TEXT, "DM notes"));
        return List.of(
                kit.tool("create_npc", Hints.ADD, "Create an NPC.", with(Param.required("name", TEXT, "NPC name"), fields),
                        a -> game.world().putNpc(dm(), Optional.empty(), id -> npc(id, a, Optional.empty()))),
                kit.tool("get_npc", Hints.READ, "An NPC by name or id.", List.of(Param.required("npc", TEXT, "name or id")),
                        a -> game.world().npc(dm(), a.text("npc"))),
                kit.tool("list_npcs", Hints.READ, "All NPCs.", List.of(), a -> new ToolAnswers.NpcList(game.world().npcs(dm()))),
                kit.tool("update_npc", Hints.REPLACE, "Change an NPC's fields.", with(Param.required("npc", TEXT, "name or id"),
                        with(Param.optional("name", TEXT, "new name"), fields)), a -> {
                            Npc old = game.world().npc(dm(), a.text("npc"));
                            return game.world().putNpc(dm(), Optional.of(old.id()), id -> npc(id, a, Optional.of(old)));
                        }));
    }

    private List<SyncToolSpecification> locationTools() {
        List<Param> fields = List.of(Param.optional("description", TEXT, "what it is like"),
                Param.optional("connections", LIST, "names of places reachable from here"),
                Param.optional("notes", TEXT, "DM notes"));
        return List.of(
                kit.tool("create_location", Hints.ADD, "Create a location.", with(Param.required("name", TEXT, "name"), fields),
                        a -> game.world().putLocation(dm(), Optional.empty(), id -> location(id, a, Optional.empty()))),
                kit.tool("get_location", Hints.READ, "A location by name or id.",
                        List.of(Param.required("location", TEXT, "name or id")),
                        a -> game.world().location(dm(), a.text("location"))),
                kit.tool("list_locations", Hints.READ, "All locations.", List.of(),
                        a -> new ToolAnswers.LocationList(game.world().locations(dm()))),
                kit.tool("update_location", Hints.REPLACE, "Change a location's fields.",
                        with(Param.required("location", TEXT, "name or id"),
                                with(Param.optional("name", TEXT, "new name"), fields)), a -> {
                            Location old = game.world().location(dm(), a.text("location"));
                            return game.world().putLocation(dm(), Optional.of(old.id()),
                                    id -> location(id, a, Optional.of(old)));
                        }));
    }

    private List<SyncToolSpecification> questTools() {
        List<Param> fields = List.of(Param.optional("description", TEXT, "what it is about"),
                Param.optional("status", TEXT, "active, completed or failed"),
                Param.optional("objectives", LIST, "objectives (replaces the list)"), Param.optional("notes", TEXT, "notes"));
        return List.of(
                kit.tool("create_quest", Hints.ADD, "Create a quest.", with(Param.required("name", TEXT, "quest name"), fields),
                        a -> game.world().putQuest(dm(), Optional.empty(), id -> quest(id, a, Optional.empty()))),
                kit.tool("get_quest", Hints.READ, "A quest by name or id.", List.of(Param.required("quest", TEXT, "name or id")),
                        a -> game.world().quest(dm(), a.text("quest"))),
                kit.tool("list_quests", Hints.READ, "All quests.", List.of(), a -> new ToolAnswers.QuestList(game.world().quests(dm()))),
                kit.tool("update_quest", Hints.REPLACE, "Change a quest's fields.", with(Param.required("quest", TEXT, "name or id"),
                        with(Param.optional("name", TEXT, "new name"), fields)), a -> {
                            Quest old = game.world().quest(dm(), a.text("quest"));
                            return game.world().putQuest(dm(), Optional.of(old.id()), id -> quest(id, a, Optional.of(old)));
                        }));
    }

    private static Npc npc(String id, Args a, Optional<Npc> old) {
        return new Npc(id, a.optText("name").orElseGet(() -> old.map(Npc::name).orElse("")),
                pick(a, "description", old.map(Npc::description)), pick(a, "location", old.map(Npc::location)),
                pick(a, "attitude", old.map(Npc::attitude)), pick(a, "notes", old.map(Npc::notes)));
    }

    private static Location location(String id, Args a, Optional<Location> old) {
        return new Location(id, a.optText("name").orElseGet(() -> old.map(Location::name).orElse("")),
                pick(a, "description", old.map(Location::description)),
                a.has("connections") ? a.texts("connections") : old.map(Location::connections).orElse(List.of()),
                pick(a, "notes", old.map(Location::notes)));
    }

    private static Quest quest(String id, Args a, Optional<Quest> old) {
        return new Quest(id, a.optText("name").orElseGet(() -> old.map(Quest::name).orElse("")),
                pick(a, "description", old.map(Quest::description)), pick(a, "status", old.map(Quest::status)),
                a.has("objectives") ? a.texts("objectives") : old.map(Quest::objectives).orElse(List.of()),
                pick(a, "notes", old.map(Quest::notes)));
    }

    private static String pick(Args a, String name, Optional<String> old) {
        return a.optText(name).orElse(old.orElse(""));
    }

    private static List<Param> with(Param first, List<Param> rest) {
        List<Param> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Viewer dm() {
        return Viewer.dm();
    }
}
