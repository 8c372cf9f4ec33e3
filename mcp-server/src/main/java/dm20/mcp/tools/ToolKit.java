package dm20.mcp.tools;

import dm20.mcp.game.GameException;
import dm20.mcp.game.GameLock;
import dm20.mcp.storage.StorageException;
import dm20.protocol.queue.Hop;
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
 * handler. Every tool declares its {@link Hints} (MCP annotations). Other exceptions are bugs and propagate.
 * Thread-safe.
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
    public SyncToolSpecification tool(String name, Hints hints, String description, List<Param> params,
                                      Function<Args, Object> handler) {
        return spec(tool(name, hints, description, params), params,
                args -> results.ok(lock.call(() -> handler.apply(args))));
    }

    /**
     * A tool whose handler runs without the game lock, for calls that block (e.g. waiting for an action);
     * the handler must take the lock itself around any game state it touches.
     */
    public SyncToolSpecification unlockedTool(String name, Hints hints, String description, List<Param> params,
                                              Function<Args, Object> handler) {
        return spec(tool(name, hints, description, params), params, args -> results.ok(handler.apply(args)));
    }

    /**
     * A tool with structured output, run without the game lock (like {@link #unlockedTool}): its answer is of
     * type {@code output} (a record, or a sealed interface of records), whose JSON schema ({@link RecordSchema})
     * is the tool's output schema. The result carries the answer as structured content and as JSON text.
     */
    public <R> SyncToolSpecification unlockedTool(String name, Hints hints, String description, List<Param> params,
                                                  Class<R> output, Function<Args, ? extends R> handler) {
        return unlockedTool(name, hints, description, params, output, answer -> "", handler);
    }

    /**
     * As {@link #unlockedTool(String, Hints, String, List, Class, Function)}, with the text led by
     * {@code headline} of the answer: what the human at the keyboard should read first (empty: nothing).
     */
    public <R> SyncToolSpecification unlockedTool(String name, Hints hints, String description, List<Param> params,
                                                  Class<R> output, Function<? super R, String> headline,
                                                  Function<Args, ? extends R> handler) {
        Tool tool = Tool.builder().name(name).description(description).inputSchema(Param.schema(params))
                .outputSchema(RecordSchema.of(output)).annotations(hints.annotations()).build();
        return spec(tool, params, args -> {
            R answer = handler.apply(args);
            return results.structured(answer, headline.apply(answer));
        });
    }

    /** The JSON rules shared by tool arguments, results and storage. */
    public JsonMapper json() {
        return json;
    }

    /** The result builder, for handlers that need to build a result themselves. */
    public Results results() {
        return results;
    }

    private static Tool tool(String name, Hints hints, String description, List<Param> params) {
        return Tool.builder().name(name).description(description).inputSchema(Param.schema(params))
                .annotations(hints.annotations()).build();
    }

    private SyncToolSpecification spec(Tool tool, List<Param> params, Function<Args, CallToolResult> handler) {
        return new SyncToolSpecification(tool, (exchange, request) -> call(tool.name(), params, handler,
                request.arguments() == null ? Map.of() : request.arguments()));
    }

    private CallToolResult call(String name, List<Param> params, Function<Args, CallToolResult> handler,
                                Map<String, Object> arguments) {
        if (Hop.ON) {
            Hop.stamp("tool.call");
        }
        try {
            CallToolResult result = handler.apply(new Args(name, arguments, params, json));
            if (Hop.ON) {
                Hop.stamp("tool.done");
            }
            return result;
        } catch (GameException e) {
            return Results.error(e.getMessage());
        } catch (StorageException e) {
            return Results.error(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Results.error(name + ": invalid value: " + e.getMessage());
        }
    }
}
