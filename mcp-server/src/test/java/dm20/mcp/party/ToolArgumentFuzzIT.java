package dm20.mcp.party;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool the server lists, called over real stdio with odd JSON in each parameter (nulls, nulls inside
 * lists, nested arrays, numbers as strings, huge strings, wrong types, objects for strings) while Party Mode
 * runs: each call must end in a tool result (success or {@code isError}), never a JSON-RPC error, and a call
 * that fails changes no campaign file. The tools come from {@code tools/list}, so a new tool is covered without
 * touching this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(600)
class ToolArgumentFuzzIT {

    private static final String CAMPAIGN = "Fuzz Keep";

    private Path root;
    private DmClient dm;

    @BeforeAll
    void openTheTable() throws Exception {
        root = Files.createTempDirectory("tool-fuzz-it");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        dm = new DmClient(root, "--turn-seconds", "0");
        dm.ok("create_campaign", Map.of("name", CAMPAIGN));
        dm.ok("create_character", Map.of("name", "Thorin", "class", "Fighter", "player", "Ann"));
        dm.ok("create_character", Map.of("name", "Elara", "class", "Wizard", "player", "Ben"));
        dm.ok("party_start", Map.of("port", port, "host", "127.0.0.1"));
        dm.ok("start_combat", Map.of("participants", List.of(Map.of("name", "Thorin", "initiative", 15),
                Map.of("name", "Goblin", "initiative", 12, "hp", 7))));
    }

    @AfterAll
    void closeTheTable() {
        if (dm != null) {
            dm.call("party_stop", Map.of());
            dm.close();
        }
        DmClient.relayProcess(root.resolve("fuzz-keep")).ifPresent(ProcessHandle::destroyForcibly);
    }

    /**
     * Odd values for any parameter, one of each kind: null, a number as a string, a number out of int range,
     * a boolean, a string holding a list with a null, a huge string, a null and a nested array inside a list,
     * an object, an object of nulls. A few are valid for some parameters (a number as a string); most are not.
     * Kept to ten: the test calls every parameter of every tool with each, on two shared cores.
     */
    private static List<Object> oddValues() {
        Map<String, Object> nulls = new LinkedHashMap<>();
        nulls.put("name", null);
        nulls.put("initiative", null);
        return new ArrayList<>(Arrays.asList(null, "7", 1e300, true, "[null]", "x".repeat(100_000),
                new ArrayList<>(Arrays.asList(null, "Ann")), List.of(List.of("Ann")), Map.of(), nulls));
    }

    /**
     * A blank {@code timeout_seconds} means the default wait (60 s): a valid call that would only block the test,
     * so it is left out.
     */
    private static boolean blocks(String tool, String param, Object value) {
        return tool.equals("party_wait") && param.equals("timeout_seconds") && value instanceof String s && s.isBlank();
    }

