package dm20.mcp.game;

import dm20.mcp.storage.CampaignStore;
import dm20.mcp.storage.StorageException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The campaigns under the campaign root and the one currently loaded. Not thread-safe: callers hold the
 * {@link GameLock}.
 */
public final class Campaigns {

    /**
     * A campaign folder as listed.
     *
     * @param error why its campaign.json could not be read, if it could not
     */
    public record Summary(String id, String name, String description, Optional<String> error) {
    }

    private final Path root;
    private final JsonMapper json;
    private final Clock clock;
    private final long defaultTurnSeconds;
    private Optional<Campaign> current = Optional.empty();

    public Campaigns(Path root, JsonMapper json, Clock clock, Duration defaultTurn) {
        this.root = root;
        this.json = json;
        this.clock = clock;
        this.defaultTurnSeconds = defaultTurn.toSeconds();
    }

    /** Creates a campaign folder and makes it current. */
    public Campaign create(String name, String description) {
        String id = Names.slug(name);
        Path dir = root.resolve(id);
        if (Files.exists(dir)) {
            throw new GameException("a campaign '" + id + "' already exists; load_campaign it or pick another name");
        }
        Campaign c = Campaign.create(new CampaignStore(dir, json),
                new CampaignInfo(id, name.strip(), description, clock.instant()), defaultTurnSeconds);
        current = Optional.of(c);
        return c;
    }

    /**
     * Loads a campaign by id or name and makes it current.
     *
     * @throws StorageException naming a bad file; the previously current campaign stays current
     */
    public Campaign load(String nameOrId) {
        Summary s = Names.find("campaign", nameOrId, list(), Summary::id, Summary::name);
        Campaign c = Campaign.load(new CampaignStore(root.resolve(s.id()), json), defaultTurnSeconds);
        current = Optional.of(c);
        return c;
    }

    /** Every campaign folder under the root, by id. */
    public List<Summary> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve(Campaign.INFO)))
                    .sorted().map(this::summary).toList();
        } catch (IOException e) {
            throw new StorageException("cannot list campaigns in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The loaded campaign. @throws GameException if none is loaded */
    public Campaign current() {
        return current.orElseThrow(() -> new GameException(
                "no campaign is loaded; call load_campaign or create_campaign first"));
    }

    /** The loaded campaign, if any. */
    public Optional<Campaign> currentIfLoaded() {
        return current;
    }

    private Summary summary(Path dir) {
        String id = dir.getFileName().toString();
        try {
            CampaignInfo info = new CampaignStore(dir, json).read(Campaign.INFO, new TypeReference<CampaignInfo>() { })
                    .orElseThrow();
            return new Summary(id, info.name(), info.description(), Optional.empty());
        } catch (StorageException e) {
            return new Summary(id, id, "", Optional.of(e.getMessage()));
        }
    }
}
