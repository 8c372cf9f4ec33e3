package dm20.mcp.rules;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Converts one SRD monster. Stateless. */
final class MonsterParser {

    private static final Pattern FEET = Pattern.compile("(\\d+)");
    private static final Pattern ATTACK_ROLL = Pattern.compile("(?i)attack:\\s*[+-]\\d+ to hit");

    private MonsterParser() {
    }

    static Monster monster(JsonNode n, DamageText damageText) {
        Map<Ability, Integer> saves = new EnumMap<>(Ability.class);
        Map<String, Integer> skills = new LinkedHashMap<>();
        for (JsonNode p : Json.array(n, "proficiencies")) {
            String name = Json.text(p, "name");
            int value = Json.integer(p, "value", 0);
            if (name.startsWith("Saving Throw: ")) {
                saves.put(SrdParser.ability(name.substring("Saving Throw: ".length())), value);
            } else if (name.startsWith("Skill: ")) {
                skills.put(name.substring("Skill: ".length()), value);
            }
        }
        double cr = n.path("challenge_rating").asDouble(0);
        return new Monster(Json.text(n, "name"), Json.text(n, "size"), Json.text(n, "type"),
                Json.optText(n, "subtype"), Json.text(n, "alignment"), Json.integer(n, "armor_class", 10),
                Json.integer(n, "hit_points", 1), Json.text(n, "hit_dice"), speed(n.path("speed")), scores(n),
                saves, skills, lower(Json.array(n, "damage_vulnerabilities")),
                lower(Json.array(n, "damage_resistances")), lower(Json.array(n, "damage_immunities")),
                Json.names(n, "condition_immunities"), senses(n.path("senses")), Json.text(n, "languages"), cr,
                ChallengeRating.xp(cr), Json.map(n, "special_abilities", MonsterParser::trait),
                actions(n, "actions", damageText), actions(n, "legendary_actions", damageText),
                actions(n, "reactions", damageText));
    }

    private static AbilityScores scores(JsonNode n) {
        return new AbilityScores(Json.integer(n, "strength", 10), Json.integer(n, "dexterity", 10),
                Json.integer(n, "constitution", 10), Json.integer(n, "intelligence", 10),
                Json.integer(n, "wisdom", 10), Json.integer(n, "charisma", 10));
    }

    private static Map<String, Integer> speed(JsonNode speed) {
        Map<String, Integer> out = new LinkedHashMap<>();
        speed.properties().forEach(e -> {
            if (e.getValue().isString()) {
                Matcher m = FEET.matcher(e.getValue().asString());
                if (m.find()) {
                    out.put(e.getKey(), Integer.parseInt(m.group(1)));
                }
            }
        });
        if (Json.bool(speed, "hover")) {
            out.put("hover", out.getOrDefault("fly", 0));
        }
        return out;
    }

    private static Map<String, String> senses(JsonNode senses) {
        Map<String, String> out = new LinkedHashMap<>();
        senses.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        return out;
    }

    private static List<String> lower(List<JsonNode> values) {
        return values.stream().map(v -> v.isString() ? v.asString() : Json.text(v, "name"))
                .filter(s -> !s.isBlank()).map(SrdParser::lower).toList();
    }

    private static Monster.Trait trait(JsonNode n) {
        return new Monster.Trait(Json.text(n, "name"), Json.text(n, "desc"), save(n.path("dc"), Json.text(n, "desc")));
    }

    private static List<Monster.Action> actions(JsonNode n, String field, DamageText damageText) {
        return Json.map(n, field, a -> action(a, damageText));
    }

    private static Monster.Action action(JsonNode a, DamageText damageText) {
        String desc = Json.text(a, "desc");
        List<Damage> damage = new ArrayList<>();
        for (JsonNode d : Json.array(a, "damage")) {
            damage(d).ifPresent(damage::add);
        }
        if (damage.isEmpty() && !Json.text(a, "damage_dice").isBlank()) {
            // a few actions give dice without a type; the description names the type
            damage.addAll(damageText.damage(desc).stream().limit(1).toList());
        }
        Optional<Integer> bonus = ATTACK_ROLL.matcher(desc).find() ? Json.optInt(a, "attack_bonus") : Optional.empty();
        return new Monster.Action(Json.text(a, "name"), desc, bonus, damage, save(a.path("dc"), desc),
                Json.map(a, "attacks", o -> action(o, damageText)));
    }

    /** One damage entry; a "choose one of" entry keeps the first option's dice and names every type. */
    private static Optional<Damage> damage(JsonNode d) {
        if (d.has("from")) {
            List<JsonNode> from = Json.array(d, "from");
            if (from.isEmpty()) {
                return Optional.empty();
            }
            String types = String.join(" or ", from.stream().map(o -> type(o)).filter(t -> !t.isEmpty()).toList());
            return damage(from.get(0)).map(x -> new Damage(x.dice(), x.bonus(), types));
        }
        String dice = Json.text(d, "damage_dice");
        if (dice.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Damage(dice, Json.integer(d, "damage_bonus", 0), type(d)));
    }

    private static String type(JsonNode d) {
        return SrdParser.lower(Json.text(d.path("damage_type"), "name"));
    }

    /**
     * The save an entry forces. Some entries mark a breath weapon's success as "none" (or misspell it)
     * although their text says "half as much damage"; the text wins.
     */
    private static Optional<SaveDc> save(JsonNode dc, String desc) {
        String ability = Json.text(dc.path("dc_type"), "name");
        if (ability.isBlank() || !dc.path("dc_value").isNumber()) {
            return Optional.empty();
        }
        String success = Json.text(dc, "success_type");
        return Optional.of(new SaveDc(SrdParser.ability(ability), dc.path("dc_value").asInt(),
                success.equals("half") || DamageText.halfOnSave(desc) ? "half" : "none"));
    }
}
