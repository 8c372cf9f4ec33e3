package dm20.mcp.rules;

import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts the SRD's equipment list; pack contents refer to other items by URL. Not thread-safe. */
final class ItemParser {

    private final Map<String, String> namesByIndex = new HashMap<>();

    List<Item> parse(List<JsonNode> equipment) {
        equipment.forEach(n -> namesByIndex.put(String.valueOf(Json.integer(n, "index", -1)), Json.text(n, "name")));
        return equipment.stream().map(this::item).toList();
    }

    private Item item(JsonNode n) {
        String cost = n.path("cost").isObject()
                ? Json.text(n.path("cost"), "quantity") + " " + Json.text(n.path("cost"), "unit") : "";
        String subcategory = firstNonBlank(Json.text(n, "category_range"), Json.text(n, "armor_category"),
                Json.text(n, "gear_category"), Json.text(n, "tool_category"), Json.text(n, "vehicle_category"));
        String desc = String.join("\n\n", List.of(Json.paragraphs(n, "desc"), Json.paragraphs(n, "special"))
                .stream().filter(s -> !s.isBlank()).toList());
        List<String> contents = Json.array(n, "contents").stream()
                .map(c -> Json.integer(c, "quantity", 1) + " " + itemName(Json.text(c, "item_url"))).toList();
        return new Item(Json.text(n, "name"), Json.text(n, "equipment_category"), subcategory, cost.strip(),
                n.path("weight").asDouble(0), desc, contents, weapon(n), armor(n));
    }

    private String itemName(String url) {
        String index = url.substring(url.lastIndexOf('/') + 1);
        return namesByIndex.getOrDefault(index, url);
    }

    private static Optional<Item.Weapon> weapon(JsonNode n) {
        if (!n.path("damage").isObject()) {
            return Optional.empty();
        }
        List<Integer> thrown = n.path("throw_range").isObject()
                ? List.of(Json.integer(n.path("throw_range"), "normal", 0), Json.integer(n.path("throw_range"), "long", 0))
                : List.of();
        return Optional.of(new Item.Weapon(Json.text(n, "weapon_category"),
                !Json.text(n, "weapon_range").equalsIgnoreCase("Ranged"), damage(n.path("damage")),
                n.path("2h_damage").isObject() ? Optional.of(damage(n.path("2h_damage"))) : Optional.empty(),
                Json.integer(n.path("range"), "normal", 5), Json.optInt(n.path("range"), "long"), thrown,
                Json.names(n, "properties")));
    }

    private static Damage damage(JsonNode d) {
        return new Damage(Json.text(d, "damage_dice"), Json.integer(d, "damage_bonus", 0),
                SrdParser.lower(Json.text(d.path("damage_type"), "name")));
    }

    private static Optional<Item.Armor> armor(JsonNode n) {
        JsonNode ac = n.path("armor_class");
        if (!ac.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Item.Armor(Json.text(n, "armor_category"), Json.integer(ac, "base", 10),
                Json.bool(ac, "dex_bonus"), Json.optInt(ac, "max_bonus"), Json.integer(n, "str_minimum", 0),
                Json.bool(n, "stealth_disadvantage")));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
