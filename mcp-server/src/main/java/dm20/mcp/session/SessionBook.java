package dm20.mcp.session;

import dm20.mcp.game.Campaign;
import dm20.mcp.game.Game;
import dm20.protocol.Viewer;
import dm20.mcp.game.GameEvent;
import dm20.mcp.game.GameException;
import dm20.mcp.storage.CampaignStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of session memory over one campaign's {@code sessions.json}: at most one session is open; notes
 * and the end go to the open one; a recap is built from the last finished session's public parts. Every
 * change is saved at once. Stateless between calls (reads the file each time); callers hold the game lock.
 */
public final class SessionBook {

    static final String FILE = "sessions.json";

    private final Game game;
    private final JsonMapper json;

    public SessionBook(Game game, JsonMapper json) {
        this.game = game;
        this.json = json;
    }

    private Campaign campaign() {
        return game.campaigns().current();
    }

    /** What {@link #start} did. */
    public record Started(GameSession session, boolean resumed) {
    }

    /** The campaign's sessions, oldest first. */
    public List<GameSession> all() {
        Campaign c = campaign();
        return store(c).read(FILE, new TypeReference<List<GameSession>>() { }).orElse(List.of());
    }

    /** The open session, if any. */
    public Optional<GameSession> current() {
        Campaign c = campaign();
        return all().stream().filter(GameSession::open).reduce((a, b) -> b);
    }

    /**
     * Opens the next session, or resumes the open one (then a given recap replaces its recap).
     *
     * @param recap the "previously on…" text; if empty, the one {@link #recap} builds
     */
    public Started start(Optional<String> title, Optional<String> recap, Instant now) {
        Campaign c = campaign();
        List<GameSession> sessions = new ArrayList<>(all());
        Optional<GameSession> open = sessions.stream().filter(GameSession::open).findFirst();
        if (open.isPresent()) {
            GameSession s = recap.map(open.get()::withRecap).orElse(open.get());
            sessions.set(sessions.indexOf(open.get()), s);
            save(sessions);
            return new Started(s, true);
        }
        String text = recap.filter(r -> !r.isBlank()).orElseGet(() -> recap(Optional.empty()).text());
        GameSession s = new GameSession(sessions.size() + 1, title, now, Optional.empty(), Optional.of(text),
                List.of(), Optional.empty(), Map.of(), Optional.empty());
        sessions.add(s);
        save(sessions);
        return new Started(s, false);
    }

    /** Adds a note to the open session. @throws GameException if none is open */
    public GameSession note(String text, boolean dmOnly, Instant now) {
        return replaceOpen(s -> s.withNote(new GameSession.Note(now, text, dmOnly)));
    }

    /** Ends the open session. @throws GameException if none is open */
    public GameSession end(String summary, Map<String, Integer> xp, Optional<String> next, Instant now) {
        if (summary == null || summary.isBlank()) {
            throw new GameException("session_end needs a summary (what happened, for the next recap)");
        }
        xp.forEach((who, n) -> {
            if (n < 0) {
                throw new GameException("XP must be 0 or more, got " + n + " for " + who);
            }
        });
        return replaceOpen(s -> s.ended(now, summary, xp, next));
    }

    /** XP totals by character over every finished session. */
    public Map<String, Integer> xpTotals() {
        Campaign c = campaign();
        Map<String, Integer> totals = new LinkedHashMap<>();
        all().forEach(s -> s.xp().forEach((who, n) -> totals.merge(who, n, Integer::sum)));
        return totals;
    }

    /**
     * The material for a recap of session {@code number} (default: the last finished one): the session, the
     * event log entries of its time span (DM material) and a plain public {@code text}.
     */
    public Recap recap(Optional<Integer> number) {
        Campaign c = campaign();
        List<GameSession> sessions = all();
        Optional<GameSession> s = number.isPresent()
                ? sessions.stream().filter(x -> x.number() == number.get()).findFirst()
                : sessions.stream().filter(x -> !x.open()).reduce((a, b) -> b);
        if (number.isPresent() && s.isEmpty()) {
            throw new GameException("no session " + number.get() + " in " + c.info().name() + "; sessions: "
                    + sessions.stream().map(GameSession::number).toList());
        }
        String name = c.info().name();
        if (s.isEmpty()) {
            return new Recap(Optional.empty(), List.of(), "This is the first session of " + name + ".");
        }
        GameSession g = s.get();
        Instant until = g.endedAt().orElse(Instant.MAX);
        List<GameEvent> events = game.world().events(Viewer.dm(), Integer.MAX_VALUE, Optional.empty()).stream()
                .filter(e -> !e.at().isBefore(g.startedAt()) && !e.at().isAfter(until)).toList();
        return new Recap(s, events, publicText(name, g));
    }

    /** The recap material; {@code events} and DM-only notes are for the DM, {@code text} is public. */
    public record Recap(Optional<GameSession> session, List<GameEvent> events, String text) {
    }

    private static String publicText(String campaign, GameSession g) {
        StringBuilder b = new StringBuilder("Previously on ").append(campaign).append("…");
        g.summary().ifPresent(x -> b.append(' ').append(x.strip()));
        g.notes().stream().filter(n -> !n.dmOnly()).forEach(n -> b.append(' ').append(sentence(n.text())));
        return b.toString();
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private GameSession replaceOpen(java.util.function.UnaryOperator<GameSession> change) {
        Campaign c = campaign();
        List<GameSession> sessions = new ArrayList<>(all());
        for (int i = 0; i < sessions.size(); i++) {
            if (sessions.get(i).open()) {
                GameSession changed = change.apply(sessions.get(i));
                sessions.set(i, changed);
                save(sessions);
                return changed;
            }
        }
        throw new GameException("no session is open in " + c.info().name() + "; call session_start first");
    }

    private void save(List<GameSession> sessions) {
        store(campaign()).write(FILE, sessions);
    }

    private CampaignStore store(Campaign c) {
        return new CampaignStore(c.dir(), json);
    }

    /** The prefix of a recap post's id: the mark that tells a page and a reader "this card is the recap". */
    public static final String RECAP_POST = "recap-";

    /** The open session's recap as a public post for every phone and the TV, if a session is open. */
    public Optional<dm20.protocol.message.OutboxMessage.NarrativePosted> recapPost(Instant now) {
        return current().flatMap(s -> s.recap().map(text -> post(s.number(), text, now)));
    }

    /** {@code text} as session {@code number}'s recap post. */
    public static dm20.protocol.message.OutboxMessage.NarrativePosted post(int number, String text, Instant now) {
        return new dm20.protocol.message.OutboxMessage.NarrativePosted(RECAP_POST + number + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 8), text, dm20.protocol.Visibility.everyone(), now);
    }
}
