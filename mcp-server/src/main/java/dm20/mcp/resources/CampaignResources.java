package dm20.mcp.resources;

import dm20.mcp.game.Campaign;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameState;
import dm20.mcp.game.Player;
import dm20.mcp.party.PartyAnswer;
import dm20.protocol.CombatState;
import dm20.protocol.Viewer;
import dm20.protocol.sheet.CharacterSheet;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The server's resources, each a JSON document read afresh on every {@code resources/read}:
 * <ul>
 *   <li>{@value #CAMPAIGN}: the loaded campaign's name, description, session, place and date, and the party
 *       (character, class and level, player);</li>
 *   <li>{@value #SEATS}: whether Party Mode runs here, each seat's name, role and presence: never a token or a
 *       link (those are secrets shown to the host in tool results only);</li>
 *   <li>{@value #COMBAT}: the initiative as the table sees it (the observer's view: no hidden combatant, no
 *       monster hit points).</li>
 * </ul>
 * With no campaign loaded each says so in its document instead of failing. Thread-safe: game state is read under
 * the game lock.
 */
public final class CampaignResources {

    public static final String CAMPAIGN = "dm20://campaign/current";
    public static final String SEATS = "dm20://party/seats";
    public static final String COMBAT = "dm20://combat";
    /** Every resource's URI, in listing order. */
    public static final List<String> URIS = List.of(CAMPAIGN, SEATS, COMBAT);

    /** {@value #CAMPAIGN}'s document; {@code loaded} false (and the rest empty) when no campaign is loaded. */
    public record CampaignView(boolean loaded, String name, String description, int session, String location,
                               String inGameDate, List<Hero> party) {
    }

    /** One character in {@link CampaignView}. */
    public record Hero(String name, String classes, int level, Optional<String> player) {
    }

    /** {@value #SEATS}'s document. */
    public record SeatsView(boolean partyMode, List<PartyAnswer.SeatPresence> seats) {
    }

    /** {@value #COMBAT}'s document: absent {@code combat} when no campaign is loaded. */
    public record CombatView(boolean loaded, Optional<CombatState> combat) {
    }

    private final Game game;
    private final Supplier<Optional<List<PartyAnswer.SeatPresence>>> seats;
    private final JsonMapper json;

    /**
     * @param seats the seats with presence while Party Mode runs in this process, else empty; must not start or
     *              attach to a session (a read changes nothing)
     */
    public CampaignResources(Game game, Supplier<Optional<List<PartyAnswer.SeatPresence>>> seats, JsonMapper json) {
        this.game = game;
        this.seats = seats;
        this.json = json;
    }

    /** The resources, for the MCP server. */
    public List<SyncResourceSpecification> specifications() {
        return List.of(
                spec(CAMPAIGN, "campaign", "The campaign", "The loaded campaign: name, description, session, place,"
                        + " in-game date and the party (character, class, level, player).", this::campaign),
                spec(SEATS, "seats", "Party Mode seats", "Whether Party Mode runs, and each seat's name, role and"
                        + " presence (connected, last seen). No links or tokens: the host screen shows those.", this::seats),
                spec(COMBAT, "combat", "Initiative", "The combat as the table sees it: round, turn mode, the order"
                        + " without hidden combatants or monster hit points, whose turn, the deadline.", this::combat));
    }

    CampaignView campaign() {
        return game.lock().call(() -> game.campaigns().currentIfLoaded().map(this::view)
                .orElse(new CampaignView(false, "", "", 0, "", "", List.of())));
    }

    private CampaignView view(Campaign c) {
        GameState s = game.world().state(Viewer.dm());
        List<Hero> party = c.characters().stream().map(sheet -> new Hero(sheet.name(), classes(sheet), sheet.level(),
                c.ownerOf(sheet.id()).map(Player::name))).toList();
        return new CampaignView(true, c.info().name(), c.info().description(), s.session(), s.currentLocation(),
                s.inGameDate(), party);
    }

    private static String classes(CharacterSheet sheet) {
        return String.join(" / ", sheet.classes().stream().map(k -> k.name() + " " + k.level()).toList());
    }

    SeatsView seats() {
        return seats.get().map(list -> new SeatsView(true, list)).orElse(new SeatsView(false, List.of()));
    }

    CombatView combat() {
        return game.lock().call(() -> game.campaigns().currentIfLoaded()
                .map(c -> new CombatView(true, Optional.of(c.combat().viewFor(Viewer.observer()))))
                .orElse(new CombatView(false, Optional.empty())));
    }

    private SyncResourceSpecification spec(String uri, String name, String title, String description,
                                           Supplier<Object> read) {
        Resource resource = Resource.builder().uri(uri).name(name).title(title).description(description)
                .mimeType("application/json").build();
        return new SyncResourceSpecification(resource, (exchange, request) -> new ReadResourceResult(List.of(
                new TextResourceContents(uri, "application/json", json.writeValueAsString(read.get())))));
    }
}
