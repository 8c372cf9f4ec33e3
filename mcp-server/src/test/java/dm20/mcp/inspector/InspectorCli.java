package dm20.mcp.inspector;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The official MCP Inspector CLI ({@code npm @modelcontextprotocol/inspector}, {@code --cli} mode) run as a
 * real process. Each {@link #run} is one inspector invocation: it starts a fresh server from the config
 * file, sends one request, prints the result and stops the server.
 *
 * <p>Where the CLI is: system property {@code dm20.inspector} or env {@code DM20_INSPECTOR} (its
 * {@code mcp-inspector} launcher or a {@code .js} entry point), else
 * {@code target/inspector/node_modules/.bin/mcp-inspector} as installed by
 * {@code npm install --prefix target/inspector @modelcontextprotocol/inspector@2.12.0}.
 */
final class InspectorCli {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TIMEOUT_SECONDS = 60;

    private final Path launcher;
    private final Path config;
    private final Path logs;

    /**
     * @param config an {@code mcpServers} config file (the format of Claude Code's {@code .mcp.json})
     * @param logs   folder for each invocation's stderr (the inspector's and the server's)
     */
    InspectorCli(Path launcher, Path config, Path logs) {
        this.launcher = launcher;
        this.config = config;
        this.logs = logs;
    }

    /** The installed CLI, if any: the configured path first, then the module-local install. */
    static Optional<Path> locate() {
        String configured = System.getProperty("dm20.inspector", System.getenv().getOrDefault("DM20_INSPECTOR", ""));
        Path path = configured.isBlank()
                ? Path.of("target", "inspector", "node_modules", ".bin", "mcp-inspector") : Path.of(configured);
        return Files.exists(path) ? Optional.of(path.toAbsolutePath()) : Optional.empty();
    }

    /** One invocation's outcome: the process exit code, stdout parsed as JSON, and its stderr for messages. */
    record Outcome(int exitCode, JsonNode json, String stderr) {

        /** The tool result's first text, parsed as JSON when it is an object. */
        /** The structured content if the tool has an output schema, else the first text block as JSON. */
        JsonNode toolJson() {
            JsonNode structured = json.path("result").path("structuredContent");
            return structured.isObject() ? structured : JSON.readTree(toolText());
        }

        String toolText() {
            return json.path("result").path("content").path(0).path("text").asString("");
        }

        boolean toolError() {
            return json.path("result").path("isError").asBoolean(false);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + ", stdout " + json + ", stderr tail:\n"
                    + stderr.substring(Math.max(0, stderr.length() - 2000));
        }
    }

    /** Runs {@code --method method} with extra inspector options; waits at most a minute. */
    Outcome run(String method, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(launcher.toString().endsWith(".js") ? List.of("node", launcher.toString())
                : List.of(launcher.toString()));
        cmd.addAll(List.of("--cli", "--config", config.toString(), "--server", "dm20", "--format", "json",
                "--method", method));
        cmd.addAll(List.of(options));
        Path out = Files.createTempFile(logs, "inspector-", ".out");
        Path err = Files.createTempFile(logs, "inspector-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        // No OS keychain here: keep the inspector's (unused) secret store in memory instead of probing D-Bus.
        pb.environment().put("MCP_INSPECTOR_SECRET_STORE", "memory");
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("inspector " + method + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        String stdout = Files.readString(out).strip();
        JsonNode json = stdout.startsWith("{") ? JSON.readTree(stdout) : JSON.getNodeFactory().stringNode(stdout);
        return new Outcome(p.exitValue(), json, Files.readString(err));
    }

    /** {@code tools/call} of one tool; each argument becomes {@code --tool-arg key=<JSON value>}. */
    Outcome call(String tool, Map<String, Object> args) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(List.of("--tool-name", tool));
        // JSON-encoded so the inspector's "parse as JSON, else keep as text" cannot turn "3" into a number
        args.forEach((k, v) -> options.addAll(List.of("--tool-arg", k + "=" + JSON.writeValueAsString(v))));
        return run("tools/call", options.toArray(String[]::new));
    }

    /** Writes an {@code mcpServers} config naming the server {@code dm20} with this command line. */
    static Path writeConfig(Path file, List<String> command) throws IOException {
        Map<String, Object> server = Map.of("type", "stdio", "command", command.getFirst(),
                "args", command.subList(1, command.size()));
        Files.writeString(file, JSON.writeValueAsString(Map.of("mcpServers", Map.of("dm20", server))));
        return file;
    }
}
