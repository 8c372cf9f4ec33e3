package dm20.mcp.wiring;

import dm20.mcp.game.DeadlineScheduler;
import dm20.mcp.game.Game;
import dm20.mcp.party.PartyAnswer;
import dm20.mcp.party.PartyTools;
import dm20.mcp.resources.CampaignResources;
import dm20.mcp.session.SessionTools;
import dm20.mcp.tools.GameTools;
import dm20.mcp.tools.ToolGroup;
import dm20.mcp.tools.ToolInvoker;
import dm20.mcp.tools.ToolKit;
import dm20.protocol.message.MessageCodec;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.BiFunction;

/**
 * The wired server parts: the game, the tool kit, every tool by name, the turn-deadline scheduler (not yet
 * started) and the resources. Both entry points build one with {@link #wire}.
 *
 * @param resources the MCP resources (the campaign's public state; see {@link CampaignResources})
 */
public record Wiring(Game game, ToolKit kit, ToolInvoker invoker, DeadlineScheduler deadlines,
                     CampaignResources resources) {

    /**
     * Wires the game and its tools. {@code extraGroups} build further tool groups (e.g. party mode's) on the same
     * kit and game.
     */
    public static Wiring wire(McpConfig config, Clock clock, List<BiFunction<ToolKit, Game, ToolGroup>> extraGroups) {
        JsonMapper json = new MessageCodec().json();
        Game game = Game.create(config.campaignRoot(), config.turnDeadline(), json, clock, new SecureRandom());
        ToolKit kit = new ToolKit(game.lock(), json);
        List<ToolGroup> groups = new ArrayList<>(GameTools.groups(kit, game));
        groups.add(new SessionTools(kit, game));
        extraGroups.forEach(g -> groups.add(g.apply(kit, game)));
        Supplier<Optional<List<PartyAnswer.SeatPresence>>> seats = () -> groups.stream()
                .filter(PartyTools.class::isInstance).findFirst()
                .flatMap(g -> ((PartyTools) g).service().presence());
        return new Wiring(game, kit, new ToolInvoker(groups), new DeadlineScheduler(game.lock(), game.combat()),
                new CampaignResources(game, seats, json));
    }
}
