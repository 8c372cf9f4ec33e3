package dm20.mcp.tools;

import dm20.mcp.engine.Ending;
import dm20.mcp.engine.Encounters;
import dm20.mcp.engine.Engine;
import dm20.mcp.engine.Spells;
import dm20.mcp.engine.StatBlock;
import dm20.mcp.game.DiceRoller.Edge;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.protocol.Visibility;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.TEXT;

/**
 * The combat engine's tools (DM only): attack, cast_spell, saving_throw, apply_condition, remove_condition,
 * build_encounter. Every roll they make is posted to the table with the chosen visibility.
 */
public final class EngineTools implements ToolGroup {

    static final Param HIDDEN = Param.optional("hidden", BOOLEAN,
            "roll in secret: the rolls and announcements go to the DM only (or to 'players' with visibility)");
    static final Param KNOCK_OUT = Param.optional("knock_out", BOOLEAN,
            "a monster brought to 0 HP is knocked out instead of killed");
    private static final Param ADVANTAGE = Param.optional("advantage", BOOLEAN, "roll the d20 twice, keep the higher");
    private static final Param DISADVANTAGE = Param.optional("disadvantage", BOOLEAN,
            "roll the d20 twice, keep the lower");
    private static final Param CONDITION = Param.optional("condition", TEXT,
            "a condition put on each target that fails (e.g. restrained, poisoned, frightened)");
    private static final Param ENDS = Param.optional("ends", TEXT, "when the condition ends: rounds (with 'rounds'),"
            + " end_of_source_next_turn, start_of_source_next_turn, save_ends (with save_ability and dc, rolled at"
            + " the end of the target's turns) or until_removed (default)");
    private static final Param ROUNDS = Param.optional("rounds", INTEGER, "for ends=rounds: how many rounds");
    private static final Param SAVE_ABILITY = Param.optional("save_ability", TEXT,
            "for ends=save_ends: the repeat save's ability (STR, DEX, CON, INT, WIS, CHA)");

    private final ToolKit kit;
    private final Game game;
    private final Engine engine;

