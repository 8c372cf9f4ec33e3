package dm20.mcp.tools;

import dm20.mcp.engine.Compendium;
import dm20.mcp.engine.Engine;
import dm20.mcp.engine.SrdCompendium;
import dm20.mcp.game.Game;

import java.util.List;

/** The game's standard tool groups, in the order they are listed to the client. */
public final class GameTools {

    private GameTools() {
    }

    /**
     * Campaign, character, sheet, world, dice, combat, combat-engine, table and rules tools over {@code game};
     * the combat engine reads the game's SRD rulebook.
     */
    public static List<ToolGroup> groups(ToolKit kit, Game game) {
        return groups(kit, game, new SrdCompendium(game.rules()));
    }

    /** The groups with the combat engine reading monsters, spells and weapons from {@code compendium}. */
    public static List<ToolGroup> groups(ToolKit kit, Game game, Compendium compendium) {
        Engine engine = Engine.create(game, compendium, kit.json());
        return List.of(new CampaignTools(kit, game), new CharacterTools(kit, game), new SheetTools(kit, game),
                new WorldTools(kit, game), new DiceTools(kit, game), new CombatTools(kit, game, engine),
                new EngineTools(kit, game, engine), new TableTools(kit, game), new RulesTools(kit, game.rules()));
    }
}
