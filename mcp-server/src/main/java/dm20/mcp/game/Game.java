package dm20.mcp.game;

import dm20.mcp.rules.Rulebook;
import dm20.mcp.rules.SrdRulebook;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The game's services, wired together: what the tool groups (and party mode) use. Every service is
 * guarded by {@link #lock()}; take it around any call from outside a {@code ToolKit.tool} handler.
 *
 * @param feed  the switchable outbound feed; party mode points it at the bus on {@code party_start}
 * @param rules the rules data (SRD 5.1); immutable and thread-safe, so usable without the lock
 */
public record Game(GameLock lock, SwitchableTableFeed feed, Clock clock, Campaigns campaigns, Characters characters,
                   Players players, TableTalk talk, DiceRoller dice, Combat combat, World world, Rulebook rules) {

    /** Builds the services on one lock and one feed, with the SRD rulebook (loaded on first use). */
    public static Game create(Path campaignRoot, Duration defaultTurn, JsonMapper json, Clock clock,
                              RandomGenerator random) {
        return create(campaignRoot, defaultTurn, json, clock, random, new SrdRulebook());
    }

    /** Builds the services on one lock and one feed, with {@code rules}. */
    public static Game create(Path campaignRoot, Duration defaultTurn, JsonMapper json, Clock clock,
                              RandomGenerator random, Rulebook rules) {
        SwitchableTableFeed feed = new SwitchableTableFeed();
        Campaigns campaigns = new Campaigns(campaignRoot, json, clock, defaultTurn);
        DiceRoller dice = new DiceRoller(random);
        Characters characters = new Characters(campaigns, feed, clock, new CharacterRules(rules, dice));
        TableTalk talk = new TableTalk(campaigns, feed, clock);
        return new Game(new GameLock(), feed, clock, campaigns, characters, new Players(campaigns, characters),
                talk, dice, new Combat(campaigns, characters, feed, clock, talk), new World(campaigns, clock), rules);
    }
}
