package dm20.mcp.tools;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/mcp-tools.md documents every registered tool and each of its parameters. */
class ToolDocsTest {

    @TempDir
    Path root;

    @Test
    void docs_everyToolAndParameter_isDocumented() throws IOException {
        String doc = Files.readString(Path.of("../docs/mcp-tools.md"));
        for (SyncToolSpecification spec : new Table(root).tools.specifications()) {
            String name = spec.tool().name();
            assertThat(doc).as("tool " + name).contains("### `" + name + "`");
            String section = doc.substring(doc.indexOf("### `" + name + "`"));
            int end = section.indexOf("\n### ", 5);
            String body = end < 0 ? section : section.substring(0, end);
            Map<String, Object> props = properties(spec);
            props.keySet().forEach(p -> assertThat(body).as(name + " parameter " + p).contains("`" + p + "`"));
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(SyncToolSpecification spec) {
        return (Map<String, Object>) spec.tool().inputSchema().get("properties");
    }

    /** Prints the generated reference part of docs/mcp-tools.md. */
    public static void main(String[] args) throws IOException {
        Path tmp = Files.createTempDirectory("docs");
        StringBuilder out = new StringBuilder();
        for (SyncToolSpecification spec : new Table(tmp).tools.specifications()) {
            out.append("### `").append(spec.tool().name()).append("`\n\n").append(spec.tool().description()).append("\n\n");
            Map<String, Object> props = properties(spec);
            if (props.isEmpty()) {
                out.append("No parameters.\n\n");
                continue;
            }
            out.append("| parameter | type | required | meaning |\n|---|---|---|---|\n");
            java.util.List<?> required = (java.util.List<?>) spec.tool().inputSchema().get("required");
            props.forEach((k, o) -> {
                Map<?, ?> v = (Map<?, ?>) o;
                out.append("| `").append(k).append("` | ").append(String.join("/",
                        ((java.util.List<?>) v.get("type")).stream().map(Object::toString).toList())).append(" | ")
                        .append(required.contains(k) ? "yes" : "").append(" | ")
                        .append(v.get("description").toString().replace("|", "\\|")).append(" |\n");
            });
            out.append('\n');
        }
        System.out.print(out);
    }
}
