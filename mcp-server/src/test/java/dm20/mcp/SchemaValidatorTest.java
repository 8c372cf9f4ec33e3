package dm20.mcp;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator's own check of the tools' plain input schemas against the library it stands in front of: for
 * every tool and thousands of argument maps (every JSON type, nulls, fractions, big numbers, missing and unknown
 * names), its answer is the library's, message included, and the arguments a DM sends are judged without the
 * library.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaValidatorTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final DefaultJsonSchemaValidator library = new DefaultJsonSchemaValidator(json);
    private List<SyncToolSpecification> tools;
    private SchemaValidator validator;

    @BeforeAll
    void wire(@TempDir Path root) {
        tools = AllTools.on(root).specifications();
        validator = new SchemaValidator(json, tools.stream().map(t -> t.tool().inputSchema()).toList());
    }

    @Test
    void everyToolsArgumentsOfTheirFirstTypesAreValidWithoutTheLibrary() {
        for (SyncToolSpecification t : tools) {
            Map<String, Object> schema = t.tool().inputSchema();
            Map<String, Object> args = new LinkedHashMap<>();
            properties(schema).forEach((name, p) -> args.put(name, valueOf(firstType(p))));
            assertThat(validator.acceptsPlainly(schema, args)).as(t.tool().name() + " " + args).isTrue();
            assertThat(library.validate(schema, args).valid()).as(t.tool().name()).isTrue();
            assertThat(validator.validate(schema, args).valid()).isTrue();
        }
    }

    @Test
    void answersAsTheLibraryDoesForOddArguments() {
        Random random = new Random(20261202);
        int plainly = 0;
        int invalid = 0;
        for (int round = 0; round < 40; round++) {
            for (SyncToolSpecification t : tools) {
                Map<String, Object> schema = t.tool().inputSchema();
                List<String> names = new ArrayList<>(properties(schema).keySet());
                names.add("not_a_parameter");
                Map<String, Object> args = new HashMap<>();
                for (String name : names) {
                    if (random.nextInt(3) > 0) {
                        args.put(name, odd(random));
                    }
                }
                ValidationResponse ours = validator.validate(schema, args);
                ValidationResponse theirs = library.validate(schema, args);
                assertThat(ours.valid()).as(t.tool().name() + " " + args).isEqualTo(theirs.valid());
                assertThat(ours.errorMessage()).as(t.tool().name() + " " + args).isEqualTo(theirs.errorMessage());
                plainly += validator.acceptsPlainly(schema, args) ? 1 : 0;
                invalid += theirs.valid() ? 0 : 1;
            }
        }
        assertThat(plainly).as("calls judged without the library").isGreaterThan(20);
        assertThat(invalid).as("calls the library refused").isGreaterThan(200);
    }

    @Test
    void schemasOfAnyOtherShapeAndNonMapContentGoToTheLibrary() {
        Map<String, Object> other = Map.of("type", "object", "properties", Map.of("n", Map.of("type", "integer",
                "minimum", 3)), "required", List.of("n"));
        SchemaValidator v = new SchemaValidator(json, List.of(other));
        assertThat(v.acceptsPlainly(other, Map.of("n", 1))).isFalse();
        assertThat(v.validate(other, Map.of("n", 1)).valid()).isFalse();
        assertThat(v.validate(other, Map.of("n", 4)).valid()).isTrue();
        Map<String, Object> plain = tools.getFirst().tool().inputSchema();
        assertThat(validator.validate(plain, "[1]").valid()).isEqualTo(library.validate(plain, "[1]").valid());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        return (Map<String, Map<String, Object>>) schema.getOrDefault("properties", Map.of());
    }

    private static String firstType(Map<String, Object> property) {
        Object type = property.get("type");
        return type instanceof List<?> l ? (String) l.getFirst() : (String) type;
    }

    private static Object valueOf(String type) {
        return switch (type) {
            case "string" -> "Thorin";
            case "integer" -> 3;
            case "boolean" -> true;
            case "array" -> List.of("a");
            case "object" -> Map.of("k", "v");
            default -> 1.5;
        };
    }

    private static Object odd(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> null;
            case 1 -> "text";
            case 2 -> "";
            case 3 -> 7;
            case 4 -> Long.MAX_VALUE;
            case 5 -> new BigInteger("123456789012345678901234567890");
            case 6 -> 1.0;
            case 7 -> 2.5;
            case 8 -> true;
            case 9 -> List.of();
            case 10 -> Arrays.asList("a", null);
            case 11 -> Map.of();
            case 12 -> Map.of("x", List.of(1));
            default -> "12";
        };
    }
}
