package dm20.mcp.console;

import dm20.mcp.party.PartyAnswer;
import dm20.mcp.tools.ToolInvoker;
import dm20.protocol.Role;
import dm20.protocol.qr.QrCodes;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line-based DM console that reads like a DM's screen. Each command becomes one tool call through the same
 * handlers MCP uses; every answer is printed as prose ({@link ResultText}), errors as the tools word them. Names
 * may be typed whole, quoted, or as a unique start ({@link TableNames}). The prompt shows whose action is being
 * answered; what happens meanwhile (an action arriving, a turn timing out) is printed above the prompt as it
 * happens ({@link #announce}). Keeps the action being answered and the private parts drafted for it.
 * Thread-safe: the reader and the action watcher print under this object's monitor.
 */
public final class Console {

    private static final Pattern FIGHTER = Pattern.compile("(.+?):(-?\\d+)(?::(\\d+))?");

    private final ToolInvoker tools;
    private final JsonMapper json;
    private final PrintStream out;
    private final TableNames names;
    private final boolean terminal;
    private final Map<String, PartyAnswer.Seat> seats = new LinkedHashMap<>();
    private final Map<String, String> privateParts = new LinkedHashMap<>();
    private volatile Optional<PartyAnswer.Claimed> current = Optional.empty();
    private Optional<String> notes = Optional.empty();
    private boolean atPrompt;

    public Console(ToolInvoker tools, JsonMapper json, PrintStream out) {
        this(tools, json, out, false);
    }

    /** @param terminal whether {@code out} is a terminal (lines that arrive meanwhile then replace the prompt line) */
    public Console(ToolInvoker tools, JsonMapper json, PrintStream out, boolean terminal) {
        this.tools = tools;
        this.json = json;
        this.out = out;
        this.names = new TableNames(tools, json);
        this.terminal = terminal;
    }

    /** The seats of the running party, for {@code qr <name>}. */
    synchronized void seats(List<PartyAnswer.Seat> all) {
        all.forEach(s -> seats.put(s.seat(), s));
    }

    /**
     * Reads commands until {@code quit} or end of input. End of input (Ctrl-D, a closed pipe) leaves like
     * {@code quit}: the DM has gone, so the relay this console started must not keep serving the table.
     */
    public void run(BufferedReader in) throws IOException {
        say("Type 'help' for commands.");
        prompt();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            synchronized (this) {
                atPrompt = false;
            }
            if (!execute(line.strip())) {
                return;
            }
            prompt();
        }
        synchronized (this) {
            atPrompt = false;
        }
        out.println();
        say("End of input: stopping party mode.");
        execute("quit");
    }

    private synchronized void prompt() {
        out.print(current.map(a -> "[" + actor(a) + ": \"" + shortened(a.text()) + "\"] dm> ").orElse("dm> "));
        out.flush();
        atPrompt = true;
    }

    /** Prints {@code line} above the prompt: something that happened while the DM was typing. */
    synchronized void announce(String line) {
        boolean reprompt = atPrompt;
        if (atPrompt) {
            out.print(terminal ? "\r\033[2K" : System.lineSeparator());
            atPrompt = false;
        }
        out.println(line);
        if (reprompt) {
            prompt();
        }
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }

    private static String actor(PartyAnswer.Claimed a) {
        return a.character().map(PartyAnswer.CharacterSummary::name).orElse(a.player().name());
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
        String cmd = line.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String rest = line.length() > cmd.length() ? line.substring(cmd.length()).strip() : "";
        try {
            return dispatch(cmd, rest);
        } catch (RuntimeException e) {
            say("! " + e.getMessage() + " (type 'help')");
            return true;
        }
    }

    private boolean dispatch(String cmd, String rest) {
        switch (cmd) {
            case "help", "?" -> say(help());
            case "next" -> take(call("party_next", Map.of()));
            case "private" -> draftPrivate(rest);
            case "notes" -> {
                notes = Optional.of(rest).filter(s -> !s.isBlank());
                say(notes.isPresent() ? "DM notes drafted" : "DM notes cleared");
            }
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
            case "kick" -> seatLink("party_kick", rest);
            case "token" -> seatLink("party_token", rest);
            case "qr" -> qr(rest);
            case "tool" -> anyTool(rest);
            case "quit", "exit" -> {
                show("party_stop", Map.of());
                return false;
            }
            default -> say("unknown command '" + cmd + "'; type 'help'");
        }
        return true;
    }

    /** The commands, with examples made of this campaign's own names (the demo's when it has none). */
    String help() {
        List<String> heroes = names.characters().stream().map(n -> n.split("\\s+")[0]).toList();
        String a = heroes.isEmpty() ? "Thorin" : heroes.get(0);
        String b = heroes.size() < 2 ? "Elara" : heroes.get(1);
        String full = names.characters().stream().filter(n -> n.contains(" ")).findFirst().orElse("Pip Underbough");
        return """
                commands (a name may be typed whole, quoted, or as a unique start: %1$s, "%3$s"):
                  next                      take the next pending action (new ones are also taken as they arrive)
                  private <who>: <text>     add a private part to the answer, e.g. private %1$s: A draft chills your neck.
                  notes <text>              DM-only notes for the answer
                  resolve <narrative>       answer the current action (with the drafted private parts)
                  narrate <text>            tell the whole table something
                  whisper <who>: <text>     send one player a private message, e.g. whisper %2$s: You hear a voice.
                  roll <dice> [label]       roll in public, e.g. roll 1d20+5 Perception
                  secret <dice> [label]     roll for the DM only
                  fight <name:init[:hp]>... start combat, e.g. fight %1$s:15 Goblin:12:7 %2$s:9
                  turn                      next turn          endfight   end combat
                  damage <who> <n>          e.g. damage %1$s 7          heal <who> <n>   e.g. heal "%3$s" 3
                  status                    relay, seats, queue
                  qr <seat>                 show a player's QR code here (the host screen shows them all)
                  kick <seat>               token <seat>       (a new link for a seat; the old one stops working)
                  tool <name> [key=value]...  call any game tool, e.g. tool get_character character="%3$s"
                  quit                      stop party mode and leave""".formatted(a, b, full);
    }

    /** Shows an action the watcher claimed and makes it the current one, unless one is being answered. */
    synchronized boolean offer(CallToolResult claimed) {
        if (current.isPresent()) {
            return false;
        }
        boolean reprompt = atPrompt;
        if (atPrompt) {
            out.print(terminal ? "\r\033[2K" : System.lineSeparator());
            atPrompt = false;
        }
        take(claimed);
        if (reprompt) {
            prompt();
        }
        return true;
    }

    boolean answering() {
        return current.isPresent();
    }

    /** Prints what happened at the table on its own (e.g. a turn that timed out). */
    void notices(List<PartyAnswer.Notice> notices) {
        notices.forEach(n -> announce(ResultText.notice(n)));
    }

    private synchronized void take(CallToolResult r) {
        if (Boolean.TRUE.equals(r.isError())) {
            say("! " + DemoCampaign.text(r));
            return;
        }
        switch (PartyAnswer.read(json, DemoCampaign.firstText(r), PartyAnswer.Taken.class)) {
            case PartyAnswer.NoneWaiting none -> {
                none.notices().forEach(n -> say(ResultText.notice(n)));
                say("no action is waiting");
            }
            case PartyAnswer.Claimed action -> {
                action.notices().forEach(n -> say(ResultText.notice(n)));
                current = Optional.of(action);
                privateParts.clear();
                notes = Optional.empty();
                say(ResultText.claimed(action));
                say("    answer with: resolve <narrative>   (private <who>: <text> first for secrets)");
            }
        }
    }

    private void draftPrivate(String rest) {
        String[] parts = rest.split(":", 2);
        if (parts.length < 2 || parts[1].isBlank() || parts[0].isBlank()) {
            say("usage: private <who>: <text>");
            return;
        }
        String who = TableNames.resolve(parts[0], names.people());
        privateParts.put(who, parts[1].strip());
        say("private part for " + who + " drafted");
    }

    private synchronized void resolve(String narrative) {
        if (current.isEmpty()) {
            say("no action is being answered; use 'next' (or wait for one)");
            return;
        }
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("action_id", current.get().actionId());
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
        if (parts.length < 2 || parts[1].isBlank() || parts[0].isBlank()) {
            say("usage: whisper <who>: <text>");
            return;
        }
        show("party_whisper", Map.of("players", List.of(TableNames.resolve(parts[0], names.people())),
                "text", parts[1].strip()));
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
        List<String> words = TableNames.words(rest);
        if (words.size() < 2 || !words.getLast().matches("\\d+")) {
            say("usage: " + cmd + " <who> <amount>, e.g. " + cmd + " Thorin 7");
            return;
        }
        String who = TableNames.resolve(String.join(" ", words.subList(0, words.size() - 1)), names.targets());
        show(cmd, Map.of("target", who, "amount", Integer.parseInt(words.getLast())));
    }

    /** The fighters of a {@code fight} command; a name that starts a character's name is that character. */
    List<Map<String, Object>> participants(String spec) {
        List<String> known = names.characters();
        List<Map<String, Object>> list = new ArrayList<>();
        for (String p : TableNames.words(spec.replace(',', ' '))) {
            Matcher f = FIGHTER.matcher(p);
            if (!f.matches()) {
                throw new IllegalArgumentException("each fighter is name:initiative[:hp], e.g. Goblin:12:7, got '" + p + "'");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", TableNames.resolve(f.group(1).replace('_', ' '), known));
            m.put("initiative", Integer.parseInt(f.group(2)));
            Optional.ofNullable(f.group(3)).ifPresent(hp -> m.put("hp", Integer.parseInt(hp)));
            list.add(m);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("each fighter is name:initiative[:hp], e.g. fight Thorin:15 Goblin:12:7");
        }
        return list;
    }

    private void seatLink(String tool, String rest) {
        CallToolResult r = call(tool, Map.of("seat", seatName(rest)));
        if (!Boolean.TRUE.equals(r.isError())) {
            PartyAnswer.Link link = PartyAnswer.read(json, DemoCampaign.firstText(r), PartyAnswer.Link.class);
            synchronized (this) {
                Optional.ofNullable(seats.get(link.seat())).ifPresent(s -> seats.put(s.seat(),
                        new PartyAnswer.Seat(s.seat(), s.name(), s.role(), link.url())));
            }
        }
        print(tool, r);
    }

    private synchronized String seatName(String typed) {
        List<String> known = new ArrayList<>(names.people());
        seats.values().forEach(s -> known.add(s.name()));
        return TableNames.resolve(typed, known);
    }

    private void qr(String rest) {
        if (rest.isBlank()) {
            say("usage: qr <seat>, e.g. qr Ann");
            return;
        }
        String who = seatName(rest).toLowerCase(Locale.ROOT);
        Optional<PartyAnswer.Seat> seat;
        synchronized (this) {
            seat = seats.values().stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(who)
                    || s.seat().equalsIgnoreCase(who)).findFirst();
        }
        if (seat.isEmpty()) {
            say("! no seat for '" + rest.strip() + "'; seats: " + String.join(", ", seats.values().stream()
                    .filter(s -> s.role() != Role.DM).map(PartyAnswer.Seat::name).toList()));
        } else if (seat.get().role() == Role.DM) {
            say("! the host link is for you only: it sees every seat's secrets, so it gets no QR code");
        } else {
            say(System.lineSeparator() + new QrCodes(320).terminal(seat.get().url()) + "\n  " + seat.get().name() + "  "
                    + seat.get().url());
        }
    }

    /**
     * {@code tool <name> key=value ...} (a value may be quoted; names of characters are resolved like elsewhere)
     * or {@code tool <name> <json object>}.
     */
    private void anyTool(String rest) {
        String[] parts = rest.split("\\s+", 2);
        Map<String, Object> args = new LinkedHashMap<>();
        if (parts.length > 1 && parts[1].strip().startsWith("{")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = json.readValue(parts[1], Map.class);
            args.putAll(parsed);
        } else if (parts.length > 1) {
            for (String pair : TableNames.words(parts[1])) {
                String[] kv = pair.split("=", 2);
                if (kv.length < 2) {
                    throw new IllegalArgumentException("tool arguments are key=value, e.g. character=\"Pip Underbough\"; got '"
                            + pair + "'");
                }
                args.put(kv[0], value(kv[0], kv[1]));
            }
        }
        show(parts[0], args);
    }

    private Object value(String key, String text) {
        if (text.matches("-?\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return List.of("character", "target", "player").contains(key) ? TableNames.resolve(text, names.people()) : text;
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        try {
            return tools.call(tool, args);
        } catch (RuntimeException e) {
            return CallToolResult.builder().addTextContent(tool + " failed: " + e.getMessage()).isError(true).build();
        }
    }

    private void print(String tool, CallToolResult r) {
        say(Boolean.TRUE.equals(r.isError()) ? "! " + DemoCampaign.text(r)
                : ResultText.describe(json, tool, DemoCampaign.firstText(r)));
    }

    private synchronized void say(String text) {
        out.println(text);
    }

    /** Calls {@code tool} and prints its answer. */
    private void show(String tool, Map<String, Object> args) {
        print(tool, call(tool, args));
    }
}
