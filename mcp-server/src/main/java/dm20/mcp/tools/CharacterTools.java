package dm20.mcp.tools;

import dm20.mcp.game.AbilityMethod;
import dm20.mcp.game.CharacterRules;
import dm20.mcp.game.CharacterSpec;
import dm20.mcp.game.LevelUp;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Permissions;
import dm20.mcp.game.Player;
import dm20.mcp.game.SheetUpdate;
import dm20.protocol.Viewer;
import dm20.protocol.sheet.CharacterSheet;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.OBJECT;
import static dm20.mcp.tools.Param.Type.TEXT;
import static dm20.mcp.tools.Vocabulary.CHARACTER;

/** create_character, level_up_character, get_character, list_characters, update_character, delete_character. */
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
                kit.tool("create_character", Hints.ADD, "Create a player character (DM only). For an SRD class (Fighter,"
                        + " Wizard, …) and race (Dwarf, Hill Dwarf, …) the sheet follows the rules: hit points (max"
                        + " die at level 1, then average), hit dice, saving throws, spell slots and spellcasting"
                        + " ability, features, racial ability bonuses, speed; optional standard array, point buy or"
                        + " rolled scores and starting equipment. Other classes get generic values. Anything given"
                        + " explicitly wins. The answer lists what was derived under 'derived'.", createParams(),
                        this::create),
                kit.tool("level_up_character", Hints.CHANGE, "Raise a character one level in its SRD class: hit points (average,"
                        + " or rolled), a hit die, new spell slots and features (listed by name), and the ability"
                        + " score improvement at levels 4, 8, … The phone's sheet updates.", List.of(CHARACTER,
                        Param.optional("hit_points", TEXT, "average (default) or rolled"),
                        Param.optional("ability_increases", OBJECT, "at an improvement level: +2 to one ability or +1"
                                + " to two, e.g. {\"str\":2} or {\"dex\":1,\"con\":1}; omit to decide later"),
                        Param.AS_PLAYER), this::levelUp),
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
                Param.optional("abilities", OBJECT, "scores before racial bonuses, e.g. {\"str\":16,\"dex\":12,...}"
                        + " (default 10 each; with standard_array/point_buy: the assignment)"),
                Param.optional("ability_method", TEXT, "standard_array (15,14,13,12,10,8; assigned by class unless"
                        + " abilities given), point_buy (27 points, 8-15 each, give abilities) or rolled (4d6 drop"
                        + " lowest, shown); SRD classes only"),
                Param.optional("starting_equipment", BOOLEAN, "true to add the SRD class's starting equipment"
                        + " (armor and a weapon equipped, AC from the armor)"),
                Param.optional("max_hp", INTEGER, "maximum HP (default: from hit die and CON)"),
                Param.optional("armor_class", INTEGER, "armor class (default 10 + DEX modifier)"),
                Param.optional("speed", INTEGER, "speed in feet (default: the SRD race's, else 30)"),
                Param.optional("skills", LIST, "skill proficiencies"),
                Param.optional("saves", LIST, "saving throw proficiencies, e.g. [\"STR\",\"CON\"] (default: the SRD"
                        + " class's)"),
                Param.optional("languages", LIST, "languages"),
                Param.optional("spell_slots", OBJECT, "max slots per level, e.g. {\"1\":2} (default: the SRD class"
                        + " table's)"),
                Param.optional("spellcasting_ability", TEXT, "e.g. INT (default: the SRD class's)"),
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
        Map<Integer, Integer> slots = new HashMap<>();
        ints(a, "spell_slots").forEach((k, v) -> slots.put(parseInt("spell_slots", k), v));
        CharacterSpec spec = new CharacterSpec(a.text("name"), a.text("class"), a.optInt("level").orElse(1),
                a.optText("race").orElse(""), a.optText("background").orElse(""), a.optText("alignment").orElse(""),
                ints(a, "abilities"), a.optInt("max_hp"), a.optInt("armor_class"), a.optInt("speed"), a.texts("skills"),
                a.texts("saves"), a.texts("languages"), slots, a.optText("spellcasting_ability"),
                a.optText("notes").orElse(""), a.optText("ability_method").map(AbilityMethod::parse)
                .orElse(AbilityMethod.GIVEN), a.bool("starting_equipment", false));
        CharacterRules.Created created = game.characters().createByRules(Viewer.dm(), spec);
        CharacterSheet sheet = a.optText("player").map(p -> {
            game.players().assign(Viewer.dm(), p, created.sheet().id(), false);
            return game.characters().find(created.sheet().id());
        }).orElse(created.sheet());
        return new Created(sheet, created.derivation());
    }

    private Object levelUp(Args a) {
        String how = a.optText("hit_points").orElse("average").toLowerCase(java.util.Locale.ROOT);
        if (!how.equals("average") && !how.equals("rolled") && !how.equals("roll")) {
            throw new GameException("'hit_points' is average or rolled, got '" + how + "'");
        }
        LevelUp.Result r = game.characters().levelUp(Vocabulary.viewer(game, a), a.text("character"),
                !how.equals("average"), ints(a, "ability_increases"));
        game.combat().syncPc(r.sheet());
        return new LevelledUp(r.sheet().name(), r.level(), r.hitPoints(), r.hitPointsHow(), r.sheet().hp(),
                r.features(), r.spellSlots(), r.sheet().proficiencyBonus(), r.improvement(), r.notes());
    }

    /** {@code level_up_character}'s answer. */
    public record LevelledUp(String character, int level, int hitPointsGained, String hitPointsHow,
                             CharacterSheet.HitPoints hp, List<String> featuresGained,
                             List<CharacterSheet.SpellSlots> spellSlots, int proficiencyBonus,
                             boolean abilityScoreImprovement, List<String> notes) {
    }

    /**
     * {@code create_character}'s answer: the sheet's own fields, unwrapped, then {@code derived}, what the
     * rules filled in and why.
     */
    public record Created(@JsonUnwrapped CharacterSheet sheet, List<String> derived) {
    }

    private Object list(Args a) {
        Viewer viewer = Vocabulary.viewer(game, a);
        return new ToolAnswers.CharacterList(game.characters().list().stream().map(s -> summary(viewer, s)).toList());
    }

    private ToolAnswers.CharacterSummary summary(Viewer viewer, CharacterSheet s) {
        Optional<Player> owner = game.players().ownerOf(s.id());
        boolean sees = Permissions.mayUse(viewer, owner);
        return new ToolAnswers.CharacterSummary(s.id(), s.name(), s.classes(), s.level(), s.race(), owner.map(Player::id),
                Optional.of(s.hp()).filter(x -> sees), Optional.of(s.armorClass()).filter(x -> sees),
                Optional.of(s.conditions()).filter(x -> sees));
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
        return new ToolAnswers.Deleted(s.id(), s.name());
    }

    static Map<String, Integer> ints(Args a, String name) {
        Map<String, Integer> out = new HashMap<>();
        a.object(name).forEach((k, v) -> out.put(k.toLowerCase(java.util.Locale.ROOT), parseInt(name + "." + k,
                String.valueOf(v))));
        return out;
    }

    private static Map<String, List<Object>> lists(Args a, String name) {
        Map<String, List<Object>> out = new HashMap<>();
        a.object(name).forEach((k, v) -> {
            if (v == null || v instanceof List<?> l && l.contains(null)) {
                throw new GameException("'" + name + "." + k + "' must be a value or a list of values, not null");
            }
            out.put(k, v instanceof List<?> l ? List.copyOf(l) : List.of(v));
        });
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
