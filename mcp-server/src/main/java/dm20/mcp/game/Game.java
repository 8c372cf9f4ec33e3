package dm20.mcp.game;

import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The game's services, wired together: what the tool groups (and party mode) use. Every service is
 * guarded by {@link #lock()}; take it around any call from outside a {@code ToolKit.tool} handler.
 *
 * @param feed the switchable outbound feed; party mode points it at the bus on {@code party_start}
 */
public record Game(GameLock lock, SwitchableTableFeed feed, Clock clock, Campaigns campaigns, Characters characters,
                   Players players, TableTalk talk, DiceRoller dice, Combat combat, World world) {

    /** Builds the services on one lock and one feed. */
    public static Game create(Path campaignRoot, Duration defaultTurn, JsonMapper json, Clock clock,
                              RandomGenerator random) {
        SwitchableTableFeed feed = new SwitchableTableFeed();
        Campaigns campaigns = new Campaigns(campaignRoot, json, clock, defaultTurn);
        Characters characters = new Characters(campaigns, feed, clock);
        return new Game(new GameLock(), feed, clock, campaigns, characters, new Players(campaigns, characters),
                new TableTalk(campaigns, feed, clock), new DiceRoller(random),
                new Combat(campaigns, characters, feed, clock), new World(campaigns, clock));
    }
}
