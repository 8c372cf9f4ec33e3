package dm20.mcp.console;

import dm20.mcp.party.PartyAnswer;
import dm20.mcp.tools.ToolInvoker;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A line-based DM console. Each command becomes one tool call through the same handlers MCP uses; results
 * and errors are printed as the tools word them. Keeps the action being answered and the private parts
 * drafted for it. Not thread-safe except {@link #offer}, which the action watcher calls.
 */
public final class Console {

    static final String HELP = """
            commands (a player or seat is a player name, character name or id):
              next                      take the next pending action
              private <player>: <text>  add a private part to the answer being drafted
              notes <text>              DM-only notes for the answer
              resolve <narrative>       answer the current action (with the drafted private parts)
              narrate <text>            tell the whole table something
              whisper <player>: <text>  send one player a private message
              roll <dice> [label]       roll in public, e.g. roll 1d20+5 Perception
              secret <dice> [label]     roll for the DM only
              fight <name:init[:hp]>... start combat, e.g. fight Thorin:15 Goblin:12:7 Elara:9
              turn                      next turn          endfight   end combat
              damage <who> <n>          heal <who> <n>
              status                    relay, seats and the queue
              kick <seat>               token <seat>       (new link + QR for a seat)
              tool <name> <json args>   call any game tool, e.g. tool get_character {"character":"Pip"}
              quit                      stop party mode and leave""";

    private final ToolInvoker tools;
    private final JsonMapper json;
    private final PrintStream out;
    private volatile Optional<String> current = Optional.empty();
    private final Map<String, String> privateParts = new LinkedHashMap<>();
    private Optional<String> notes = Optional.empty();

    public Console(ToolInvoker tools, JsonMapper json, PrintStream out) {
        this.tools = tools;
        this.json = json;
        this.out = out;
    }

    /** Reads commands until {@code quit} or end of input. */
    public void run(BufferedReader in) throws IOException {
        out.println("Type 'help' for commands.");
        prompt();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!execute(line.strip())) {
                return;
            }
            prompt();
        }
    }

    private void prompt() {
        out.print(current.map(id -> "[" + id.substring(0, Math.min(12, id.length())) + "] dm> ").orElse("dm> "));
        out.flush();
    }

    /**
     * Runs one command.
     *
     * @return false if the console should end
     */
    public boolean execute(String line) {
        if (line.isEmpty()) {
            return true;
        }
        String cmd = line.split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        String rest = line.length() > cmd.length() ? line.substring(cmd.length()).strip() : "";
        try {
            return dispatch(cmd, rest);
        } catch (RuntimeException e) {
            out.println("! " + e.getMessage() + " (type 'help')");
            return true;
        }
    }

    private boolean dispatch(String cmd, String rest) {
        switch (cmd) {
            case "help", "?" -> out.println(HELP);
            case "next" -> take(call("party_next", Map.of()));
            case "private" -> draftPrivate(rest);
            case "notes" -> notes = Optional.of(rest).filter(s -> !s.isBlank());
            case "resolve", "say" -> resolve(rest);
            case "narrate" -> show("share_info", Map.of("text", rest, "visibility", "public"));
            case "whisper" -> whisper(rest);
            case "roll" -> roll(rest, false);
            case "secret" -> roll(rest, true);
            case "fight" -> show("start_combat", Map.of("participants", participants(rest)));
            case "turn" -> show("next_turn", Map.of());
            case "endfight" -> show("end_combat", Map.of());
            case "damage", "heal" -> hp(cmd, rest);
            case "status" -> show("party_status", Map.of());
            case "kick" -> show("party_kick", Map.of("seat", rest));
            case "token" -> show("party_token", Map.of("seat", rest));
            case "tool" -> anyTool(rest);
            case "quit", "exit" -> {
                show("party_stop", Map.of());
                return false;
            }
            default -> out.println("unknown command '" + cmd + "'; type 'help'");
        }
        return true;
    }

    /** Shows an action the watcher claimed and makes it the current one, unless one is being answered. */
    synchronized boolean offer(CallToolResult claimed) {
        if (current.isPresent()) {
            return false;
        }
        take(claimed);
        prompt();
        return true;
    }

    boolean answering() {
        return current.isPresent();
    }

    private synchronized void take(CallToolResult r) {
        if (Boolean.TRUE.equals(r.isError())) {
            out.println("! " + DemoCampaign.text(r));
            return;
        }
        switch (PartyAnswer.read(json, DemoCampaign.firstText(r), PartyAnswer.Taken.class)) {
            case PartyAnswer.NoneWaiting none -> out.println(none.action());
            case PartyAnswer.Claimed action -> {
                current = Optional.of(action.actionId());
                privateParts.clear();
                notes = Optional.empty();
                out.printf("%n>>> %s (%s)%s: %s%n", action.player().name(),
                        action.character().map(PartyAnswer.CharacterSummary::name).orElse("?"),
                        action.privateToDm() ? " [private to you]" : "", action.text());
                out.println("    answer with: resolve <narrative>   (private <player>: <text> first for secrets)");
            }
        }
    }

    private void draftPrivate(String rest) {
        String[] parts = rest.split(":", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
            out.println("usage: private <player>: <text>");
            return;
        }
        privateParts.put(parts[0].strip(), parts[1].strip());
        out.println("private part for " + parts[0].strip() + " drafted");
    }

    private synchronized void resolve(String narrative) {
        if (current.isEmpty()) {
            out.println("no action is being answered; use 'next' (or wait for one)");
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("action_id", current.get());
        args.put("narrative", narrative);
        args.put("private", Map.copyOf(privateParts));
        notes.ifPresent(n -> args.put("dm_notes", n));
        CallToolResult r = call("party_resolve", args);
        print("party_resolve", r);
        if (!Boolean.TRUE.equals(r.isError())) {
            current = Optional.empty();
            privateParts.clear();
            notes = Optional.empty();
        }
    }

    private void whisper(String rest) {
        String[] parts = rest.split(":", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
            out.println("usage: whisper <player>: <text>");
            return;
        }
        show("party_whisper", Map.of("players", List.of(parts[0].strip()), "text", parts[1].strip()));
    }

    private void roll(String rest, boolean secret) {
        String[] parts = rest.split("\\s+", 2);
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("expression", parts[0]);
        if (parts.length > 1) {
            args.put("label", parts[1]);
        }
        if (secret) {
            args.put("visibility", "dm-only");
        }
        show("roll_dice", args);
    }

    private void hp(String cmd, String rest) {
        int space = rest.lastIndexOf(' ');
        if (space < 0) {
            out.println("usage: " + cmd + " <who> <amount>");
            return;
        }
        show(cmd, Map.of("target", rest.substring(0, space).strip(), "amount", rest.substring(space + 1)));
    }

    static List<Map<String, Object>> participants(String spec) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String p : spec.split("\\s*,\\s*|\\s+")) {
            String[] f = p.split(":");
            if (f.length < 2) {
                throw new IllegalArgumentException("each fighter is name:initiative[:hp], got '" + p + "'");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f[0].replace('_', ' '));
            m.put("initiative", Integer.parseInt(f[1]));
            if (f.length > 2) {
                m.put("hp", Integer.parseInt(f[2]));
            }
            list.add(m);
        }
        return list;
    }

    private void anyTool(String rest) {
        String[] parts = rest.split("\\s+", 2);
        Map<String, Object> args = new LinkedHashMap<>();
        if (parts.length > 1) {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = json.readValue(parts[1], Map.class);
            args.putAll(parsed);
        }
        show(parts[0], args);
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        try {
            return tools.call(tool, args);
        } catch (RuntimeException e) {
            return CallToolResult.builder().addTextContent(tool + " failed: " + e.getMessage()).isError(true).build();
        }
    }

    private void print(String tool, CallToolResult r) {
        out.println(Boolean.TRUE.equals(r.isError()) ? "! " + DemoCampaign.text(r)
                : ResultText.describe(json, tool, DemoCampaign.firstText(r)));
    }

    /** Calls {@code tool} and prints its answer. */
    private void show(String tool, Map<String, Object> args) {
        print(tool, call(tool, args));
    }
}
