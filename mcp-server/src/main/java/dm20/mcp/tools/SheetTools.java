package dm20.mcp.tools;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Sheets;
import dm20.protocol.sheet.CharacterSheet;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;
import java.util.function.UnaryOperator;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.TEXT;
import static dm20.mcp.tools.Vocabulary.CHARACTER;

/** add_item, remove_item, equip_item, use_spell_slot, short_rest, long_rest, death_save. */
public final class SheetTools implements ToolGroup {

    private static final Param ITEM = Param.required("item", TEXT, "item name (any case)");

    private final ToolKit kit;
    private final Game game;

    public SheetTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("add_item", Hints.ADD, "Add an item to a character's inventory (stacks by name).",
                        List.of(CHARACTER, ITEM, Param.optional("quantity", INTEGER, "how many (default 1)"),
                                Param.optional("description", TEXT, "what it is"), Param.AS_PLAYER),
                        a -> change(a, s -> Sheets.addItem(s, a.text("item"), a.optInt("quantity").orElse(1),
                                a.optText("description").orElse("")))),
                kit.tool("remove_item", Hints.CHANGE, "Remove an item (or some of a stack) from a character's inventory.",
                        List.of(CHARACTER, ITEM, Param.optional("quantity", INTEGER, "how many (default 1)"),
                                Param.AS_PLAYER),
                        a -> change(a, s -> Sheets.removeItem(s, a.text("item"), a.optInt("quantity").orElse(1)))),
                kit.tool("equip_item", Hints.SET, "Equip (optionally into a slot such as main_hand, off_hand, armor, shield)"
                        + " or unequip an item.",
                        List.of(CHARACTER, ITEM, Param.optional("slot", TEXT, "equipment slot"),
                                Param.optional("equipped", BOOLEAN, "false to unequip (default true)"),
                                Param.AS_PLAYER),
                        a -> change(a, s -> Sheets.equip(s, a.text("item"), a.bool("equipped", true),
                                a.optText("slot")))),
                kit.tool("use_spell_slot", Hints.CHANGE, "Spend one spell slot of a level.",
                        List.of(CHARACTER, Param.required("level", INTEGER, "slot level 1-9"), Param.AS_PLAYER),
                        a -> change(a, s -> Sheets.useSpellSlot(s, a.integer("level")))),
                kit.tool("short_rest", Hints.CHANGE, "Short rest: spend hit dice to heal (each die + CON modifier).",
                        List.of(CHARACTER, Param.optional("hit_dice", INTEGER, "hit dice to spend (default 0)"),
                                Param.AS_PLAYER),
                        a -> change(a, s -> Sheets.shortRest(s, a.optInt("hit_dice").orElse(0), game.dice()::face))),
                kit.tool("long_rest", Hints.CHANGE, "Long rest: full HP and spell slots, half the hit dice back, death saves reset.",
                        List.of(CHARACTER, Param.AS_PLAYER), a -> change(a, Sheets::longRest)),
                kit.tool("death_save", Hints.CHANGE, "Roll (or record) a death saving throw for a character at 0 HP: 10+ succeeds,"
                        + " 1 is two failures, 20 regains 1 HP.",
                        List.of(CHARACTER, Param.optional("roll", INTEGER, "the d20 face, if rolled at the table"),
                                Param.AS_PLAYER), this::deathSave));
    }

    private CharacterSheet change(Args a, UnaryOperator<CharacterSheet> change) {
        CharacterSheet s = game.characters().change(Vocabulary.viewer(game, a), a.text("character"), change);
        game.combat().syncPc(s);
        return s;
    }

    private Object deathSave(Args a) {
        int roll = a.optInt("roll").orElseGet(() -> game.dice().face(20));
        if (roll < 1 || roll > 20) {
            throw new GameException("a death save roll is a d20 face 1-20, got " + roll);
        }
        CharacterSheet s = change(a, sheet -> Sheets.deathSave(sheet, roll));
        if (!a.has("roll")) {
            String verdict = s.hp().current() > 0 ? "natural 20, regains 1 HP"
                    : s.deathSaves().dead() ? "failure — dead" : s.deathSaves().stable() ? "success — stable"
                    : (roll >= 10 ? "success" : roll == 1 ? "natural 1, two failures" : "failure") + " ("
                    + s.deathSaves().successes() + " succeeded, " + s.deathSaves().failures() + " failed)";
            game.talk().rolled(new dm20.mcp.game.DiceRoller.Roll("1d20", List.of(roll), java.util.Optional.empty(), 0,
                    roll), s.name() + " death save: " + roll + " — " + verdict, dm20.protocol.Visibility.everyone());
        }
        return new ToolAnswers.DeathSave(roll, s.deathSaves(), s.deathSaves().stable(), s.deathSaves().dead(), s.hp());
    }
}
