package dm20.mcp.rules;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts the SRD's races and subraces; a subrace comes out merged with its parent race. Stateless. */
final class RaceParser {

    private RaceParser() {
    }

    static List<Race> parse(List<JsonNode> races, List<JsonNode> subraces) {
        List<Race> out = new ArrayList<>();
        for (JsonNode r : races) {
            Race race = race(r);
            out.add(race);
            subraces.stream().filter(s -> Json.text(s.path("race"), "name").equals(race.name()))
                    .map(s -> subrace(race, s)).forEach(out::add);
        }
        return out;
    }

    private static Race race(JsonNode r) {
        JsonNode options = r.path("ability_bonus_options");
        List<String> proficiencies = Json.names(r, "starting_proficiencies");
        String description = String.join("\n\n", List.of(Json.text(r, "age"), Json.text(r, "alignment"),
                Json.text(r, "size_description"), Json.text(r, "language_desc")).stream()
                .filter(s -> !s.isBlank()).toList());
        return new Race(Json.text(r, "name"), Optional.empty(), Json.integer(r, "speed", 30), Json.text(r, "size"),
                bonuses(r), Json.integer(options, "choose", 0),
                Json.names(options, "from").stream().map(SrdParser::ability).toList(), Json.names(r, "traits"),
                Json.names(r, "languages"), proficiencies, Json.names(r, "subraces"), description);
    }

    private static Race subrace(Race parent, JsonNode s) {
        Map<Ability, Integer> bonuses = new EnumMap<>(Ability.class);
        bonuses.putAll(parent.abilityBonuses());
        bonuses(s).forEach((a, b) -> bonuses.merge(a, b, Integer::sum));
        List<String> traits = new ArrayList<>(parent.traits());
        Json.names(s, "racial_traits").stream().filter(t -> !traits.contains(t)).forEach(traits::add);
        List<String> proficiencies = new ArrayList<>(parent.proficiencies());
        proficiencies.addAll(Json.names(s, "starting_proficiencies"));
        List<String> languages = new ArrayList<>(parent.languages());
        languages.addAll(Json.names(s, "languages"));
        String description = Json.text(s, "desc") + "\n\n" + parent.description();
        return new Race(Json.text(s, "name"), Optional.of(parent.name()), parent.speed(), parent.size(), bonuses,
                parent.bonusChoices(), parent.bonusOptions(), traits, languages, proficiencies, List.of(),
                description.strip());
    }

    private static Map<Ability, Integer> bonuses(JsonNode n) {
        Map<Ability, Integer> out = new EnumMap<>(Ability.class);
        Json.array(n, "ability_bonuses").forEach(b -> out.merge(SrdParser.ability(Json.text(b, "name")),
                Json.integer(b, "bonus", 0), Integer::sum));
        return out;
    }
}
