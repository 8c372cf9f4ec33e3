package dm20.mcp.rules;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts the SRD's classes, joining each with its level rows (subclass rows' features merged into the
 * class's row of that level), its spellcasting ability and its starting equipment. Not thread-safe.
 */
final class ClassParser {

    private static final String SKILL = "Skill: ";

    private final List<JsonNode> levels;
    private final Map<String, Ability> spellcasting = new HashMap<>();
    private final Map<String, JsonNode> startingEquipment = new HashMap<>();

    ClassParser(List<JsonNode> levels, List<JsonNode> spellcastingRows, List<JsonNode> startingEquipmentRows) {
        this.levels = levels;
        spellcastingRows.forEach(n -> spellcasting.put(Json.text(n.path("class"), "name"),
                SrdParser.ability(Json.text(n.path("spellcasting_ability"), "name"))));
        startingEquipmentRows.forEach(n -> startingEquipment.put(Json.text(n.path("class"), "name"), n));
    }

    List<CharacterClass> parse(List<JsonNode> classes) {
        return classes.stream().map(this::characterClass).toList();
    }

    private CharacterClass characterClass(JsonNode n) {
        String name = Json.text(n, "name");
        JsonNode skills = Json.array(n, "proficiency_choices").stream()
                .filter(c -> Json.names(c, "from").stream().allMatch(s -> s.startsWith(SKILL)))
                .findFirst().orElse(n.path("missing"));
        return new CharacterClass(name, Json.integer(n, "hit_die", 8),
                Json.names(n, "saving_throws").stream().map(SrdParser::ability).toList(),
                Json.names(n, "proficiencies"), Json.integer(skills, "choose", 0),
                Json.names(skills, "from").stream().map(s -> s.substring(SKILL.length())).toList(),
                Optional.ofNullable(spellcasting.get(name)), levels(name), Json.names(n, "subclasses"),
                equipment(Optional.ofNullable(startingEquipment.get(name))));
    }

    private List<CharacterClass.Level> levels(String className) {
        Map<Integer, List<String>> subclassFeatures = new HashMap<>();
        List<JsonNode> base = new ArrayList<>();
        for (JsonNode row : levels) {
            if (!Json.text(row.path("class"), "name").equals(className)) {
                continue;
            }
            if (Json.text(row.path("subclass"), "name").isBlank()) {
                base.add(row);
            } else {
                subclassFeatures.computeIfAbsent(Json.integer(row, "level", 0), k -> new ArrayList<>())
                        .addAll(Json.names(row, "features"));
            }
        }
        base.sort(java.util.Comparator.comparingInt(r -> Json.integer(r, "level", 0)));
        return base.stream().map(r -> level(r, subclassFeatures.getOrDefault(Json.integer(r, "level", 0),
                List.of()))).toList();
    }

    private static CharacterClass.Level level(JsonNode row, List<String> subclassFeatures) {
        JsonNode casting = row.path("spellcasting");
        List<Integer> slots = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            String field = "spell_slots_level_" + i;
            slots.add(Json.integer(casting, field, Json.integer(row, field, 0)));
        }
        List<String> features = new ArrayList<>(Json.names(row, "features"));
        features.addAll(subclassFeatures);
        return new CharacterClass.Level(Json.integer(row, "level", 0), Json.integer(row, "prof_bonus", 2),
                Json.integer(row, "ability_score_bonuses", 0), features, slots, Json.optInt(casting, "cantrips_known"),
                Json.optInt(casting, "spells_known"), classSpecific(row.path("class_specific")));
    }

    /** Whole-number columns; a dice column ("sneak_attack": {dice_count, dice_value}) becomes two keys. */
    private static Map<String, Integer> classSpecific(JsonNode n) {
        Map<String, Integer> out = new LinkedHashMap<>();
        n.properties().forEach(e -> {
            if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asInt());
            } else if (e.getValue().isObject()) {
                e.getValue().properties().stream().filter(x -> x.getValue().isNumber())
                        .forEach(x -> out.put(e.getKey() + "_" + x.getKey(), x.getValue().asInt()));
            }
        });
        return out;
    }

    private static CharacterClass.StartingEquipment equipment(Optional<JsonNode> n) {
        if (n.isEmpty()) {
            return new CharacterClass.StartingEquipment(List.of(), List.of());
        }
        JsonNode e = n.get();
        List<List<CharacterClass.StartingEquipment.Option>> choices = new ArrayList<>();
        for (int i = 1; e.has("choice_" + i); i++) {
            choices.add(Json.map(e, "choice_" + i, o -> new CharacterClass.StartingEquipment.Option(
                    Json.integer(o, "choose", 1), Json.map(o, "from", ClassParser::count))));
        }
        return new CharacterClass.StartingEquipment(Json.map(e, "starting_equipment", ClassParser::count), choices);
    }

    private static CharacterClass.ItemCount count(JsonNode n) {
        return new CharacterClass.ItemCount(Json.text(n.path("item"), "name"), Json.integer(n, "quantity", 1));
    }
}
