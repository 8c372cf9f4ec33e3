package dm20.mcp.tools;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Participant;
import dm20.protocol.CombatState.TurnMode;
import dm20.protocol.Viewer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.TEXT;

/** start_combat, get_combat, next_turn, hold_action, add_combatant, set_turn_mode, mark_answered, damage, heal, end_combat. */
public final class CombatTools implements ToolGroup {

    private static final Param TARGET = Param.required("target", TEXT, "a combatant's or character's name or id");
    private static final Param AMOUNT = Param.required("amount", INTEGER, "hit points");

    private final ToolKit kit;
    private final Game game;

    public CombatTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("start_combat", Hints.CHANGE, "Start combat (DM only). participants: [{\"name\":\"Thorin\",\"initiative\":"
                        + "17}, {\"name\":\"Goblin\",\"initiative\":12,\"hp\":7,\"hidden\":true}]. Names matching a"
                        + " character become PCs; others are monsters (kind: pc|monster|npc to be explicit).",
                        List.of(Param.required("participants", LIST, "who fights, with initiative"),
                                Param.optional("turn_seconds", INTEGER, "turn deadline in seconds (0: none)")),
                        a -> game.combat().start(Viewer.dm(), participants(a), a.optInt("turn_seconds").map(Long::valueOf))),
                kit.tool("get_combat", Hints.READ, "The combat state (as a player: no hidden combatants, no monster HP).",
                        List.of(Param.AS_PLAYER), a -> game.combat().state(Vocabulary.viewer(game, a))),
                kit.tool("next_turn", Hints.CHANGE, "End the current turn: the next standing combatant acts; wraps to a new round.",
                        List.of(Param.AS_PLAYER), a -> game.combat().next(Vocabulary.viewer(game, a))),
                kit.tool("hold_action", Hints.CHANGE, "The current combatant holds (readies) their action; the turn passes on.",
                        List.of(Param.AS_PLAYER), a -> game.combat().hold(Vocabulary.viewer(game, a))),
                kit.tool("add_combatant", Hints.ADD, "Add a late joiner into the initiative order (DM only).",
                        List.of(Param.required("name", TEXT, "character name/id, or a monster's name"),
                                Param.required("initiative", INTEGER, "initiative total"),
                                Param.optional("kind", TEXT, "pc, monster or npc"),
                                Param.optional("hp", INTEGER, "monster HP"), Param.optional("max_hp", INTEGER, "monster max HP"),
                                Param.optional("hidden", BOOLEAN, "hidden from the players")),
                        a -> game.combat().add(Viewer.dm(), new Participant(a.text("name"), a.integer("initiative"),
                                a.optText("kind"), a.optInt("hp"), a.optInt("max_hp"), a.bool("hidden", false)))),
                kit.tool("set_turn_mode", Hints.SET, "round_robin, or simultaneous: every player answers 'prompt' before the"
                        + " deadline (DM only).",
                        List.of(Param.required("mode", TEXT, "round_robin or simultaneous"),
                                Param.optional("prompt", TEXT, "simultaneous: what the players are asked"),
                                Param.optional("deadline_seconds", INTEGER, "simultaneous: seconds to answer")),
                        a -> game.combat().mode(Viewer.dm(), mode(a.text("mode")), a.optText("prompt"),
                                a.optInt("deadline_seconds").map(Long::valueOf))),
                kit.tool("mark_answered", Hints.SET, "Record that a player answered the simultaneous prompt.",
                        List.of(Param.required("player", TEXT, "player id, name or their character's name")),
                        a -> game.combat().answered(game.players().find(a.text("player")).id())),
                kit.tool("damage", Hints.CHANGE, "Damage a combatant or character; at 0 HP they are downed and skipped.",
                        List.of(TARGET, AMOUNT, Param.AS_PLAYER),
                        a -> game.combat().damage(Vocabulary.viewer(game, a), a.text("target"), a.integer("amount"))),
                kit.tool("heal", Hints.CHANGE, "Heal a combatant or character (a downed one stands up again).",
                        List.of(TARGET, AMOUNT, Param.AS_PLAYER),
                        a -> game.combat().heal(Vocabulary.viewer(game, a), a.text("target"), a.integer("amount"))),
                kit.tool("end_combat", Hints.CHANGE, "End combat (DM only).", List.of(), a -> game.combat().end(Viewer.dm())));
    }

    private static List<Participant> participants(Args a) {
        return a.list("participants").stream().map(CombatTools::participant).toList();
    }

    private static Participant participant(Object o) {
        if (!(o instanceof Map<?, ?> m) || m.get("name") == null || m.get("initiative") == null) {
            throw new GameException("each participant needs a name and an initiative, e.g."
                    + " {\"name\":\"Thorin\",\"initiative\":17}; got " + o);
        }
        return new Participant(m.get("name").toString(), number(m.get("initiative"), "initiative"),
                Optional.ofNullable(m.get("kind")).map(Object::toString),
                Optional.ofNullable(m.get("hp")).map(v -> number(v, "hp")),
                Optional.ofNullable(m.get("max_hp")).map(v -> number(v, "max_hp")),
                Boolean.parseBoolean(String.valueOf(m.get("hidden"))));
    }

    private static int number(Object v, String name) {
        try {
            return (int) Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new GameException("participant " + name + " must be a number, got '" + v + "'");
        }
    }

    private static TurnMode mode(String mode) {
        return switch (mode.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "round_robin", "turn_based", "initiative" -> TurnMode.ROUND_ROBIN;
            case "simultaneous" -> TurnMode.SIMULTANEOUS;
            default -> throw new GameException("mode must be round_robin or simultaneous, got '" + mode + "'");
        };
    }
}
