package dm20.mcp.tools;

import dm20.mcp.game.DiceRoller;
import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.protocol.Role;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import dm20.protocol.VisibilityRules;
import dm20.protocol.message.OutboxMessage.DiceRolled;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.Optional;
import java.util.List;
import java.util.Map;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.TEXT;

/** roll_dice, public or hidden. */
public final class DiceTools implements ToolGroup {

    private final ToolKit kit;
    private final Game game;

    public DiceTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(kit.tool("roll_dice", Hints.ADD, "Roll dice: NdM±K terms summed (1d20+5, 1d8+1d6+3), with advantage"
                        + " or disadvantage on a d20. hidden=true makes the result DM-only, or private to the one"
                        + " player in 'players'. As a player, a result you may not see is withheld.",
                List.of(Param.required("expression", TEXT, "e.g. 1d20+5"),
                        Param.optional("label", TEXT, "what the roll is for, e.g. 'Perception'"),
                        Param.optional("advantage", BOOLEAN, "roll the d20 twice, keep the higher"),
                        Param.optional("disadvantage", BOOLEAN, "roll the d20 twice, keep the lower"),
                        Param.optional("hidden", BOOLEAN, "secret roll: dm-only, or private to 'players'"),
                        Param.optional("character", TEXT, "who rolls (character name or id), shown on the roll card;"
                                + " default: the as_player's character"),
                        Param.optional("actor", TEXT, "who rolls when it is not a character (e.g. 'Goblin 2'),"
                                + " shown on the roll card"),
                        Vocabulary.VISIBILITY, Vocabulary.PLAYERS, Param.AS_PLAYER), this::roll));
    }

    private Object roll(Args a) {
        Viewer viewer = Vocabulary.viewer(game, a);
        if (viewer.role() == Role.OBSERVER) {
            throw new GameException("an observer may not roll dice");
        }
        boolean adv = a.bool("advantage", false);
        boolean dis = a.bool("disadvantage", false);
        if (adv && dis) {
            throw new GameException("advantage and disadvantage cancel out; pass neither");
        }
        Visibility visibility = visibility(a);
        DiceRoller.Roll roll = game.dice().roll(a.text("expression"),
                adv ? Edge.ADVANTAGE : dis ? Edge.DISADVANTAGE : Edge.NONE);
        return view(game.talk().rolled(roll, a.optText("label").orElse(""), visibility, actor(a, viewer)), viewer);
    }

    /** Who rolls: the named character, else the named actor, else the acting player's character. */
    private java.util.Optional<String> actor(Args a, Viewer viewer) {
        if (a.has("character")) {
            return java.util.Optional.of(game.characters().find(a.text("character")).name());
        }
        return a.optText("actor").or(() -> viewer.playerId().flatMap(id -> game.campaigns().current().players().stream()
                        .filter(p -> p.id().equals(id)).findFirst()).flatMap(dm20.mcp.game.Player::characterId)
                .flatMap(id -> game.campaigns().current().character(id)).map(dm20.protocol.sheet.CharacterSheet::name));
    }

    private Visibility visibility(Args a) {
        if (!a.bool("hidden", false)) {
            return Vocabulary.visibility(game, a, "public");
        }
        if (a.has("visibility")) {
            throw new GameException("pass either hidden or visibility, not both");
        }
        return Vocabulary.visibility(game, a, a.texts("players").isEmpty() ? "dm-only" : "private");
    }

    /**
     * A roll as one viewer may see it, as {@code roll_dice} answers it: the numbers ({@code dice}, {@code kept},
     * {@code modifier}, {@code total}) only if the roll's visibility lets the viewer see them, else {@code hidden}
     * says why not. Component names are the answer's JSON field names.
     */
    public record RollView(String rollId, String label, String notation, Visibility visibility,
                           Optional<List<Integer>> dice, Optional<Integer> kept, Optional<Integer> modifier,
                           Optional<Integer> total, Optional<String> hidden) {
    }

    /** The roll as {@code viewer} may see it. */
    static RollView view(DiceRolled r, Viewer viewer) {
        if (VisibilityRules.canSee(r.visibility(), viewer)) {
            return new RollView(r.rollId(), r.label(), r.notation(), r.visibility(), Optional.of(r.dice()), r.kept(),
                    Optional.of(r.modifier()), Optional.of(r.total()), Optional.empty());
        }
        return new RollView(r.rollId(), r.label(), r.notation(), r.visibility(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("rolled in secret; the result is not shown to you"));
    }
}
