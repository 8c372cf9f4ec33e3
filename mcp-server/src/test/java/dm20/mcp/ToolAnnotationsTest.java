package dm20.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every listed tool tells a client what it does (MCP annotations); the party loop answers with a schema. */
class ToolAnnotationsTest {

    @TempDir
    Path root;

    @Test
    void everyListedTool_declaresAllFourHints() {
        List<SyncToolSpecification> specs = AllTools.on(root).specifications();
        assertThat(specs).hasSizeGreaterThan(50);
        for (SyncToolSpecification spec : specs) {
            ToolAnnotations a = spec.tool().annotations();
            assertThat(a).as(spec.tool().name()).isNotNull();
            assertThat(List.of(a.readOnlyHint(), a.destructiveHint(), a.idempotentHint(), a.openWorldHint()))
                    .as(spec.tool().name()).doesNotContainNull();
        }
    }

    @Test
    void hints_matchWhatTheToolsDo() {
        Map<String, ToolAnnotations> byName = new java.util.HashMap<>();
        AllTools.on(root).specifications().forEach(s -> byName.put(s.tool().name(), s.tool().annotations()));
        byName.forEach((name, a) -> {
            if (name.startsWith("get_") || name.startsWith("list_")) {
                assertThat(a.readOnlyHint()).as(name).isTrue();
            }
            if (name.startsWith("create_") || name.startsWith("update_") || name.startsWith("delete_")) {
                assertThat(a.readOnlyHint()).as(name).isFalse();
            }
            assertThat(a.openWorldHint()).as(name + " reaches the phones iff it is a party tool")
                    .isEqualTo(name.startsWith("party_"));
        });
        assertThat(byName.get("delete_character").destructiveHint()).isTrue();
        assertThat(byName.get("roll_dice").idempotentHint()).isFalse();
        assertThat(byName.get("party_status").readOnlyHint()).isTrue();
    }

    @Test
    void partyLoopTools_haveAnOutputSchema_andOthersDoNot() {
        List<String> structured = List.of("party_start", "party_next", "party_wait", "party_status");
        for (SyncToolSpecification spec : AllTools.on(root).specifications()) {
            if (structured.contains(spec.tool().name())) {
                assertThat(spec.tool().outputSchema()).as(spec.tool().name()).containsEntry("type", "object")
                        .containsKey("properties");
            }
        }
        assertThat(AllTools.on(root).specifications()).filteredOn(s -> s.tool().outputSchema() != null)
                .extracting(s -> s.tool().name()).containsAll(structured);
    }
}
