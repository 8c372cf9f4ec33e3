package dm20.mcp.rules;

import java.util.Objects;

/**
 * One result of {@link Rulebook#search}.
 *
 * @param kind    what it is
 * @param name    its name, as {@code get_spell}/{@code get_monster}/… take it
 * @param summary one line: a spell's level and school, a monster's size, type and CR, an item's category
 * @param score   relevance; higher is better, only comparable within one search
 */
public record SearchHit(RuleKind kind, String name, String summary, double score) {

    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
    }
}
