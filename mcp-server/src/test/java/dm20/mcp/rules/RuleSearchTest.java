package dm20.mcp.rules;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RuleSearchTest {

    private static final Rulebook RULES = SrdRulebookTest.RULES;

    private static List<String> names(String query) {
        return RULES.search(query, Set.of(), 10).stream().map(SearchHit::name).toList();
    }

    @Test
    void search_misspelledName_findsFireball() {
        assertThat(names("firebal")).first().isEqualTo("Fireball");
        assertThat(names("fierball")).first().isEqualTo("Fireball");
        assertThat(names("FIREBALL")).first().isEqualTo("Fireball");
    }

    @Test
    void search_exactName_ranksBeforeNamesThatContainIt() {
        assertThat(names("goblin")).first().isEqualTo("Goblin");
        assertThat(names("goblin")).contains("Hobgoblin");
        assertThat(names("wolf")).first().isEqualTo("Wolf");
        assertThat(names("cure wounds")).first().isEqualTo("Cure Wounds");
        assertThat(names("mass cure wounds")).first().isEqualTo("Mass Cure Wounds");
    }

    @Test
    void search_words_findTextAcrossKinds() {
        List<SearchHit> hits = RULES.search("advantage attack rolls against", Set.of(), 20);
        assertThat(hits).extracting(SearchHit::kind).contains(RuleKind.CONDITION);
        assertThat(names("frightened")).first().isEqualTo("Frightened");
        assertThat(names("sneak attack")).first().isEqualTo("Sneak Attack");
        assertThat(names("hill dwarf")).first().isEqualTo("Hill Dwarf");
    }

    @Test
    void search_kinds_restrictTheResults() {
        List<SearchHit> hits = RULES.search("fire", Set.of(RuleKind.MONSTER), 10);
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.kind()).isEqualTo(RuleKind.MONSTER));
    }

    @Test
    void search_nonsenseOrBlank_findsNothing() {
        assertThat(names("qqqqzzzz")).isEmpty();
        assertThat(names("  ")).isEmpty();
        assertThat(RULES.search("fireball", Set.of(), 0)).isEmpty();
    }

    @Test
    void suggest_closeNames_forDidYouMean() {
        assertThat(RULES.suggest(RuleKind.SPELL, "magic misile", 3)).first().isEqualTo("Magic Missile");
        assertThat(RULES.suggest(RuleKind.MONSTER, "owlbeer", 3)).first().isEqualTo("Owlbear");
        assertThat(RULES.suggest(RuleKind.CONDITION, "stuned", 3)).first().isEqualTo("Stunned");
    }
}
