package dm20.mcp.party;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.tools.Args;
import dm20.mcp.tools.Hints;
import dm20.mcp.tools.Param;
import dm20.mcp.tools.Param.Type;
import dm20.mcp.tools.ToolGroup;
import dm20.mcp.tools.ToolKit;
import dm20.protocol.Role;
import dm20.protocol.Tokens;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static dm20.mcp.tools.Param.optional;
import static dm20.mcp.tools.Param.required;

/**
 * The {@code party_*} tools. Same vocabulary as the game tools: {@code seat} is a seat id, player or
 * character (name or id); {@code players} a list of those; lists and objects may come as JSON strings.
 */
public final class PartyTools implements ToolGroup, AutoCloseable {

    private final ToolKit kit;
    private final PartyService party;
    private final DmLoop loop;
    private final Game game;

    public PartyTools(ToolKit kit, Game game, PartyService party) {
        this.kit = kit;
        this.game = game;
        this.party = party;
        this.loop = new DmLoop(party);
        party.onRequests(new TableRequests(party, loop, game,
                new dm20.mcp.engine.PlayerChecks(game.rules(), new dm20.mcp.engine.SrdCompendium(game.rules())),
                loop.rolls()));
    }

    /**
     * The factory {@code McpMain.wire} takes: party tools on the shared kit and game; the relay jar comes from
     * {@code DM20_RELAY_JAR} if set, else is found beside this jar or in the source tree; its limits from
     * {@code DM20_RELAY_OPTIONS} (e.g. {@code --observer-sockets 1000}), checked when {@code party_start} runs.
     */
    public static BiFunction<ToolKit, Game, ToolGroup> factory(Map<String, String> env) {
        Optional<Path> jar = Optional.ofNullable(env.get("DM20_RELAY_JAR")).filter(s -> !s.isBlank()).map(Path::of);
        return (kit, game) -> new PartyTools(kit, game,
                new PartyService(game, new Tokens(new SecureRandom()), jar,
                        env.getOrDefault(RelayLauncher.OPTIONS_ENV, ""), kit.json()));
    }

    /** The DM loop, for the console. */
    public DmLoop loop() {
        return loop;
    }

