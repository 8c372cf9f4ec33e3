package dm20.mcp.engine;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.storage.CampaignStore;
import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.Viewer;
import dm20.protocol.Visibility;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The combat engine's parts over one {@link Game} and one {@link Compendium}, wired together, with the
 * condition clock listening to the turn order. Not thread-safe: callers hold the game lock.
 */
public final class Engine {

    /** The experience ledger's file in the campaign folder: total XP by character id. */
    static final String XP_FILE = "experience.json";

    /**
     * Experience for a finished fight.
     *
     * @param defeated monsters at 0 HP whose XP counts
     * @param each     XP per character (the total split evenly, rounded down)
     * @param totals   each character's XP so far, after this award
     */
    public record Award(int totalXp, int each, List<String> defeated, Map<String, Integer> totals) {
    }

    private final Battlefield field;
    private final Compendium compendium;
    private final JsonMapper json;
    private final Afflictions afflictions;
    private final Attacks attacks;
    private final Spells spells;
    private final Muster muster;
    private final Encounters encounters;
    private final TableDice dice;
    private final Wounds wounds;

    private Engine(Game game, Compendium compendium, JsonMapper json) {
        this.field = new Battlefield(game, json);
        this.compendium = compendium;
        this.json = json;
        this.dice = new TableDice(game.dice(), game.talk());
        this.afflictions = new Afflictions(field, dice);
        this.wounds = new Wounds(field, afflictions, dice);
        this.attacks = new Attacks(field, wounds, dice, compendium);
        this.spells = new Spells(field, wounds, afflictions, attacks, dice, compendium);
        this.muster = new Muster(field, dice, compendium);
        this.encounters = new Encounters(compendium);
    }

    /** The engine over {@code game}; it becomes the combat's turn listener (conditions tick at next_turn). */
    public static Engine create(Game game, Compendium compendium, JsonMapper json) {
        Engine e = new Engine(game, compendium, json);
        game.combat().onTurnPassed(e.afflictions::turnPassed);
        return e;
    }

    public Compendium compendium() {
        return compendium;
    }

    public Afflictions afflictions() {
        return afflictions;
    }

    public Attacks attacks() {
        return attacks;
    }

    public Spells spells() {
        return spells;
    }

    public Muster muster() {
        return muster;
    }

    public Encounters encounters() {
        return encounters;
    }

    /** The engine's state of the current fight (for tests and get_combat details). */
    public Battle battle() {
        return field.battle();
    }

    /**
     * Ends combat: the XP of every monster from the rules data at 0 HP is split evenly among the PCs in the
     * fight, added to their totals in the ledger and announced; the engine's fight state is cleared.
     */
    public Award endCombat(Visibility visibility) {
        CombatState s = field.combat();
        Battle b = field.battle();
        List<Combatant> fallen = s.order().stream().filter(c -> c.kind() != Kind.PC && c.downed()
                && b.block(c.id()).isPresent()).toList();
        int total = fallen.stream().mapToInt(c -> b.block(c.id()).orElseThrow().xp()).sum();
        List<Combatant> pcs = s.order().stream().filter(c -> c.kind() == Kind.PC).toList();
        int each = pcs.isEmpty() ? 0 : total / pcs.size();
        CampaignStore store = new CampaignStore(field.game().campaigns().current().dir(), json);
        Map<String, Integer> ledger = new LinkedHashMap<>(store.read(XP_FILE,
                new TypeReference<Map<String, Integer>>() { }).orElse(Map.of()));
        Map<String, Integer> totals = new LinkedHashMap<>();
        pcs.forEach(c -> {
            int now = ledger.getOrDefault(c.id(), 0) + each;
            ledger.put(c.id(), now);
            totals.put(c.name(), now);
        });
        field.game().combat().end(Viewer.dm());
        field.save(Battle.NONE);
        if (total > 0) {
            store.write(XP_FILE, ledger);
            dice.announce("The fight is over: " + total + " XP, " + each + " each for " + String.join(", ",
                    pcs.stream().map(Combatant::name).toList()) + ".", visibility);
        }
        return new Award(total, each, fallen.stream().map(Combatant::name).toList(), totals);
    }

    /** Whether a fight is on and {@code ref} names one of its combatants. */
    public boolean fights(String ref) {
        CombatState s = field.game().combat().state();
        return s.active() && dm20.mcp.game.Names.lookup(ref, s.order(), Combatant::id, Combatant::name).isPresent();
    }

    /**
     * Damage the DM applies by hand to a combatant, with the engine's consequences: the type against the
     * target's defenses (if given), death saves for a PC at 0 HP, a monster's death, concentration checks.
     *
     * @return the combatant afterwards
     */
    public Combatant damage(String targetRef, int amount, java.util.Optional<String> type, boolean magical,
                            Visibility visibility) {
        if (amount < 0) {
            throw new GameException("the amount must not be negative, got " + amount);
        }
        Creature t = field.creature(targetRef);
        int dealt = type.map(x -> DamageMath.afterDefenses(amount, x.strip().toLowerCase(java.util.Locale.ROOT),
                magical, t.defenses())).orElse(amount);
        wounds.damage(t, dealt, false, false, visibility);
        return field.creatureById(t.id()).combatant();
    }

    /** A character's experience total from the ledger. */
    public int experience(String characterId) {
        return new CampaignStore(field.game().campaigns().current().dir(), json)
                .read(XP_FILE, new TypeReference<Map<String, Integer>>() { }).orElse(Map.of())
                .getOrDefault(characterId, 0);
    }

    static GameException noCombat() {
        return new GameException("there is no combat; start_combat first");
    }
}
