package dm20.mcp.tools;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Player;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;

import java.util.List;
import java.util.Locale;

import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.TEXT;

/** The shared parameter vocabulary and its parsing, so every tool means the same thing by a name. */
public final class Vocabulary {

    public static final Param CHARACTER = Param.required("character", TEXT,
            "the character's name (any case) or id");
    public static final Param VISIBILITY = Param.optional("visibility", TEXT,
            "who may see it: public (default), party, private (one player), subset (the listed players), dm-only");
    public static final Param PLAYERS = Param.optional("players", LIST,
            "for private/subset: player ids, player names or their characters' names (a list or one name)");

    private Vocabulary() {
    }

    /** The acting viewer from {@code as_player} (absent: the DM). */
    public static Viewer viewer(Game game, Args args) {
        return game.players().viewer(args.optText(Param.AS_PLAYER.name()));
    }

    /** Player ids for references that may be player ids, player names or character names. */
    public static List<String> playerIds(Game game, List<String> refs) {
        return refs.stream().map(r -> game.players().find(r)).map(Player::id).distinct().toList();
    }

    /** The {@code visibility} (+ {@code players}) arguments as a {@link Visibility}; absent is {@code fallback}. */
    public static Visibility visibility(Game game, Args args, String fallback) {
        String v = args.optText("visibility").orElse(fallback).toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> players = playerIds(game, args.texts("players"));
        return switch (v) {
            case "public" -> noPlayers(Visibility.everyone(), players, v);
            case "party" -> noPlayers(Visibility.party(), players, v);
            case "dm-only", "dm" -> noPlayers(Visibility.dmOnly(), players, v);
            case "private" -> {
                if (players.size() != 1) {
                    throw new GameException("visibility private needs exactly one player in 'players', got " + players);
                }
                yield Visibility.players(players);
            }
            case "subset" -> {
                if (players.isEmpty()) {
                    throw new GameException("visibility subset needs at least one player in 'players'");
                }
                yield Visibility.players(players);
            }
            default -> throw new GameException("unknown visibility '" + v
                    + "'; use public, party, private, subset or dm-only");
        };
    }

    private static Visibility noPlayers(Visibility v, List<String> players, String name) {
        if (!players.isEmpty()) {
            throw new GameException("visibility " + name + " takes no 'players'; use private or subset to pick players");
        }
        return v;
    }
}