    /** The service, for the console. */
    public PartyService service() {
        return party;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.unlockedTool("party_start", Hints.SET.atTheTable(), "Start Party Mode for the loaded campaign: issue a"
                        + " seat (link) for every player, an observer (TV) seat and the host seat, and start the relay the"
                        + " phones connect to. The answer leads with the host-screen link: the host opens it on this"
                        + " machine; it shows every player's QR code. Calling it again re-issues the same links.",
                        List.of(optional("port", Type.INTEGER, "TCP port for the phones (default 8080)"),
                                optional("host", Type.TEXT, "interface to bind (default 0.0.0.0 = the LAN)"),
                                optional("public_url", Type.TEXT, "base URL players should use, e.g. behind a proxy")),
                        PartyAnswer.Started.class, PartyTools::hostFirst, this::start),
                kit.unlockedTool("party_stop", Hints.CHANGE.atTheTable(), "Stop Party Mode: phones are told the session ended and the relay stops."
                        + " Pending actions are kept for next time.", List.of(), a -> party.stop()),
                kit.unlockedTool("party_status", Hints.READ.atTheTable(), "Relay up/down and URL, each seat (connected,"
                        + " last seen), the action queue by status (this session's actions and any still queued from"
                        + " earlier sessions) and the next pending action.", List.of(),
                        PartyAnswer.Status.class, a -> loop.status()),
                kit.unlockedTool("party_next", new Hints(false, false, false, true), "Take the oldest pending player"
                        + " action: returns it with the acting player, their character and the combat state (with an"
                        + " actionId), or says in 'action' that none is pending. Answer it with party_resolve."
                        + " newPlayerRolls lists rolls players made from their sheets since you last looked.",
                        List.of(), PartyAnswer.Taken.class, a -> loop.next()),
                kit.unlockedTool("party_wait", new Hints(false, false, false, true), "Block until a player submits an action (at most timeout_seconds, max 300)"
                        + " and take it like party_next. Returns early without one when a combat turn times out"
                        + " (see 'notices') or a player rolls from their sheet (newPlayerRolls). For an automatic DM"
                        + " loop: call again after each answer.",
                        List.of(optional("timeout_seconds", Type.INTEGER, "how long to wait (default 60, max 300)")),
                        PartyAnswer.Taken.class, this::await),
                kit.unlockedTool("party_resolve", Hints.ADD.atTheTable(), "Answer a taken action. The narrative goes to everyone; each private"
                        + " text only to its player (who also sees the narrative); dm_notes to nobody but you.",
                        List.of(required("action_id", Type.TEXT, "the action's id from party_next/party_wait"),
                                optional("narrative", Type.TEXT, "what everyone at the table hears"),
                                optional("private", Type.OBJECT, "private texts keyed by player or character, e.g."
                                        + " {\"Thorin\": \"You notice a draft\"}"),
                                optional("dm_notes", Type.TEXT, "notes for the DM only")),
                        this::resolve),
                kit.unlockedTool("party_thinking", Hints.SET.atTheTable(), "Show (or hide) a 'DM is thinking' indicator on every phone.",
                        List.of(optional("thinking", Type.BOOLEAN, "true to show (default), false to hide"),
                                optional("label", Type.TEXT, "what you are working on")),
                        a -> {
                            loop.thinking(a.bool("thinking", true), a.optText("label"));
                            return new PartyAnswer.Thinking(a.bool("thinking", true));
                        }),
                kit.unlockedTool("party_whisper", Hints.ADD.atTheTable(), "Send a private message to one or several players outside an action.",
                        List.of(required("players", Type.LIST, "players or characters (names or ids)"),
                                required("text", Type.TEXT, "the message")),
                        this::whisper),
                kit.unlockedTool("party_settings", Hints.SET.atTheTable(), "Read or change the party's settings."
                        + " player_rolls: who sees the rolls players ask for from their character sheets (skill,"
                        + " save, ability check, attack; rolled by this server with the character's modifiers):"
                        + " public (default), private (the roller and you) or dm-only. Such rolls reach you in"
                        + " newPlayerRolls of party_next, party_wait and party_status.",
                        List.of(optional("player_rolls", Type.TEXT, "public, private or dm-only")),
                        PartyAnswer.Settings.class, a -> new PartyAnswer.Settings((a.optText("player_rolls").isPresent()
                                ? party.settings(new PartySettings(a.optText("player_rolls").get()))
                                : party.settings()).playerRolls())),
                kit.unlockedTool("party_kick", Hints.CHANGE.atTheTable(), "Remove a seat: its sockets close and its link stops working; returns"
                        + " the seat's new link for when they may come back (the host screen shows its QR code).",
                        List.of(required("seat", Type.TEXT, "player, character or seat id")), a -> link(loop.kick(a.text("seat")))),
                kit.unlockedTool("party_token", Hints.CHANGE.atTheTable(), "Give a seat a new link (e.g. a leaked QR): the old one stops working"
                        + " at once. Returns the new link; the host screen shows its new QR code.",
                        List.of(required("seat", Type.TEXT, "player, character or seat id")), a -> link(loop.rotate(a.text("seat")))));
    }

    /**
     * Starts Party Mode. The links (tokens inside) go into the tool result only, for the host: never to a log
     * or stderr, which MCP hosts keep on disk. The QR codes are on the host screen, whose link leads the text.
     */
    private PartyAnswer.Started start(Args a) {
        int port = a.optInt("port").orElse(8080);
        if (port < 0 || port > 65535) {
            throw new GameException("port must be 0..65535, got " + port);
        }
        PartyService.Started s = party.start(a.optText("host").orElse("0.0.0.0"), port, a.optText("public_url"));
        String base = s.urls().stream().findFirst().orElseThrow(() -> new GameException("the relay reported no URL"));
        return new PartyAnswer.Started(s.campaign(), s.adopted() ? "already running (adopted)" : "started", s.urls(),
                s.seats().stream().map(seat -> new PartyAnswer.Seat(seat.seatId(), seat.displayName(), seat.role(),
                        base + seat.path())).toList(),
                base + s.seats().stream().filter(x -> x.role() == Role.DM).findFirst().map(SeatLink::path).orElse("/host"));
    }

    /** What the host reads first: the host-screen link, how to open it here, and that the QR codes are there. */
    static String hostFirst(PartyAnswer.Started started) {
        return "Host screen: " + started.hostScreen() + "\n" + howToOpen(started.hostScreen()) + "\nIt shows a QR code"
                + " for every player and the Table TV link; players scan theirs from it. Seat links are secrets: never"
                + " read them out in narration.";
    }

    /** How to open a link in a browser on this machine, for the host. */
    static String howToOpen(String url) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String command = os.contains("mac") ? "open" : os.contains("win") ? "start \"\"" : "xdg-open";
        return "Open it in a browser on this machine: paste it into the address bar, or run  " + command + " '"
                + url + "'";
    }

    private PartyAnswer.Taken await(Args a) {
        int seconds = a.optInt("timeout_seconds").orElse(60);
        try {
            return loop.await(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GameException("party_wait was interrupted");
        }
    }

    private Object resolve(Args a) {
        Map<String, String> priv = new LinkedHashMap<>();
        a.object("private").forEach((k, v) -> priv.put(k, String.valueOf(v)));
        return loop.resolve(a.text("action_id"), a.optText("narrative").orElse(""), priv, a.optText("dm_notes"));
    }

    private Object whisper(Args a) {
        party.requireSession();
        return game.lock().call(() -> {
            List<String> ids = a.texts("players").stream().map(ref -> game.players().find(ref).id()).toList();
            return game.talk().whisper(ids, a.text("text"));
        });
    }

    /**
     * A seat's new link, for the host only (never logged), as JSON text, then where its QR code is: on the host
     * screen, which follows seat changes live. No image: MCP hosts such as Claude Code's terminal show none.
     */
    private Object link(SeatLink seat) {
        String url = loop.baseUrl().orElse("") + seat.path();
        return CallToolResult.builder()
                .addTextContent(kit.json().writeValueAsString(new PartyAnswer.Link(seat.seatId(), seat.displayName(), url)))
                .addTextContent("The host screen (the link party_start gave you) now shows " + seat.displayName()
                        + "'s new QR code; the old link no longer works. Seat links are secrets: never read one out"
                        + " in narration.")
                .isError(false).build();
    }

    @Override
    public void close() {
        party.close();
    }
}
