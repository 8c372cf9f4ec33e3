package dm20.mcp.console;

import dm20.mcp.party.PartyAnswer;
import dm20.mcp.tools.DiceTools;
import dm20.protocol.CombatState;
import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a tool's answer into what a human DM at a terminal wants to read: a combat line, a roll, a one-line
 * confirmation. The console knows which tool it called, so it reads the answer back into that tool's record
 * ({@link PartyAnswer}, {@link CombatState}, {@link DiceTools.RollView}, the outbox records) instead of guessing
 * the shape from the JSON; other tools' answers, and any answer that does not read as its record, are written out
 * as indented "field: value" lines ({@link #prose}): never raw JSON. Stateless.
 */
final class ResultText {

    private ResultText() {
    }

    static String describe(JsonMapper json, String tool, String text) {
        try {
            return switch (tool) {
                case "start_combat", "next_turn", "end_combat", "get_combat" -> combat(json.readValue(text, CombatState.class));
                case "roll_dice" -> roll(json.readValue(text, DiceTools.RollView.class));
                case "share_info" -> told(json.readValue(text, OutboxMessage.NarrativePosted.class));
                case "whisper", "party_whisper" -> "whispered to "
                        + String.join(", ", json.readValue(text, OutboxMessage.PrivateMessageSent.class).playerIds());
                case "party_resolve" -> resolved(PartyAnswer.read(json, text, PartyAnswer.Resolved.class));
                case "party_status" -> status(PartyAnswer.read(json, text, PartyAnswer.Status.class));
                case "party_kick", "party_token" -> link(PartyAnswer.read(json, text, PartyAnswer.Link.class));
                case "party_stop" -> stopped(PartyAnswer.read(json, text, PartyAnswer.Stopped.class));
                case "party_thinking" -> PartyAnswer.read(json, text, PartyAnswer.Thinking.class).thinking()
                        ? "the phones show that you are thinking" : "the thinking indicator is off";
                case "damage", "heal" -> fighter(json.readValue(text, CombatState.Combatant.class));
                default -> prose(json, text);
            };
        } catch (JacksonException | IllegalArgumentException e) {
            return prose(json, text);
        }
    }

    /** A timed-out turn (or another notice) as the console shows it. */
    static String notice(PartyAnswer.Notice n) {
        return "⏱ " + n.text();
    }

    /** An action the DM has taken. */
    static String claimed(PartyAnswer.Claimed a) {
        String who = a.player().name() + a.character().map(c -> " (" + c.name() + ", " + c.hp() + " HP, AC " + c.ac() + ")")
                .orElse("");
        return System.lineSeparator() + ">>> " + who + (a.privateToDm() ? " [private to you]" : "") + ": " + a.text()
                + (a.stillPending() > 0 ? System.lineSeparator() + "    (" + a.stillPending() + " more waiting)" : "");
    }

    private static String fighter(CombatState.Combatant c) {
        String hp = c.hp().map(h -> h + "/" + c.maxHp().map(String::valueOf).orElse("?") + " HP").orElse("HP unknown");
        return c.name() + ": " + hp + (c.downed() ? " — down" : "");
    }

    /**
     * Any JSON answer as indented lines: "field: value" for each field, lists as "- " items. Text that is not JSON
     * is returned as it is.
     */
    static String prose(JsonMapper json, String text) {
        tools.jackson.databind.JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            return text;
        }
        if (node == null || node.isMissingNode() || !node.isContainer()) {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        write(node, "", sb);
        return sb.toString().stripTrailing();
    }

    private static void write(tools.jackson.databind.JsonNode node, String indent, StringBuilder sb) {
        if (node.isObject()) {
            for (var e : node.properties()) {
                tools.jackson.databind.JsonNode v = e.getValue();
                if (v.isContainer() && !v.isEmpty() && !scalars(v)) {
                    sb.append(indent).append(e.getKey()).append(":\n");
                    write(v, indent + "  ", sb);
                } else {
                    sb.append(indent).append(e.getKey()).append(": ").append(scalar(v)).append('\n');
                }
            }
        } else {
            for (tools.jackson.databind.JsonNode item : node) {
                if (item.isContainer()) {
                    sb.append(indent).append("-\n");
                    write(item, indent + "  ", sb);
                } else {
                    sb.append(indent).append("- ").append(scalar(item)).append('\n');
                }
            }
        }
    }

    private static boolean scalars(tools.jackson.databind.JsonNode array) {
        if (!array.isArray()) {
            return false;
        }
        for (tools.jackson.databind.JsonNode item : array) {
            if (item.isContainer()) {
                return false;
            }
        }
        return true;
    }

    private static String scalar(tools.jackson.databind.JsonNode v) {
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asString()));
            return items.isEmpty() ? "none" : String.join(", ", items);
        }
        if (v.isObject()) {
            return "none";
        }
        return v.isNull() ? "none" : v.asString();
    }

    private static String combat(CombatState c) {
        if (!c.active()) {
            return "no combat";
        }
        List<String> parts = new ArrayList<>();
        for (CombatState.Combatant x : c.order()) {
            String hp = x.hp().map(h -> ", " + h + "/" + x.maxHp().map(String::valueOf).orElse("?") + " HP").orElse("");
            String flags = (x.hidden() ? " hidden" : "") + (x.downed() ? " DOWN" : "");
            String me = c.currentId().filter(x.id()::equals).isPresent() ? "▶ " : "";
            parts.add(me + x.name() + " (" + x.initiative() + hp + ")" + flags);
        }
        String prompt = c.prompt().map(p -> "\n  prompt: " + p).orElse("");
        List<String> waiting = c.waitingFor().stream().map(id -> c.order().stream()
                .filter(x -> x.playerId().filter(id::equals).isPresent()).map(CombatState.Combatant::name)
                .findFirst().orElse(id)).toList();
        String waits = waiting.isEmpty() ? c.current().map(x -> "\n  " + x.name() + " is up (you run them)").orElse("")
                : "\n  waiting for " + String.join(", ", waiting);
        return "Round " + c.round() + " [" + c.mode().name().toLowerCase(Locale.ROOT).replace('_', ' ') + "]: "
                + String.join(" | ", parts) + waits + prompt;
    }

    private static String roll(DiceTools.RollView r) {
        String label = r.label().isEmpty() ? "" : r.label() + ": ";
        if (r.total().isEmpty()) {
            return label + r.notation() + " → " + r.hidden().orElse("hidden");
        }
        String kept = r.kept().map(k -> " (kept " + k + ")").orElse("");
        int mod = r.modifier().orElse(0);
        return label + r.notation() + " → " + r.dice().orElse(List.of()) + kept
                + (mod == 0 ? "" : (mod > 0 ? " +" : " ") + mod) + " = " + r.total().get() + "  [" + scope(r.visibility()) + "]";
    }

    private static String told(OutboxMessage.NarrativePosted n) {
        return "told " + scope(n.visibility()) + ": " + n.text();
    }

    private static String scope(Visibility v) {
        return v.scope().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String resolved(PartyAnswer.Resolved r) {
        return "answered" + (r.privateTo().isEmpty() ? "" : " (with private parts for " + r.privateTo().size()
                + (r.privateTo().size() == 1 ? " player)" : " players)"));
    }

    /** A seat's new link; its QR code is on the host screen (or here with {@code qr}). */
    private static String link(PartyAnswer.Link l) {
        return "new link for " + l.name() + ": " + l.url() + "\n  the old one no longer works; the host screen shows"
                + " the new QR code (or type 'qr " + l.name().split("\\s+")[0] + "')";
    }

    private static String stopped(PartyAnswer.Stopped s) {
        return "Party Mode stopped" + (s.relayStopped() ? "" : " (the relay did not confirm)") + "; kept for next time: "
                + s.pending() + " pending, " + s.claimed() + " taken";
    }

    private static String status(PartyAnswer.Status s) {
        StringBuilder sb = new StringBuilder("relay " + s.relay() + " " + s.url().orElse("")
                + s.relayReason().map(r -> " (" + r + ")").orElse(""));
        for (PartyAnswer.SeatPresence seat : s.seats()) {
            sb.append("\n  ").append(seat.connected() ? "● " : "○ ").append(seat.name());
        }
        sb.append("\n  queue: ").append(String.join(", ", s.queue().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT)).toList()));
        s.next().ifPresent(n -> sb.append("\n  next: ").append(n.text()));
        s.notices().forEach(n -> sb.append("\n  ").append(notice(n)));
        return sb.toString();
    }
}
