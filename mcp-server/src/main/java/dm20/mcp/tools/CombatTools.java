package dm20.mcp.tools;

import dm20.mcp.engine.Engine;
import dm20.mcp.engine.Recruit;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.protocol.CombatState.TurnMode;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
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
    private final Engine engine;

    public CombatTools(ToolKit kit, Game game, Engine engine) {
        this.kit = kit;
        this.game = game;
        this.engine = engine;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("start_combat", Hints.CHANGE, "Start combat (DM only). participants: characters and monsters, e.g."
                        + " [\"Thorin\", \"2 goblins\", {\"name\":\"Elara\",\"initiative\":17},"
                        + " {\"monster\":\"wolf\",\"count\":3,\"hidden\":true}, {\"name\":\"Cult leader\","
                        + "\"kind\":\"npc\",\"hp\":33,\"ac\":15}]. SRD monsters (SRD 5.1, CC-BY-4.0) join with"
                        + " their AC, HP (average, or roll_hp), saves, defenses and attacks; missing initiative is"
                        + " rolled (d20 + DEX) and posted.",
                        List.of(Param.required("participants", LIST, "who fights"),
                                Param.optional("turn_seconds", INTEGER, "turn deadline in seconds (0: none)"),
                                Param.optional("roll_hp", BOOLEAN, "roll SRD monsters' hit dice instead of the average"),
                                EngineTools.KNOCK_OUT, EngineTools.HIDDEN, Vocabulary.VISIBILITY, Vocabulary.PLAYERS),
                        a -> engine.muster().start(recruits(a.list("participants"), a.bool("roll_hp", false)),
                                a.optInt("turn_seconds").map(Long::valueOf), a.bool("knock_out", false),
                                new EngineTools(kit, game, engine).visibility(a))),
                kit.tool("get_combat", Hints.READ, "The combat state (as a player: no hidden combatants, no monster HP).",
                        List.of(Param.AS_PLAYER), a -> game.combat().state(Vocabulary.viewer(game, a))),
                kit.tool("next_turn", Hints.CHANGE, "End the current turn: the next standing combatant acts; wraps to a new round.",
                        List.of(Param.AS_PLAYER), a -> game.combat().next(Vocabulary.viewer(game, a))),
                kit.tool("hold_action", Hints.CHANGE, "The current combatant holds (readies) their action; the turn passes on.",
                        List.of(Param.AS_PLAYER), a -> game.combat().hold(Vocabulary.viewer(game, a))),
                kit.tool("add_combatant", Hints.ADD, "Add late joiners into the initiative order (DM only): a character, SRD"
                        + " monsters by name and count ('2 goblins'), or a monster of your own with hp and ac.",
                        List.of(Param.required("name", TEXT, "character name/id, SRD monster (with a count), or a"
                                        + " monster's name"),
                                Param.optional("initiative", INTEGER, "initiative total (default: rolled)"),
                                Param.optional("count", INTEGER, "how many of the monster"),
                                Param.optional("kind", TEXT, "pc, monster or npc"),
                                Param.optional("hp", INTEGER, "monster HP"), Param.optional("max_hp", INTEGER, "monster max HP"),
                                Param.optional("ac", INTEGER, "monster armor class"),
                                Param.optional("roll_hp", BOOLEAN, "roll an SRD monster's hit dice"),
                                Param.optional("hidden", BOOLEAN, "hidden from the players")),
                        a -> engine.muster().add(recruit(a.text("name"), a.optInt("count"), a.optInt("initiative"),
                                a.optText("kind"), a.optInt("hp"), a.optInt("max_hp"), a.bool("hidden", false),
                                a.optInt("ac"), a.bool("roll_hp", false)), Visibility.everyone())),
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
                kit.tool("damage", Hints.CHANGE, "Damage a combatant or character; at 0 HP they are downed and skipped. In a fight,"
                        + " the DM's damage has the engine's consequences: 'damage_type' against resistance,"
                        + " immunity and vulnerability, death saves for a PC at 0 HP, a monster's death,"
                        + " concentration checks (rolled and posted).",
                        List.of(TARGET, AMOUNT, Param.optional("damage_type", TEXT, "e.g. fire, slashing"),
                                Param.optional("magical", BOOLEAN, "magical damage (beats resistance to nonmagical"
                                        + " attacks)"), Param.AS_PLAYER),
                        this::damage),
                kit.tool("heal", Hints.CHANGE, "Heal a combatant or character (a downed one stands up again).",
                        List.of(TARGET, AMOUNT, Param.AS_PLAYER),
                        a -> game.combat().heal(Vocabulary.viewer(game, a), a.text("target"), a.integer("amount"))),
                kit.tool("end_combat", Hints.CHANGE, "End combat (DM only). The XP of the SRD monsters brought to 0 HP is split"
                        + " evenly among the PCs in the fight, added to their totals and announced.",
                        List.of(EngineTools.HIDDEN, Vocabulary.VISIBILITY, Vocabulary.PLAYERS),
                        a -> engine.endCombat(new EngineTools(kit, game, engine).visibility(a))));
    }

    private Object damage(Args a) {
        Viewer viewer = Vocabulary.viewer(game, a);
        if (viewer.role() == dm20.protocol.Role.DM && engine.fights(a.text("target"))) {
            return engine.damage(a.text("target"), a.integer("amount"), a.optText("damage_type"),
                    a.bool("magical", false), Visibility.everyone());
        }
        return game.combat().damage(viewer, a.text("target"), a.integer("amount"));
    }

    private static List<Recruit> recruits(List<Object> participants, boolean rollHp) {
        return participants.stream().map(p -> recruit(p, rollHp)).toList();
    }

    private static Recruit recruit(Object o, boolean rollHp) {
        if (o instanceof String text) {
            Recruit r = Recruit.named(text);
            return recruit(r.name(), Optional.of(r.count()), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), false, Optional.empty(), rollHp);
        }
        if (!(o instanceof Map<?, ?> m) || (m.get("name") == null && m.get("monster") == null)) {
            throw new GameException("each participant is a name (\"Thorin\", \"2 goblins\") or an object with a"
                    + " name or monster, e.g. {\"name\":\"Thorin\",\"initiative\":17}; got " + o);
        }
        String name = String.valueOf(m.get("monster") != null ? m.get("monster") : m.get("name"));
        Optional<Integer> count = Optional.ofNullable(m.get("count")).map(v -> number(v, "count"));
        return recruit(name, count, Optional.ofNullable(m.get("initiative")).map(v -> number(v, "initiative")),
                Optional.ofNullable(m.get("kind")).map(Object::toString).or(() -> m.get("monster") != null
                        ? Optional.of("monster") : Optional.empty()),
                Optional.ofNullable(m.get("hp")).map(v -> number(v, "hp")),
                Optional.ofNullable(m.get("max_hp")).map(v -> number(v, "max_hp")),
                Boolean.parseBoolean(String.valueOf(m.get("hidden"))),
                Optional.ofNullable(m.get("ac")).map(v -> number(v, "ac")),
                m.get("roll_hp") != null ? Boolean.parseBoolean(String.valueOf(m.get("roll_hp"))) : rollHp);
    }

    private static Recruit recruit(String name, Optional<Integer> count, Optional<Integer> initiative,
                                   Optional<String> kind, Optional<Integer> hp, Optional<Integer> maxHp,
                                   boolean hidden, Optional<Integer> ac, boolean rollHp) {
        Recruit named = count.isPresent() ? new Recruit(name, count.get(), initiative, kind, hp, maxHp, hidden, ac,
                rollHp) : Recruit.named(name);
        kind.filter(k -> !List.of("pc", "monster", "npc").contains(k.strip().toLowerCase(Locale.ROOT)))
                .ifPresent(k -> {
                    throw new GameException("participant kind must be pc, monster or npc, got '" + k + "'");
                });
        return new Recruit(named.name(), named.count(), initiative, kind, hp, maxHp, hidden, ac, rollHp);
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