    public EngineTools(ToolKit kit, Game game, Engine engine) {
        this.kit = kit;
        this.game = game;
        this.engine = engine;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("attack", Hints.ADD, "Resolve an attack (DM only): d20 + bonus vs the target's AC (natural 1 misses,"
                        + " natural 20 hits and doubles the damage dice), damage by type against resistances,"
                        + " immunities and vulnerabilities, HP applied (PC at 0 HP: unconscious, death saves;"
                        + " monster: dies, or knocked out). A PC uses a weapon from the sheet, a monster an action"
                        + " of its SRD stat block. Rolls are posted to the table.",
                        List.of(Param.required("attacker", TEXT, "the attacking combatant's name or id"),
                                Param.required("target", TEXT, "the target combatant's name or id"),
                                Param.optional("weapon", TEXT, "a weapon in the PC's inventory, 'unarmed', or the"
                                        + " monster's action (default: equipped weapon / first action)"),
                                ADVANTAGE, DISADVANTAGE,
                                Param.optional("magical", BOOLEAN, "a magical weapon (beats resistance to"
                                        + " nonmagical attacks)"),
                                KNOCK_OUT, HIDDEN, Vocabulary.VISIBILITY, Vocabulary.PLAYERS),
                        a -> engine.attacks().attack(a.text("attacker"), a.text("target"), a.optText("weapon"),
                                edge(a), a.bool("magical", false), a.bool("knock_out", false), visibility(a))),
                kit.tool("cast_spell", Hints.CHANGE, "Cast an SRD spell in combat (DM only): slot spent at 'level' (default the"
                        + " spell's; higher upcasts, cantrips are free), save DC 8 + proficiency + spellcasting"
                        + " modifier from the caster's sheet, one damage roll for all targets, each target's save"
                        + " (half on a success where the spell says so, rounded down), spell attacks vs AC,"
                        + " concentration started (the caster's previous one ends). A 'condition' goes on targets"
                        + " that fail (held by the caster's concentration for a concentration spell).",
                        List.of(Param.required("caster", TEXT, "the casting combatant"),
                                Param.required("spell", TEXT, "the spell's SRD name"),
                                Param.optional("targets", LIST, "target combatants (names or ids)"),
                                Param.optional("level", INTEGER, "slot level to cast with"),
                                Param.optional("dc", INTEGER, "save DC, for a caster without a sheet"),
                                Param.optional("attack_bonus", INTEGER, "spell attack bonus, for a caster without"
                                        + " a sheet"),
                                CONDITION, ENDS, ROUNDS, SAVE_ABILITY, ADVANTAGE, DISADVANTAGE, KNOCK_OUT, HIDDEN,
                                Vocabulary.VISIBILITY, Vocabulary.PLAYERS),
                        a -> engine.spells().cast(a.text("caster"), a.text("spell"), a.texts("targets"),
                                a.optInt("level"), a.optInt("dc"), a.optInt("attack_bonus"),
                                rider(a, a.optInt("dc").or(() -> sheetDc(a.text("caster")))), edge(a),
                                a.bool("knock_out", false), visibility(a))),
                kit.tool("saving_throw", Hints.ADD, "Roll saving throws for one or many combatants against a DC (DM only),"
                        + " optionally with damage (rolled once; half on a success with half=true) and a condition"
                        + " on those who fail. The DC may come from a caster's sheet.",
                        List.of(Param.required("targets", LIST, "combatants who save"),
                                Param.required("ability", TEXT, "STR, DEX, CON, INT, WIS or CHA"),
                                Param.optional("dc", INTEGER, "the DC (or give 'caster')"),
                                Param.optional("caster", TEXT, "take the DC from this caster's sheet"),
                                Param.optional("label", TEXT, "what is saved against, e.g. 'Poison needle'"),
                                Param.optional("damage", TEXT, "damage dice, e.g. 3d6"),
                                Param.optional("damage_type", TEXT, "damage type, e.g. fire"),
                                Param.optional("half", BOOLEAN, "half damage on a success (default true with damage)"),
                                Param.optional("magical", BOOLEAN, "magical damage (default true)"),
                                CONDITION, ENDS, ROUNDS, SAVE_ABILITY, KNOCK_OUT, HIDDEN, Vocabulary.VISIBILITY,
                                Vocabulary.PLAYERS),
                        this::savingThrow),
                kit.tool("apply_condition", Hints.SET, "Put a condition on a combatant (DM only) with its source and when it"
                        + " ends; durations tick at next_turn, repeat saves are rolled, expiries announced. A"
                        + " creature immune to it is left alone (the answer says so).",
                        List.of(Param.required("target", TEXT, "the combatant"),
                                Param.required("condition", TEXT, "e.g. poisoned, prone, restrained, or any effect"),
                                Param.optional("source", TEXT, "the combatant who caused it (its turns time it)"),
                                ENDS, ROUNDS, SAVE_ABILITY, Param.optional("dc", INTEGER, "for ends=save_ends"),
                                Param.optional("hidden", BOOLEAN, "the players do not see it")),
                        a -> engine.afflictions().apply(a.text("target"), a.text("condition"), a.optText("source"),
                                ending(a, a.optInt("dc")), a.bool("hidden", false), Optional.empty())),
                kit.tool("remove_condition", Hints.DELETE, "Remove a condition from a combatant (DM only).",
                        List.of(Param.required("target", TEXT, "the combatant"),
                                Param.required("condition", TEXT, "the condition's name")),
                        a -> java.util.Map.of("removed", engine.afflictions().remove(a.text("target"),
                                a.text("condition")))),
                kit.tool("build_encounter", Hints.READ, "Suggest SRD monster groups for a party by the 5e XP thresholds and"
                        + " group multipliers. Monster data: SRD 5.1, CC-BY-4.0.",
                        List.of(Param.optional("party_size", INTEGER, "number of characters (with party_level)"),
                                Param.optional("party_level", INTEGER, "their level (with party_size)"),
                                Param.optional("levels", LIST, "or each character's level"),
                                Param.required("difficulty", TEXT, "easy, medium, hard or deadly"),
                                Param.optional("type", TEXT, "creature type, e.g. undead, humanoid"),
                                Param.optional("limit", INTEGER, "how many suggestions (default 5)")),
                        this::buildEncounter));
    }

    private Object savingThrow(Args a) {
        int dc = a.optInt("dc").orElseGet(() -> a.optText("caster").map(c -> casterDc(c))
                .orElseThrow(() -> new GameException("saving_throw needs a 'dc' or a 'caster' to take it from")));
        Optional<StatBlock.DamageRoll> damage = a.optText("damage").map(d -> new StatBlock.DamageRoll(d,
                a.optText("damage_type").orElse("")));
        return engine.spells().savingThrow(a.optText("caster"), a.optText("label").orElse("a saving throw"),
                a.texts("targets"), a.text("ability"), dc, damage, a.bool("half", damage.isPresent()),
                rider(a, Optional.of(dc)), a.bool("magical", true), a.bool("knock_out", false), visibility(a));
    }

    private int casterDc(String caster) {
        return engine.spells().dcOf(caster);
    }

    private Optional<Integer> sheetDc(String caster) {
        try {
            return Optional.of(engine.spells().dcOf(caster));
        } catch (GameException e) {
            return Optional.empty();
        }
    }

    private Object buildEncounter(Args a) {
        List<Integer> levels = a.texts("levels").stream().map(EngineTools::level).toList();
        if (levels.isEmpty()) {
            int size = a.optInt("party_size").orElseThrow(() -> new GameException(
                    "give party_size and party_level, or levels"));
            int level = a.optInt("party_level").orElseThrow(() -> new GameException("give party_level with party_size"));
            if (size < 1 || size > 12) {
                throw new GameException("party_size must be 1..12, got " + size);
            }
            levels = java.util.Collections.nCopies(size, level);
        }
        return engine.encounters().build(levels, Encounters.difficulty(a.text("difficulty")), a.optText("type"),
                a.optInt("limit").orElse(5));
    }

    private static int level(String s) {
        try {
            return (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new GameException("levels must be numbers, got '" + s + "'");
        }
    }

    private static Edge edge(Args a) {
        boolean adv = a.bool("advantage", false);
        boolean dis = a.bool("disadvantage", false);
        return adv && dis ? Edge.NONE : adv ? Edge.ADVANTAGE : dis ? Edge.DISADVANTAGE : Edge.NONE;
    }

    private Optional<Spells.Rider> rider(Args a, Optional<Integer> dc) {
        return a.optText("condition").map(c -> new Spells.Rider(c, ending(a, dc)));
    }

    /** The 'ends' vocabulary as an {@link Ending}; 'rounds' alone means that many rounds. */
    static Ending ending(Args a, Optional<Integer> dc) {
        String ends = a.optText("ends").orElse(a.has("rounds") ? "rounds" : "until_removed")
                .strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (ends) {
            case "rounds" -> Ending.rounds(a.optInt("rounds").orElseThrow(() -> new GameException(
                    "ends=rounds needs 'rounds'")));
            case "end_of_source_next_turn", "end_of_next_turn", "end_of_sources_next_turn" -> Ending.endOfSourceNextTurn();
            case "start_of_source_next_turn", "start_of_next_turn", "start_of_sources_next_turn" ->
                    Ending.startOfSourceNextTurn();
            case "save_ends", "save" -> Ending.saveEnds(a.optText("save_ability").orElseThrow(() ->
                    new GameException("ends=save_ends needs 'save_ability'")), dc.orElseThrow(() ->
                    new GameException("ends=save_ends needs a 'dc'")));
            case "until_removed", "removed", "none" -> Ending.untilRemoved();
            default -> throw new GameException("ends must be rounds, end_of_source_next_turn,"
                    + " start_of_source_next_turn, save_ends or until_removed; got '" + ends + "'");
        };
    }

    /** 'hidden' (DM only, or the listed players) or 'visibility' (default public). */
    Visibility visibility(Args a) {
        if (!a.bool("hidden", false)) {
            return Vocabulary.visibility(game, a, "public");
        }
        if (a.has("visibility")) {
            throw new GameException("pass either hidden or visibility, not both");
        }
        return Vocabulary.visibility(game, a, a.texts("players").isEmpty() ? "dm-only" : "subset");
    }
}
