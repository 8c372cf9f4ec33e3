package dm20.mcp.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The loaded SRD: its data, maps from name keys to records, and the search index. Immutable. */
record SrdLookup(SrdData data, Map<String, Spell> spells, Map<String, Monster> monsters, Map<String, Item> items,
                 Map<String, Condition> conditions, Map<String, CharacterClass> classes, Map<String, Race> races,
                 Map<String, Race.Trait> traits, Map<String, List<Feature>> features, Map<String, Skill> skills,
                 Map<String, DamageType> damageTypes, RuleIndex index) {

    SrdLookup(SrdData d) {
        this(d, byKey(d.spells(), Spell::name), byKey(d.monsters(), Monster::name), byKey(d.items(), Item::name),
                byKey(d.conditions(), Condition::name), byKey(d.classes(), CharacterClass::name),
                byKey(d.races(), Race::name), byKey(d.traits(), Race.Trait::name),
                d.features().stream().collect(Collectors.groupingBy(f -> Json.key(f.name()), LinkedHashMap::new,
                        Collectors.toUnmodifiableList())),
                byKey(d.skills(), Skill::name), byKey(d.damageTypes(), DamageType::name),
                new RuleIndex(SearchEntries.of(d)));
    }

    Optional<Spell> spell(String name) {
        return get(spells, name);
    }

    /** By name, then by the singular of a plural ("wolves" → "wolf", "goblins" → "goblin"). */
    Optional<Monster> monster(String name) {
        String key = Json.key(name);
        return get(monsters, name)
                .or(() -> key.endsWith("ves") ? get(monsters, key.substring(0, key.length() - 3) + "f") : Optional.empty())
                .or(() -> key.endsWith("es") ? get(monsters, key.substring(0, key.length() - 2)) : Optional.empty())
                .or(() -> key.endsWith("s") ? get(monsters, key.substring(0, key.length() - 1)) : Optional.empty());
    }

    Optional<Item> item(String name) {
        return get(items, name);
    }

    Optional<Condition> condition(String name) {
        return get(conditions, name);
    }

    Optional<CharacterClass> characterClass(String name) {
        return get(classes, name);
    }

    Optional<Race> race(String name) {
        return get(races, name);
    }

    Optional<Race.Trait> trait(String name) {
        return get(traits, name);
    }

    Optional<Skill> skill(String name) {
        return get(skills, name);
    }

    Optional<DamageType> damageType(String name) {
        return get(damageTypes, name);
    }

    List<Feature> features(String name) {
        return features.getOrDefault(Json.key(name), List.of());
    }

    Optional<Feature> feature(String className, String name) {
        return features(name).stream().filter(f -> f.className().equalsIgnoreCase(className.strip())).findFirst();
    }

    private static <T> Optional<T> get(Map<String, T> map, String name) {
        return Optional.ofNullable(map.get(Json.key(name)));
    }

    /** The first record of each name key wins (the SRD has no duplicate names within a kind). */
    private static <T> Map<String, T> byKey(List<T> list, Function<T, String> name) {
        Map<String, T> out = new LinkedHashMap<>();
        list.forEach(x -> out.putIfAbsent(Json.key(name.apply(x)), x));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** For tests and tools: every name of one kind's records. */
    static <T> List<String> names(List<T> list, Function<T, String> name) {
        return new ArrayList<>(list.stream().map(name).toList());
    }
}