    @Test
    void everyTool_oddArguments_giveToolResultsAndFailuresChangeNothing() {
        List<Tool> tools = dm.tools();
        assertThat(tools).hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Tool tool : tools) {
            for (String param : parameters(tool)) {
                for (Object odd : oddValues()) {
                    if (blocks(tool.name(), param, odd)) {
                        continue;
                    }
                    Map<String, Object> args = baseline(tool);
                    args.put(param, odd);
                    calls++;
                    check(tool.name(), args).ifPresent(failures::add);
                }
            }
            Map<String, Object> unknown = baseline(tool);
            unknown.put("no_such_parameter", null);
            calls++;
            check(tool.name(), unknown).ifPresent(failures::add);
        }
        assertThat(failures).as("after %d calls", calls).isEmpty();
    }

    @Test
    void whisperTools_nullInsideTheList_isAReadableToolError() {
        assertThat(dm.error("whisper", Map.of("players", new ArrayList<>(Arrays.asList(null, "Ann")), "text", "x")))
                .contains("'players' item 1 is null");
        assertThat(dm.error("party_whisper", Map.of("players", new ArrayList<>(Arrays.asList(null, "Ann")), "text", "x")))
                .contains("'players' item 1 is null");
        assertThat(dm.error("share_info", Map.of("players", new ArrayList<>(Arrays.asList("Ann", null)), "text", "x",
                "visibility", "private"))).contains("'players' item 2 is null");
        assertThat(dm.error("start_combat", Map.of("participants", new ArrayList<>(Arrays.asList(
                Map.of("name", "Thorin", "initiative", 3), null))))).containsAnyOf("'participants' item 2 is null",
                "combat is already running", "already");
    }

    /** Calls the tool; a protocol error or an error that changed a file is a failure, described. */
    private java.util.Optional<String> check(String tool, Map<String, Object> args) {
        Map<String, String> before = snapshot();
        CallToolResult r;
        try {
            r = dm.call(tool, args);
        } catch (McpError e) {
            return java.util.Optional.of(tool + " " + shorten(args) + " -> JSON-RPC error " + e.getMessage());
        } catch (RuntimeException e) {
            return java.util.Optional.of(tool + " " + shorten(args) + " -> no answer: " + e);
        }
        if (Boolean.TRUE.equals(r.isError())) {
            String text = DmClient.text(r);
            if (text.isBlank() || text.contains("Exception") || text.contains("java.")) {
                return java.util.Optional.of(tool + " " + shorten(args) + " -> unreadable error: " + shorten(text));
            }
            Map<String, String> after = snapshot();
            if (!after.equals(before)) {
                return java.util.Optional.of(tool + " " + shorten(args) + " -> failed (" + shorten(text)
                        + ") but changed " + changed(before, after));
            }
        } else if (tool.endsWith("_campaign")) {
            dm.call("load_campaign", Map.of("campaign", CAMPAIGN)); // back to the table under test
        }
        return java.util.Optional.empty();
    }

    /** Plausible values for the required parameters, so a call gets past "needs X" to the odd one. */
    private static Map<String, Object> baseline(Tool tool) {
        Map<String, Object> args = new LinkedHashMap<>();
        Object required = tool.inputSchema().get("required");
        if (required instanceof List<?> names) {
            for (Object n : names) {
                args.put(n.toString(), plausible(n.toString(), types(tool, n.toString())));
            }
        }
        return args;
    }

    private static Object plausible(String name, List<String> types) {
        return switch (name) {
            case "character", "target", "seat" -> "Thorin";
            case "player" -> "Ann";
            case "players" -> List.of("Ann");
            case "campaign" -> CAMPAIGN;
            case "expression" -> "1d20";
            case "participants" -> List.of(Map.of("name", "Thorin", "initiative", 3));
            default -> types.contains("integer") ? 1 : types.contains("boolean") ? false
                    : types.contains("array") ? List.of("x") : types.contains("object") ? Map.of() : "x";
        };
    }

    private static Map<?, ?> properties(Tool tool) {
        return tool.inputSchema().get("properties") instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<String> parameters(Tool tool) {
        return properties(tool).keySet().stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> types(Tool tool, String param) {
        Object schema = properties(tool).get(param);
        if (schema instanceof Map<?, ?> m && m.get("type") instanceof List<?> l) {
            return (List<String>) l;
        }
        if (schema instanceof Map<?, ?> m && m.get("type") instanceof String s) {
            return List.of(s);
        }
        return List.of("string");
    }

    /** Every campaign file's digest, except the bus (the relay writes presence to it) and the relay's log. */
    private Map<String, String> snapshot() {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, String> out = new TreeMap<>();
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/party/bus/") && !p.getFileName().toString().equals("relay.log"))
                    .forEach(p -> out.put(root.relativize(p).toString(), fingerprint(p)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Append-only logs (*.jsonl) grow with every accepted call, the huge-string values included: hashing them
     * before and after each of ~2,800 calls made this test quadratic (minutes). Any write to them changes their
     * length, so their length is their fingerprint; every other file is hashed.
     */
    private static String fingerprint(Path p) {
        if (p.getFileName().toString().endsWith(".jsonl")) {
            try {
                return "length " + Files.size(p);
            } catch (IOException e) {
                return "unreadable";
            }
        }
        return digest(p);
    }

    private static String digest(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            return "unreadable";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        List<String> diff = new ArrayList<>();
        after.forEach((k, v) -> {
            if (!v.equals(before.get(k))) {
                diff.add(k);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> diff.add(k + " (deleted)"));
        return diff.toString();
    }

    private static String shorten(Object o) {
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
