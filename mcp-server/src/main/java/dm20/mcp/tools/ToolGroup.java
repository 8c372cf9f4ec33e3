package dm20.mcp.tools;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.List;

/** A set of related tools. {@code McpMain} registers a list of groups; a new feature adds one group. */
@FunctionalInterface
public interface ToolGroup {

    /** The tools of this group, built with a {@link ToolKit} so they share one vocabulary. */
    List<SyncToolSpecification> tools();
}
