package dm20.mcp.engine;

import dm20.mcp.game.Campaign;
import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.game.Names;
import dm20.mcp.game.Sheets;
import dm20.mcp.storage.CampaignStore;
import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.ConditionTag;
import dm20.protocol.Viewer;
import dm20.protocol.sheet.CharacterSheet;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine finds and keeps its fight: the {@link Battle} of the current campaign (saved as
 * {@value #FILE} in its folder), combatants looked up as {@link Creature}s, and the condition tags the table
 * sees brought up to date on the combat order (and on a PC's sheet). Not thread-safe: callers hold the game
 * lock.
 */
final class Battlefield {

    static final String FILE = "battle.json";

    private final Game game;
    private final JsonMapper json;
    private Campaign cachedFor;
    private Battle cached = Battle.NONE;

    Battlefield(Game game, JsonMapper json) {
        this.game = game;
        this.json = json;
    }

    Game game() {
        return game;
    }

    /** The current fight's engine state; {@link Battle#NONE} when no combat runs. */
    Battle battle() {
        Campaign c = game.campaigns().current();
        if (c != cachedFor) {
            cached = store(c).read(FILE, new TypeReference<Battle>() { }).orElse(Battle.NONE);
            cachedFor = c;
        }
        return c.combat().active() ? cached : Battle.NONE;
    }

    /** Saves the fight's engine state. */
    void save(Battle b) {
        Campaign c = game.campaigns().current();
        store(c).write(FILE, b);
        cached = b;
        cachedFor = c;
    }

    /** The active combat. @throws GameException if there is none */
    CombatState combat() {
        CombatState s = game.combat().state();
        if (!s.active()) {
            throw new GameException("there is no combat; start_combat first");
        }
        return s;
    }

    /** A combatant by name or id, with its sheet or stat block. @throws GameException with "did you mean" */
    Creature creature(String ref) {
        CombatState s = combat();
        Combatant c = Names.find("combatant", ref, s.order(), Combatant::id, Combatant::name);
        return creature(c);
    }

    /** The current view of a combatant by id. */
    Creature creatureById(String id) {
        Combatant c = combat().order().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new GameException("no combatant " + id + " in this fight"));
        return creature(c);
    }

    Creature creature(Combatant c) {
        Optional<CharacterSheet> sheet = c.characterId().flatMap(id -> game.campaigns().current().character(id));
        return new Creature(c, sheet, battle().block(c.id()));
    }

    /** A combatant's name by id (for "end of Goblin's next turn"); the id when it has left. */
    String nameOf(String id) {
        return game.combat().state().order().stream().filter(x -> x.id().equals(id)).map(Combatant::name)
                .findFirst().orElse(id);
    }

    /**
     * Recomputes the condition tags of a combatant from the fight (its conditions, its concentration, a
     * monster's death) and stores them on the combat order; for a PC also mirrors the condition names onto
     * the sheet, adding {@code added} and dropping {@code dropped} names no longer in force.
     */
    void refresh(String combatantId, List<String> added, List<String> dropped) {
        Battle b = battle();
        Creature who = creatureById(combatantId);
        List<ConditionTag> tags = new ArrayList<>();
        who.combatant().conditions().stream().filter(t -> t.name().equals("dead") || t.name().equals("unconscious")
                && !b.conditions().stream().anyMatch(x -> x.targetId().equals(combatantId) && x.name().equals("unconscious")))
                .forEach(tags::add);
        b.conditions().stream().filter(x -> x.targetId().equals(combatantId))
                .map(x -> new ConditionTag(x.name(), x.ending().describe(x.sourceId().map(this::nameOf)
                        .orElse(who.name())), x.hidden()))
                .forEach(tags::add);
        b.concentration(combatantId).ifPresent(k -> tags.add(new ConditionTag("concentrating",
                Optional.of(k.spell()), false)));
        if (who.pc()) {
            mirrorOnSheet(who, added, dropped, b);
        }
        game.combat().update(creatureById(combatantId).combatant().withConditions(tags));
    }

    /** Stores a combatant's changed HP/downed flag and tags. */
    void update(Combatant c) {
        game.combat().update(c);
    }

    private void mirrorOnSheet(Creature who, List<String> added, List<String> dropped, Battle b) {
        CharacterSheet s = who.sheet().orElseThrow();
        List<String> names = new ArrayList<>(s.conditions());
        added.stream().filter(n -> names.stream().noneMatch(n::equalsIgnoreCase)).forEach(names::add);
        dropped.stream().filter(n -> b.conditions().stream()
                        .noneMatch(x -> x.targetId().equals(who.id()) && x.name().equalsIgnoreCase(n)))
                .forEach(n -> names.removeIf(n::equalsIgnoreCase));
        if (!names.equals(s.conditions())) {
            CharacterSheet changed = game.characters().change(Viewer.dm(), s.id(), x -> Sheets.withConditions(x, names));
            game.combat().syncPc(changed);
        }
    }

    private CampaignStore store(Campaign c) {
        return new CampaignStore(c.dir(), json);
    }
}
