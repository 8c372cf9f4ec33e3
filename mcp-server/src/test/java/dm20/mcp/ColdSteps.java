package dm20.mcp;

import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.json.JsonMapper;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * On demand, not a test: what each step of a tool call's way into the server costs when it runs cold, as a DM's
 * calls do (seconds apart, the core idle in between), against the same step hot in a loop. Each step runs 20,000
 * times to be compiled, then 100 times each after a sleep; prints the p50 of both. Run it with the launcher's JIT
 * flags (docs/performance.md, seventh pass):
 * <pre>
 * scripts/bench mcp-server dm20.mcp.ColdSteps          # BENCH_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
 * </pre>
 */
public final class ColdSteps {

    private static final String LINE = "{\"jsonrpc\":\"2.0\",\"id\":1234,\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"party_resolve\",\"arguments\":{\"action_id\":\"a-0123456789\",\"narrative\":\"Done: bench action 17\"}}}";

    private ColdSteps() {
    }

    public static void main(String[] args) throws Exception {
        long sleepMillis = args.length > 0 ? Long.parseLong(args[0]) : 40;
        JsonMapper jackson = JsonMapper.builder().build();
        JacksonMcpJsonMapper json = new JacksonMcpJsonMapper(jackson);
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String p : List.of("action_id", "narrative", "private", "dm_notes")) {
            properties.put(p, Map.of("type", List.of("string"), "description", "the " + p));
        }
        Map<String, Object> schema = Map.of("type", "object", "properties", properties, "required", List.of("action_id"));
        DefaultJsonSchemaValidator library = new DefaultJsonSchemaValidator(jackson);
        SchemaValidator ours = new SchemaValidator(jackson, List.of(schema));
        McpSchema.JSONRPCRequest request = (McpSchema.JSONRPCRequest) McpSchema.deserializeJsonRpcMessage(json, LINE);
        Map<String, Object> arguments = json.convertValue(request.params(), new TypeRef<McpSchema.CallToolRequest>() { })
                .arguments();
        Map<String, Callable<Object>> steps = new LinkedHashMap<>();
        steps.put("SDK parse (read into a map, bind the record)", () -> McpSchema.deserializeJsonRpcMessage(json, LINE));
        steps.put("read into a map only (StdioTransport.parse)", () -> json.readValue(LINE, Map.class));
        steps.put("params → CallToolRequest (the SDK's dispatch)",
                () -> json.convertValue(request.params(), new TypeRef<McpSchema.CallToolRequest>() { }));
        steps.put("arguments against the schema, library", () -> library.validate(schema, arguments));
        steps.put("arguments against the schema, SchemaValidator", () -> ours.validate(schema, arguments));
        for (Callable<Object> step : steps.values()) {
            for (int i = 0; i < 20_000; i++) {
                step.call();
            }
        }
        System.out.printf("%-50s %12s %12s%n", "step", "hot p50", "cold p50");
        for (var step : steps.entrySet()) {
            long[] hot = new long[100];
            long[] cold = new long[100];
            for (int i = 0; i < hot.length; i++) {
                long t0 = System.nanoTime();
                step.getValue().call();
                hot[i] = System.nanoTime() - t0;
            }
            for (int i = 0; i < cold.length; i++) {
                Thread.sleep(sleepMillis);
                long t0 = System.nanoTime();
                step.getValue().call();
                cold[i] = System.nanoTime() - t0;
            }
            System.out.printf("%-50s %9.1f µs %9.1f µs%n", step.getKey(), p50(hot), p50(cold));
        }
    }

    private static double p50(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e3;
    }
}
