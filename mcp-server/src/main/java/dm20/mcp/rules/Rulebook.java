package dm20.mcp.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the game: every spell, monster, item, condition, class, race, feature, skill and damage
 * type, found by name or by a ranked full-text search.
 *
 * <p>Names are matched ignoring case, spaces and punctuation ("fire ball" finds no spell, "FIREBALL" and
 * "fireball" find Fireball; "half orc" finds Half-Orc). {@link #monster} also takes a plural ("goblins").
 * A miss is an empty {@code Optional}; {@link #suggest} names what is close, for "did you mean".
 *
 * <p>Implementations are immutable after loading and safe to use from any thread. Lists are immutable and
 * in the source's order.
 */
public interface Rulebook {

    /** The licence notice every answer that quotes SRD text must carry. */
    String ATTRIBUTION = "This work includes material taken from the System Reference Document 5.1 (\"SRD 5.1\") by"
            + " Wizards of the Coast LLC, available at https://dnd.wizards.com/resources/systems-reference-document."
            + " The SRD 5.1 is licensed under the Creative Commons Attribution 4.0 International License"
            + " (https://creativecommons.org/licenses/by/4.0/legalcode).";

    /** A short form of {@link #ATTRIBUTION} for tool results. */
    String SHORT_ATTRIBUTION = "SRD 5.1 © Wizards of the Coast, CC-BY-4.0";

    /**
     * Loads the data now if the implementation loads lazily (a no-op otherwise), e.g. from a background
     * thread once the server is up, so the first lookup is fast.
     */
    default void load() {
    }

    List<Spell> spells();

    Optional<Spell> spell(String name);

    List<Monster> monsters();

    /** A monster by name, or by its plural ("goblins", "wolves"). */
    Optional<Monster> monster(String name);

    List<Item> items();

    Optional<Item> item(String name);

    List<Condition> conditions();

    Optional<Condition> condition(String name);

    List<CharacterClass> classes();

    /** A class by name ("fighter"). */
    Optional<CharacterClass> characterClass(String name);

    /** Races and subraces ({@link Race#parent} says which). */
    List<Race> races();

    /** A race or subrace by name ("Hill Dwarf" comes with Dwarf's traits merged in). */
    Optional<Race> race(String name);

    List<Race.Trait> traits();

    Optional<Race.Trait> trait(String name);

    List<Feature> features();

    /** A class feature by name, in one class ("Fighter", "Second Wind"). */
    Optional<Feature> feature(String className, String name);

    /** Features named {@code name} in any class ("Extra Attack" is in four). */
    List<Feature> features(String name);

    List<Skill> skills();

    Optional<Skill> skill(String name);

    List<DamageType> damageTypes();

    Optional<DamageType> damageType(String name);

    /**
     * The best matches for {@code query} over names and texts of the given kinds (all kinds if empty),
     * best first: an exact name first, then names that start with or contain the words, then text matches.
     * Words may be misspelled (one edit in words of 4+ letters, two in words of 8+). At most {@code limit}.
     */
    List<SearchHit> search(String query, Set<RuleKind> kinds, int limit);

    /** Up to {@code limit} names of {@code kind} close to {@code query}, closest first, for "did you mean". */
    default List<String> suggest(RuleKind kind, String query, int limit) {
        return search(query, Set.of(kind), limit).stream().map(SearchHit::name).toList();
    }
}
