package dm20.mcp.tools;

import dm20.mcp.AllTools;
import dm20.mcp.prompts.CommandFile;
import dm20.mcp.prompts.PromptCatalog;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/mcp-tools.md documents every tool the server lists (each parameter, its hints and its structured
 * output's fields), every prompt (each argument) and every resource (its URI and name).
 */
class ToolDocsTest {

    static final Path DOC = Path.of("../docs/mcp-tools.md");

    @TempDir
    Path root;

    @Test
    void docs_everyToolParameterHintAndOutputField_isDocumented() throws IOException {
        String doc = Files.readString(DOC);
        List<SyncToolSpecification> specs = AllTools.on(root).specifications();
        assertThat(specs).extracting(s -> s.tool().name()).contains("party_start", "party_next", "session_start",
                "add_session_note");
        for (SyncToolSpecification spec : specs) {
            String name = spec.tool().name();
            assertThat(doc).as("tool " + name).contains("### `" + name + "`");
            String body = section(doc, "### `" + name + "`");
            properties(spec.tool().inputSchema()).keySet()
                    .forEach(p -> assertThat(body).as(name + " parameter " + p).contains("`" + p + "`"));
            assertThat(body).as(name + " hints").contains(hints(spec.tool().annotations()));
            if (spec.tool().outputSchema() != null) {
                assertThat(body).as(name + " output").contains(output(spec.tool().outputSchema()));
            }
        }
    }

    @Test
    void docs_everyPromptAndArgument_isDocumented() throws IOException {
        String prompts = section(Files.readString(DOC), "## Prompts");
        for (CommandFile c : PromptCatalog.packaged().commands()) {
            assertThat(prompts).as("prompt " + c.name()).contains("| `" + c.name() + "` | `/dm:" + c.name() + "` |");
            c.arguments().forEach(a -> assertThat(prompts).as(c.name() + " argument " + a.name())
                    .contains("`" + a.name() + "`"));
        }
    }

    /** What the server does with an unknown tool (a JSON-RPC error, checked by McpServerIT over stdio) is what the docs promise. */
    @Test
    void docs_unknownTool_promiseTheProtocolErrorTheServerSends() throws IOException {
        String errors = Files.readString(Path.of("../docs/mcp-tools.md"));
        errors = errors.substring(errors.indexOf("## Errors"));
        assertThat(errors).contains("-32602").contains("Tool not found: <name>")
                .doesNotContain("the same for tools (`no tool named");
    }

    @Test
    void docs_everyResource_isInTheResourcesTable() throws IOException {
        String resources = section(Files.readString(DOC), "## Resources");
        var specs = dm20.mcp.wiring.Wiring.wire(new dm20.mcp.wiring.McpConfig(root, dm20.mcp.wiring.McpConfig.DEFAULT_TURN,
                java.util.Optional.empty()), java.time.Clock.systemUTC(), List.of(dm20.mcp.party.PartyTools.factory(Map.of())))
                .resources().specifications();
        assertThat(specs).extracting(s -> s.resource().uri()).containsExactlyElementsOf(
                dm20.mcp.resources.CampaignResources.URIS);
        for (var spec : specs) {
            assertThat(resources).as("resource " + spec.resource().uri())
                    .contains("| `" + spec.resource().uri() + "` | `" + spec.resource().name() + "` |");
        }
    }

    private static String section(String doc, String heading) {
        int start = doc.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        String rest = doc.substring(start);
        int end = rest.indexOf(heading.startsWith("## ") ? "\n## " : "\n### ", 5);
        return end < 0 ? rest : rest.substring(0, end);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }

    /** The hints line of a tool's section. */
    static String hints(ToolAnnotations a) {
        if (a.readOnlyHint()) {
            return "Hints: read-only" + (a.openWorldHint() ? ", reaches the relay" : "") + ".";
        }
        return "Hints: " + (a.destructiveHint() ? "destructive" : "additive") + ", "
                + (a.idempotentHint() ? "idempotent" : "not idempotent")
                + (a.openWorldHint() ? ", reaches the relay and the phones" : "") + ".";
    }

    /** The structured output line of a tool's section. */
    static String output(Map<String, Object> schema) {
        return "Structured output (fields): " + String.join(", ", properties(schema).keySet().stream()
                .map(k -> "`" + k + "`").toList()) + ".";
    }

    /** Prints the generated parts of docs/mcp-tools.md: the prompts table and the tool reference. */
    public static void main(String[] args) throws IOException {
        StringBuilder out = new StringBuilder("## Prompts\n\n| prompt | Claude Code command | arguments | what it does |\n"
                + "|---|---|---|---|\n");
        for (CommandFile c : PromptCatalog.packaged().commands()) {
            out.append("| `").append(c.name()).append("` | `/dm:").append(c.name()).append("` | ")
                    .append(c.arguments().isEmpty() ? "" : String.join(", ", c.arguments().stream()
                            .map(a -> "`" + a.name() + "`" + (a.required() ? "" : "?")).toList()))
                    .append(" | ").append(c.description().replace("|", "\\|")).append(" |\n");
        }
        out.append("\n## Reference\n\n");
        for (SyncToolSpecification spec : AllTools.on(Files.createTempDirectory("docs")).specifications()) {
            out.append("### `").append(spec.tool().name()).append("`\n\n").append(spec.tool().description()).append("\n\n");
            out.append(hints(spec.tool().annotations())).append('\n');
            if (spec.tool().outputSchema() != null) {
                out.append(output(spec.tool().outputSchema())).append('\n');
            }
            out.append('\n');
            Map<String, Object> props = properties(spec.tool().inputSchema());
            if (props.isEmpty()) {
                out.append("No parameters.\n\n");
                continue;
            }
            out.append("| parameter | type | required | meaning |\n|---|---|---|---|\n");
            List<?> required = (List<?>) spec.tool().inputSchema().get("required");
            props.forEach((k, o) -> {
                Map<?, ?> v = (Map<?, ?>) o;
                out.append("| `").append(k).append("` | ").append(String.join("/",
                        ((List<?>) v.get("type")).stream().map(Object::toString).toList())).append(" | ")
                        .append(required.contains(k) ? "yes" : "").append(" | ")
                        .append(v.get("description").toString().replace("|", "\\|")).append(" |\n");
            });
            out.append('\n');
        }
        System.out.print(out);
    }
}
