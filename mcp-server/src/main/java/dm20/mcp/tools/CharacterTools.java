package dm20.mcp.tools;

import dm20.mcp.game.CharacterSpec;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Permissions;
import dm20.mcp.game.Player;
import dm20.mcp.game.SheetUpdate;
import dm20.protocol.Viewer;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.OBJECT;
import static dm20.mcp.tools.Param.Type.TEXT;
import static dm20.mcp.tools.Vocabulary.CHARACTER;

/** create_character, get_character, list_characters, update_character, delete_character. */
public final class CharacterTools implements ToolGroup {

    private final ToolKit kit;
    private final Game game;

    public CharacterTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("create_character", Hints.ADD, "Create a player character (DM only). Hit points, hit dice and armor"
                        + " class are derived from class, level and abilities unless given.", createParams(),
                        this::create),
                kit.tool("get_character", Hints.READ, "A character's full sheet. As a player: only your own.",
                        List.of(CHARACTER, Param.AS_PLAYER),
                        a -> game.characters().get(Vocabulary.viewer(game, a), a.text("character"))),
                kit.tool("list_characters", Hints.READ, "All characters: id, name, class, level, player; HP only where you may"
                        + " see the sheet.", List.of(Param.AS_PLAYER), this::list),
                kit.tool("update_character", Hints.REPLACE, "Change a character: scalar fields, abilities, coins, and list items"
                        + " via add/remove, e.g. add={\"conditions\":[\"poisoned\"]}. List fields: "
                        + String.join(", ", SheetUpdate.LIST_FIELDS.stream().sorted().toList()) + ".",
                        updateParams(), this::update),
                kit.tool("delete_character", Hints.DELETE, "Delete a character (DM only); their player becomes an observer.",
                        List.of(CHARACTER, Param.required("confirm", BOOLEAN, "must be true")), this::delete));
    }

    private static List<Param> createParams() {
        return List.of(Param.required("name", TEXT, "character name (unique in the campaign)"),
                Param.required("class", TEXT, "class, e.g. Fighter"),
                Param.optional("level", INTEGER, "level 1-20 (default 1)"),
                Param.optional("race", TEXT, "race or species"),
                Param.optional("background", TEXT, "background"),
                Param.optional("alignment", TEXT, "alignment"),
                Param.optional("abilities", OBJECT, "scores, e.g. {\"str\":16,\"dex\":12,...} (default 10 each)"),
                Param.optional("max_hp", INTEGER, "maximum HP (default: from hit die and CON)"),
                Param.optional("armor_class", INTEGER, "armor class (default 10 + DEX modifier)"),
                Param.optional("speed", INTEGER, "speed in feet (default 30)"),
                Param.optional("skills", LIST, "skill proficiencies"),
                Param.optional("saves", LIST, "saving throw proficiencies, e.g. [\"STR\",\"CON\"]"),
                Param.optional("languages", LIST, "languages"),
                Param.optional("spell_slots", OBJECT, "max slots per level, e.g. {\"1\":2}"),
                Param.optional("spellcasting_ability", TEXT, "e.g. INT"),
                Param.optional("player", TEXT, "seat this player (display name) as the character's player"),
                Param.optional("notes", TEXT, "free text"));
    }

    private static List<Param> updateParams() {
        return List.of(CHARACTER, Param.optional("name", TEXT, "new name"), Param.optional("race", TEXT, "race"),
                Param.optional("background", TEXT, "background"), Param.optional("alignment", TEXT, "alignment"),
                Param.optional("notes", TEXT, "replaces the notes"),
                Param.optional("armor_class", INTEGER, "armor class"), Param.optional("speed", INTEGER, "speed"),
                Param.optional("hp", INTEGER, "current HP"), Param.optional("max_hp", INTEGER, "maximum HP"),
                Param.optional("temp_hp", INTEGER, "temporary HP"),
                Param.optional("level", INTEGER, "level (single-class characters)"),
                Param.optional("abilities", OBJECT, "ability scores to change, e.g. {\"str\":18}"),
                Param.optional("currency", OBJECT, "coins to set, e.g. {\"gp\":25}"),
                Param.optional("add", OBJECT, "items to add per list field, e.g. {\"languages\":[\"Elvish\"]}"),
                Param.optional("remove", OBJECT, "items to remove per list field"), Param.AS_PLAYER);
    }

    private Object create(Args a) {
        Map<String, Integer> abilities = ints(a, "abilities");
        Abilities scores = new Abilities(abilities.getOrDefault("str", 10), abilities.getOrDefault("dex", 10),
                abilities.getOrDefault("con", 10), abilities.getOrDefault("int", 10),
                abilities.getOrDefault("wis", 10), abilities.getOrDefault("cha", 10));
        Map<Integer, Integer> slots = new HashMap<>();
        ints(a, "spell_slots").forEach((k, v) -> slots.put(parseInt("spell_slots", k), v));
        CharacterSpec spec = new CharacterSpec(a.text("name"), a.text("class"), a.optInt("level").orElse(1),
                a.optText("race").orElse(""), a.optText("background").orElse(""), a.optText("alignment").orElse(""),
                scores, a.optInt("max_hp"), a.optInt("armor_class"), a.optInt("speed").orElse(30), a.texts("skills"),
                a.texts("saves"), a.texts("languages"), slots, a.optText("spellcasting_ability"),
                a.optText("notes").orElse(""));
        CharacterSheet sheet = game.characters().create(Viewer.dm(), spec);
        return a.optText("player").map(p -> {
            game.players().assign(Viewer.dm(), p, sheet.id(), false);
            return game.characters().find(sheet.id());
        }).orElse(sheet);
    }

    private Object list(Args a) {
        Viewer viewer = Vocabulary.viewer(game, a);
        return Map.of("characters", game.characters().list().stream().map(s -> summary(viewer, s)).toList());
    }

    private Map<String, Object> summary(Viewer viewer, CharacterSheet s) {
        Optional<Player> owner = game.players().ownerOf(s.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("classes", s.classes());
        m.put("level", s.level());
        m.put("race", s.race());
        owner.ifPresent(p -> m.put("playerId", p.id()));
        if (Permissions.mayUse(viewer, owner)) {
            m.put("hp", s.hp());
            m.put("armorClass", s.armorClass());
            m.put("conditions", s.conditions());
        }
        return m;
    }

    private Object update(Args a) {
        Map<String, Object> scalars = new HashMap<>();
        SheetUpdate.SCALARS.stream().filter(a::has).forEach(k -> scalars.put(k, a.optText(k).orElseThrow()));
        SheetUpdate update = new SheetUpdate(scalars, ints(a, "abilities"), ints(a, "currency"), lists(a, "add"),
                lists(a, "remove"));
        CharacterSheet s = game.characters().change(Vocabulary.viewer(game, a), a.text("character"), update::apply);
        game.combat().syncPc(s);
        return s;
    }

    private Object delete(Args a) {
        if (!a.bool("confirm", false)) {
            throw new GameException("delete_character needs confirm=true; deleting cannot be undone");
        }
        CharacterSheet s = game.characters().delete(Viewer.dm(), a.text("character"));
        return Map.of("deleted", s.id(), "name", s.name());
    }

    static Map<String, Integer> ints(Args a, String name) {
        Map<String, Integer> out = new HashMap<>();
        a.object(name).forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), parseInt(name + "." + k,
                String.valueOf(v))));
        return out;
    }

    private static Map<String, List<Object>> lists(Args a, String name) {
        Map<String, List<Object>> out = new HashMap<>();
        a.object(name).forEach((k, v) -> out.put(k, v instanceof List<?> l ? List.copyOf(l) : List.of(v)));
        return out;
    }

    private static int parseInt(String name, String value) {
        try {
            return (int) Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new GameException("'" + name + "' must be a whole number, got '" + value + "'");
        }
    }
}
