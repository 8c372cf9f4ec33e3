package dm20.mcp.console;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a tool's JSON result into what a human DM at a terminal wants to read: a combat line, a roll, a
 * one-line confirmation. Results it does not recognise are shown as they are. Stateless.
 */
final class ResultText {

    private ResultText() {
    }

    static String describe(JsonMapper json, String text) {
        JsonNode n;
        try {
            n = json.readTree(text);
        } catch (JacksonException e) {
            return text;
        }
        if (n == null || !n.isObject()) {
            return text;
        }
        if (n.has("order") && n.has("round")) {
            return combat(n);
        }
        if (n.has("notation") && n.has("total")) {
            return roll(n);
        }
        if (n.has("resolved")) {
            return "answered " + n.path("actionId").asString() + privateTo(n.path("privateTo"));
        }
        if (n.has("postId")) {
            return "told " + n.path("visibility").path("scope").asString("PUBLIC").toLowerCase().replace('_', ' ')
                    + ": " + n.path("text").asString();
        }
        if (n.has("messageId")) {
            return "whispered to " + n.path("playerIds");
        }
        if (n.has("relay") && n.has("queue")) {
            return status(n);
        }
        return text;
    }

    private static String combat(JsonNode c) {
        if (!c.path("active").asBoolean()) {
            return "no combat";
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode x : c.path("order")) {
            String hp = x.has("hp") ? ", " + x.path("hp").asInt() + "/" + x.path("maxHp").asInt() + " HP" : "";
            String flags = (x.path("hidden").asBoolean() ? " hidden" : "") + (x.path("downed").asBoolean() ? " DOWN" : "");
            String me = x.path("id").asString().equals(c.path("currentId").asString()) ? "▶ " : "";
            parts.add(me + x.path("name").asString() + " (" + x.path("initiative").asInt() + hp + ")" + flags);
        }
        String prompt = c.has("prompt") ? "\n  prompt: " + c.path("prompt").asString() : "";
        return "Round " + c.path("round").asInt() + " [" + c.path("mode").asString().toLowerCase() + "]: "
                + String.join(" | ", parts) + "\n  waiting for " + c.path("waitingFor") + prompt;
    }

    private static String roll(JsonNode r) {
        String label = r.path("label").asString("");
        String kept = r.has("kept") ? " (kept " + r.path("kept").asInt() + ")" : "";
        int mod = r.path("modifier").asInt();
        return (label.isEmpty() ? "" : label + ": ") + r.path("notation").asString() + " → " + r.path("dice") + kept
                + (mod == 0 ? "" : (mod > 0 ? " +" : " ") + mod) + " = " + r.path("total").asInt()
                + "  [" + r.path("visibility").path("scope").asString("PUBLIC").toLowerCase().replace('_', ' ') + "]";
    }

    private static String privateTo(JsonNode players) {
        return players.isArray() && !players.isEmpty() ? " (private parts for " + players + ")" : "";
    }

    private static String status(JsonNode s) {
        StringBuilder sb = new StringBuilder("relay " + s.path("relay").asString() + " " + s.path("url").asString(""));
        for (JsonNode seat : s.path("seats")) {
            sb.append("\n  ").append(seat.path("connected").asBoolean() ? "● " : "○ ").append(seat.path("name").asString());
        }
        sb.append("\n  queue ").append(s.path("queue"));
        if (s.has("next")) {
            sb.append("\n  next: ").append(s.path("next").path("text").asString());
        }
        return sb.toString();
    }
}
