package dm20.mcp.rules;

import java.util.List;

/** Everything read from the SRD package, as records, in the package's order. Immutable. */
record SrdData(List<Spell> spells, List<Monster> monsters, List<Item> items, List<Condition> conditions,
               List<CharacterClass> classes, List<Race> races, List<Race.Trait> traits, List<Feature> features,
               List<Skill> skills, List<DamageType> damageTypes, List<Rule> weaponProperties) {

    SrdData {
        spells = List.copyOf(spells);
        monsters = List.copyOf(monsters);
        items = List.copyOf(items);
        conditions = List.copyOf(conditions);
        classes = List.copyOf(classes);
        races = List.copyOf(races);
        traits = List.copyOf(traits);
        features = List.copyOf(features);
        skills = List.copyOf(skills);
        damageTypes = List.copyOf(damageTypes);
        weaponProperties = List.copyOf(weaponProperties);
    }

    /** A named piece of rules text without more structure (a weapon property). */
    record Rule(String name, String description) {
    }
}
