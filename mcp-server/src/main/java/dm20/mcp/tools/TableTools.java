package dm20.mcp.tools;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Permissions;
import dm20.protocol.Viewer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;
import java.util.Locale;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.TEXT;

/** whisper, share_info, get_feed, assign_player, list_players. */
public final class TableTools implements ToolGroup {

    private final ToolKit kit;
    private final Game game;

    public TableTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("whisper", Hints.ADD, "Send private text to one or several players only (DM only).",
                        List.of(Param.required("players", LIST, "player ids, player names or their characters' names"),
                                Param.required("text", TEXT, "the message")), this::whisper),
                kit.tool("share_info", Hints.ADD, "Post narration or information with a visibility (DM only).",
                        List.of(Param.required("text", TEXT, "what to share"), Vocabulary.VISIBILITY,
                                Vocabulary.PLAYERS), this::share),
                kit.tool("get_feed", Hints.READ, "Recent narration, whispers and rolls; as a player or observer only what they"
                        + " may see.", List.of(Param.optional("limit", INTEGER, "how many (default 20)"),
                                Param.AS_PLAYER),
                        a -> new ToolAnswers.Feed(game.talk().visibleTo(Vocabulary.viewer(game, a),
                                a.optInt("limit").orElse(20)))),
                kit.tool("assign_player", Hints.SET, "Seat a player (DM only): as the player of a character, or as an observer"
                        + " when role is observer. Player ids are stable: player-<name>.",
                        List.of(Param.required("player", TEXT, "the player's display name"),
                                Param.optional("character", TEXT, "the character's name or id (players)"),
                                Param.optional("role", TEXT, "player (default) or observer"),
                                Param.optional("replace", BOOLEAN, "hand over a character someone else plays")),
                        this::assign),
                kit.tool("list_players", Hints.READ, "Everyone seated: player id, name, role, character.", List.of(),
                        a -> new ToolAnswers.PlayerList(game.players().list())));
    }

    private Object whisper(Args a) {
        List<String> ids = Vocabulary.playerIds(game, a.texts("players"));
        if (ids.isEmpty()) {
            throw new GameException("whisper needs at least one player in 'players'");
        }
        return game.talk().whisper(ids, a.text("text"));
    }

    private Object share(Args a) {
        return game.talk().share(a.text("text"), Vocabulary.visibility(game, a, "public"));
    }

    private Object assign(Args a) {
        Permissions.requireDm(Viewer.dm(), "assign players");
        String role = a.optText("role").orElse("player").toLowerCase(Locale.ROOT);
        return switch (role) {
            case "observer" -> game.players().addObserver(Viewer.dm(), a.text("player"));
            case "player" -> game.players().assign(Viewer.dm(), a.text("player"), a.optText("character")
                    .orElseThrow(() -> new GameException("a player needs a 'character' to play")),
                    a.bool("replace", false));
            default -> throw new GameException("role must be player or observer, got '" + role + "'");
        };
    }
}
