package dm20.mcp;

import dm20.mcp.party.PartyTools;
import dm20.mcp.tools.ToolInvoker;
import dm20.mcp.wiring.McpConfig;
import dm20.mcp.wiring.Wiring;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every tool the server lists, wired exactly as {@code McpMain} wires them, on a temp campaign root. */
public final class AllTools {

    private AllTools() {
    }

    public static ToolInvoker on(Path root) {
        return Wiring.wire(new McpConfig(root, McpConfig.DEFAULT_TURN, Optional.empty()), Clock.systemUTC(),
                List.of(PartyTools.factory(Map.of()))).invoker();
    }
}
