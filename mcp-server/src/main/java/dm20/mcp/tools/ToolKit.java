package dm20.mcp.tools;

import dm20.mcp.game.GameException;
import dm20.mcp.game.GameLock;
import dm20.mcp.storage.StorageException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds tool specifications with the shared conventions: argument checking through {@link Args}, results
 * through {@link Results}, {@link GameException}, storage problems and invalid values ({@link IllegalArgumentException} from
 * a record's invariants) turned into {@code isError} results, and the {@link GameLock} held around the
 * handler. Other exceptions are bugs and propagate. Thread-safe.
 */
public final class ToolKit {

    private final GameLock lock;
    private final JsonMapper json;
    private final Results results;

    public ToolKit(GameLock lock, JsonMapper json) {
        this.lock = lock;
        this.json = json;
        this.results = new Results(json);
    }

    /** A tool whose handler runs holding the game lock; the handler returns the value to report. */
    public SyncToolSpecification tool(String name, String description, List<Param> params,
                                      Function<Args, Object> handler) {
        return spec(name, description, params, args -> lock.call(() -> handler.apply(args)));
    }

    /**
     * A tool whose handler runs without the game lock, for calls that block (e.g. waiting for an action);
     * the handler must take the lock itself around any game state it touches.
     */
    public SyncToolSpecification unlockedTool(String name, String description, List<Param> params,
                                              Function<Args, Object> handler) {
        return spec(name, description, params, handler);
    }

    /** The JSON rules shared by tool arguments, results and storage. */
    public JsonMapper json() {
        return json;
    }

    /** The result builder, for handlers that need to build a result themselves. */
    public Results results() {
        return results;
    }

    private SyncToolSpecification spec(String name, String description, List<Param> params,
                                       Function<Args, Object> handler) {
        Tool tool = Tool.builder().name(name).description(description).inputSchema(Param.schema(params)).build();
        return new SyncToolSpecification(tool, (exchange, request) -> call(name, params, handler,
                request.arguments() == null ? Map.of() : request.arguments()));
    }

    private CallToolResult call(String name, List<Param> params, Function<Args, Object> handler,
                                Map<String, Object> arguments) {
        try {
            return results.ok(handler.apply(new Args(name, arguments, params, json)));
        } catch (GameException e) {
            return Results.error(e.getMessage());
        } catch (StorageException e) {
            return Results.error(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Results.error(name + ": invalid value: " + e.getMessage());
        }
    }
}
