package dm20.mcp.session;

import dm20.mcp.game.Game;
import dm20.mcp.game.GameException;
import dm20.mcp.tools.Args;
import dm20.mcp.tools.Hints;
import dm20.mcp.tools.Param;
import dm20.mcp.tools.ToolGroup;
import dm20.mcp.tools.ToolKit;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import dm20.protocol.sheet.CharacterSheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dm20.mcp.tools.Param.Type.BOOLEAN;
import static dm20.mcp.tools.Param.Type.INTEGER;
import static dm20.mcp.tools.Param.Type.OBJECT;
import static dm20.mcp.tools.Param.Type.TEXT;

/**
 * The {@code session_*} tools and {@code add_session_note}: a game session's start (with its recap, shown on
 * every phone and the TV while Party Mode runs), notes, recap and end (summary, XP, the plan for next time).
 * DM only. Every handler runs under the game lock.
 */
public final class SessionTools implements ToolGroup {

    private final ToolKit kit;
    private final Game game;
    private final SessionBook book;

    public SessionTools(ToolKit kit, Game game) {
        this.kit = kit;
        this.game = game;
        this.book = new SessionBook(game, kit.json());
    }

    @Override
    public List<SyncToolSpecification> tools() {
        return List.of(
                kit.tool("session_start", Hints.SET, "Start tonight's game session (or resume the open one). Its"
                        + " recap (\"previously on…\") is the first card on every phone and the TV when Party Mode"
                        + " starts, or at once if it runs. Returns the session and last time's material.",
                        List.of(Param.optional("title", TEXT, "a title for the session"),
                                Param.optional("recap", TEXT, "your \"previously on…\" (public, third person); default:"
                                        + " built from the last session's summary and public notes")),
                        this::start),
                kit.tool("add_session_note", Hints.ADD, "Record something for the recap and next time (a decision, a"
                        + " name learnt, a loose end, a house rule) in the open session.",
                        List.of(Param.required("text", TEXT, "the note"),
                                Param.optional("dm_only", BOOLEAN, "true for your secrets: never in a recap (default"
                                        + " false)")),
                        a -> book.note(a.text("text"), a.bool("dm_only", false), game.clock().instant())),
                kit.tool("session_recap", Hints.READ, "The material for \"previously on…\": a session's summary,"
                        + " notes (DM-only ones marked), event log entries of its time, XP and your plan, and a plain"
                        + " public recap text. Default: the last finished session.",
                        List.of(Param.optional("session", INTEGER, "session number")),
                        a -> recap(a.optInt("session"))),
                kit.tool("post_recap", Hints.ADD, "Show a recap card on every phone and the TV now (Party Mode must"
                        + " run). Public text: third person, naming the characters.",
                        List.of(Param.optional("text", TEXT, "the recap; default: the open session's recap")),
                        this::postRecap),
                kit.tool("session_end", Hints.CHANGE, "End the open session: save its summary (public; it opens the"
                        + " next recap), award XP to the characters and keep your plan for next time.",
                        List.of(Param.required("summary", TEXT, "what happened, third person, only what players know"),
                                Param.optional("xp", INTEGER, "XP each character gets"),
                                Param.optional("xp_by_character", OBJECT, "XP by character name when it differs,"
                                        + " e.g. {\"Thorin\": 300}"),
                                Param.optional("next", TEXT, "your plan for next time (DM only)")),
                        this::end));
    }

    private Object start(Args a) {
        SessionBook.Started s = book.start(a.optText("title"), a.optText("recap"), game.clock().instant());
        book.recapPost(game.clock().instant()).ifPresent(game.feed()::publish);
        return new SessionAnswer.Started(s.session().number(), s.resumed(), s.session().recap().orElse(""),
                recap(Optional.empty()));
    }

    private SessionAnswer.Recap recap(Optional<Integer> number) {
        SessionBook.Recap r = book.recap(number);
        return new SessionAnswer.Recap(r.session(), r.events(), book.xpTotals(), r.text());
    }

    private Object postRecap(Args a) {
        var post = a.optText("text").map(t -> SessionBook.post(book.current().map(GameSession::number).orElse(0), t,
                game.clock().instant())).or(() -> book.recapPost(game.clock().instant()))
                .orElseThrow(() -> new GameException("no recap to post: pass text, or call session_start first"));
        game.feed().publish(post);
        return new SessionAnswer.Posted(post.postId(), post.text());
    }

    private Object end(Args a) {
        Map<String, Integer> xp = new LinkedHashMap<>();
        a.optInt("xp").ifPresent(n -> game.characters().list().stream().map(CharacterSheet::name)
                .forEach(name -> xp.put(name, n)));
        a.object("xp_by_character").forEach((ref, v) -> xp.put(game.characters().find(ref).name(),
                a.convert("xp_by_character", v, Integer.class)));
        GameSession s = book.end(a.text("summary"), xp, a.optText("next"), game.clock().instant());
        return new SessionAnswer.Ended(s.number(), s.xp(), book.xpTotals(), true);
    }
}
