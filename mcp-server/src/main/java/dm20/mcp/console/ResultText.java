package dm20.mcp.console;

import dm20.mcp.party.PartyAnswer;
import dm20.mcp.tools.DiceTools;
import dm20.protocol.CombatState;
import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.qr.QrCodes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a tool's answer into what a human DM at a terminal wants to read: a combat line, a roll, a one-line
 * confirmation. The console knows which tool it called, so it reads the answer back into that tool's record
 * ({@link PartyAnswer}, {@link CombatState}, {@link DiceTools.RollView}, the outbox records) instead of guessing
 * the shape from the JSON; other tools' answers, and any answer that does not read as its record, are shown as
 * they are. Stateless.
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
                        + json.readValue(text, OutboxMessage.PrivateMessageSent.class).playerIds();
                case "party_resolve" -> resolved(PartyAnswer.read(json, text, PartyAnswer.Resolved.class));
                case "party_status" -> status(PartyAnswer.read(json, text, PartyAnswer.Status.class));
                case "party_kick", "party_token" -> link(PartyAnswer.read(json, text, PartyAnswer.Link.class));
                case "party_stop" -> stopped(PartyAnswer.read(json, text, PartyAnswer.Stopped.class));
                default -> text;
            };
        } catch (JacksonException | IllegalArgumentException e) {
            return text;
        }
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
        return "Round " + c.round() + " [" + c.mode().name().toLowerCase(Locale.ROOT) + "]: " + String.join(" | ", parts)
                + "\n  waiting for " + c.waitingFor() + prompt;
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
        return "answered " + r.actionId() + (r.privateTo().isEmpty() ? "" : " (private parts for " + r.privateTo() + ")");
    }

    /** A seat's new link, with its QR code: this terminal is the host's screen. */
    private static String link(PartyAnswer.Link l) {
        return "new link for " + l.name() + ": " + l.url() + "\n" + new QrCodes(320).terminal(l.url());
    }

    private static String stopped(PartyAnswer.Stopped s) {
        return "Party Mode stopped" + (s.relayStopped() ? "" : " (the relay did not confirm)") + "; kept for next time: "
                + s.pending() + " pending, " + s.claimed() + " taken";
    }

    private static String status(PartyAnswer.Status s) {
        StringBuilder sb = new StringBuilder("relay " + s.relay() + " " + s.url().orElse(""));
        for (PartyAnswer.SeatPresence seat : s.seats()) {
            sb.append("\n  ").append(seat.connected() ? "● " : "○ ").append(seat.name());
        }
        sb.append("\n  queue ").append(s.queue());
        s.next().ifPresent(n -> sb.append("\n  next: ").append(n.text()));
        return sb.toString();
    }
}
