package dm20.mcp.rules;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link Rulebook} of the SRD 5.1, read from the jar on first use (≈ 0.3–0.5 s on a cold JVM), so the
 * server's start does not pay for it. Thread-safe: the first caller loads while concurrent callers wait;
 * afterwards every read is lock-free over immutable data.
 */
public final class SrdRulebook implements Rulebook {

    private final Supplier<SrdData> source;
    private volatile SrdLookup loaded;

    /** The rulebook of the SRD data the build packed into the jar. */
    public SrdRulebook() {
        this(() -> new SrdParser().parse());
    }

    SrdRulebook(Supplier<SrdData> source) {
        this.source = source;
    }

    /**
     * Loads the data now if not yet loaded (e.g. from a background thread after start).
     *
     * @throws IllegalStateException if the packed data is missing or malformed (a build defect)
     */
    @Override
    public void load() {
        data();
    }

    /** Whether the data has been loaded. */
    public boolean loaded() {
        return loaded != null;
    }

    private SrdLookup data() {
        SrdLookup l = loaded;
        if (l == null) {
            synchronized (this) {
                l = loaded;
                if (l == null) {
                    l = new SrdLookup(source.get());
                    loaded = l;
                }
            }
        }
        return l;
    }

    @Override
    public List<Spell> spells() {
        return data().data().spells();
    }

    @Override
    public Optional<Spell> spell(String name) {
        return data().spell(name);
    }

    @Override
    public List<Monster> monsters() {
        return data().data().monsters();
    }

    @Override
    public Optional<Monster> monster(String name) {
        return data().monster(name);
    }

    @Override
    public List<Item> items() {
        return data().data().items();
    }

    @Override
    public Optional<Item> item(String name) {
        return data().item(name);
    }

    @Override
    public List<Condition> conditions() {
        return data().data().conditions();
    }

    @Override
    public Optional<Condition> condition(String name) {
        return data().condition(name);
    }

    @Override
    public List<CharacterClass> classes() {
        return data().data().classes();
    }

    @Override
    public Optional<CharacterClass> characterClass(String name) {
        return data().characterClass(name);
    }

    @Override
    public List<Race> races() {
        return data().data().races();
    }

    @Override
    public Optional<Race> race(String name) {
        return data().race(name);
    }

    @Override
    public List<Race.Trait> traits() {
        return data().data().traits();
    }

    @Override
    public Optional<Race.Trait> trait(String name) {
        return data().trait(name);
    }

    @Override
    public List<Feature> features() {
        return data().data().features();
    }

    @Override
    public Optional<Feature> feature(String className, String name) {
        return data().feature(className, name);
    }

    @Override
    public List<Feature> features(String name) {
        return data().features(name);
    }

    @Override
    public List<Skill> skills() {
        return data().data().skills();
    }

    @Override
    public Optional<Skill> skill(String name) {
        return data().skill(name);
    }

    @Override
    public List<DamageType> damageTypes() {
        return data().data().damageTypes();
    }

    @Override
    public Optional<DamageType> damageType(String name) {
        return data().damageType(name);
    }

    @Override
    public List<SearchHit> search(String query, Set<RuleKind> kinds, int limit) {
        return data().index().search(query, kinds, limit);
    }
}
