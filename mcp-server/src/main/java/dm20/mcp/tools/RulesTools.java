package dm20.mcp.tools;

import dm20.mcp.game.GameException;
import dm20.mcp.rules.CharacterClass;
import dm20.mcp.rules.RuleKind;
import dm20.mcp.rules.Rulebook;
import dm20.mcp.rules.SearchHit;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.LIST;
import static dm20.mcp.tools.Param.Type.TEXT;

/**
 * search_rules, get_spell, get_monster, get_item, get_condition, get_class, get_race: the SRD 5.1 for the
 * DM. Answers lead with the fields a DM needs at the table; {@code detail: true} adds the full text. A miss
 * names what is close. They read immutable data, so they run without the game lock.
 */
public final class RulesTools implements ToolGroup {

    private static final String SRD = " Text from the SRD 5.1 (Wizards of the Coast, CC-BY-4.0).";
    private static final Param DETAIL = Param.optional("detail", BOOLEAN,
            "true for the full rules text (default: key fields and a short summary)");

    private final ToolKit kit;
    private final Rulebook rules;

    public RulesTools(ToolKit kit, Rulebook rules) {
        this.kit = kit;
        this.rules = rules;
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.unlockedTool("search_rules", Hints.READ, "Search the D&D 5e rules (spells, monsters, items, conditions, class"
                        + " features, classes, races, traits, skills) by name or words; typos are forgiven; best"
                        + " match first. Then use get_spell/get_monster/… for one entry." + SRD, List.of(
                        Param.required("query", TEXT, "words or a name, e.g. \"fireball\", \"frightened\","
                                + " \"breath weapon cold\""),
                        Param.optional("kinds", LIST, "only these kinds: spell, monster, item, condition, feature,"
                                + " class, race, trait, skill, damage_type, weapon_property (default: all)"),
                        Param.optional("limit", INTEGER, "at most this many results, 1-50 (default 8)")),
                        this::search),
                lookup("get_spell", "A spell: level, school, casting time, range, components, duration,"
                        + " concentration, save, damage, classes; detail adds the full text.", RuleKind.SPELL,
                        (n, d) -> rules.spell(n).map(s -> RuleViews.spell(s, d))),
                lookup("get_monster", "A monster's stat block: AC, HP (average and dice), speed, abilities,"
                        + " saves, skills, resistances/immunities, senses, CR and XP, actions with attack bonus and"
                        + " damage; detail adds every trait's and action's text.", RuleKind.MONSTER,
                        (n, d) -> rules.monster(n).map(m -> RuleViews.monster(m, d))),
                lookup("get_item", "Equipment: cost, weight, and for weapons damage and properties (finesse,"
                        + " versatile, ranged …), for armor AC, DEX cap, STR minimum and stealth.", RuleKind.ITEM,
                        (n, d) -> rules.item(n).map(i -> RuleViews.item(i, d))),
                lookup("get_condition", "A condition's effects (blinded, charmed, grappled, prone …).",
                        RuleKind.CONDITION, (n, d) -> rules.condition(n).map(RuleViews::condition)),
                kit.unlockedTool("get_class", Hints.READ, "A class: hit die, saving throws, proficiencies, spellcasting ability,"
                        + " and its level table (proficiency bonus, features gained, spell slots by level 1-20);"
                        + " give level for one row." + SRD, List.of(
                        Param.required("name", TEXT, "class name, e.g. Wizard"),
                        Param.optional("level", INTEGER, "only this level's row, 1-20 (its features with text)"),
                        DETAIL), this::characterClass),
                lookup("get_race", "A race or subrace: speed, size, ability bonuses, traits, languages.",
                        RuleKind.RACE, (n, d) -> rules.race(n).map(r -> RuleViews.race(r, d, rules))));
    }

    private SyncToolSpecification lookup(String tool, String description, RuleKind kind,
                                         BiFunction<String, Boolean, Optional<? extends RuleAnswer>> find) {
        return kit.unlockedTool(tool, Hints.READ, description + SRD, List.of(Param.required("name", TEXT, kind.key()
                + " name (any case)"), DETAIL), a -> {
                    String name = a.text("name");
                    return find.apply(name, a.bool("detail", false))
                            .orElseThrow(() -> miss(kind, name));
                });
    }

    private Object search(Args a) {
        int limit = a.optInt("limit").orElse(8);
        if (limit < 1 || limit > 50) {
            throw new GameException("'limit' must be 1-50, got " + limit);
        }
        Set<RuleKind> kinds = EnumSet.noneOf(RuleKind.class);
        for (String k : a.texts("kinds")) {
            kinds.add(RuleKind.parse(k).orElseThrow(() -> new GameException("unknown kind '" + k + "'; use spell,"
                    + " monster, item, condition, feature, class, race, trait, skill, damage_type or weapon_property")));
        }
        List<SearchHit> hits = rules.search(a.text("query"), kinds, limit);
        return new RuleAnswer.Search(a.text("query"), hits.stream().map(h -> new RuleAnswer.Hit(h.kind().key(),
                h.name(), h.summary())).toList(), hits.isEmpty() ? Optional.of("nothing matched; try fewer or other"
                + " words") : Optional.empty(), Rulebook.SHORT_ATTRIBUTION);
    }

    private Object characterClass(Args a) {
        String name = a.text("name");
        CharacterClass c = rules.characterClass(name).orElseThrow(() -> miss(RuleKind.CLASS, name));
        Optional<Integer> level = a.optInt("level");
        level.filter(l -> l < 1 || l > 20).ifPresent(l -> {
            throw new GameException("'level' must be 1-20, got " + l);
        });
        return RuleViews.characterClass(c, level, a.bool("detail", false), rules);
    }

    private GameException miss(RuleKind kind, String name) {
        List<String> close = rules.suggest(kind, name, 3);
        String label = kind.key().replace('_', ' ');
        return new GameException("no " + label + " named '" + name + "' in the SRD 5.1"
                + (close.isEmpty() ? "; try search_rules" : " — did you mean " + String.join(", ",
                close.stream().map(c -> "'" + c + "'").toList()) + "?"));
    }
}
