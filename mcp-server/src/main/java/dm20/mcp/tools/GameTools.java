package dm20.mcp.tools;

import dm20.mcp.game.Game;

import java.util.List;

/** The game's standard tool groups, in the order they are listed to the client. */
public final class GameTools {

    private GameTools() {
    }

    /** Campaign, character, sheet, world, dice, combat, table and rules tools over {@code game}. */
    public static List<ToolGroup> groups(ToolKit kit, Game game) {
        return List.of(new CampaignTools(kit, game), new CharacterTools(kit, game), new SheetTools(kit, game),
                new WorldTools(kit, game), new DiceTools(kit, game), new CombatTools(kit, game),
                new TableTools(kit, game), new RulesTools(kit, game.rules()));
    }
}
