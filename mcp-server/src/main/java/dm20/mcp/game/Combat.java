package dm20.mcp.game;

import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.ConditionTag;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.CombatState.TurnMode;
import dm20.protocol.Viewer;
import dm20.protocol.message.OutboxMessage.CombatUpdated;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.DeathSaves;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Combat in the current campaign: start, turns, holding, late joiners, simultaneous prompts, damage and
 * healing, and the server-enforced deadline ({@link #tick}). Every change is saved and announced as
 * {@code CombatUpdated} (the full DM state; the relay filters it per viewer). Not thread-safe: callers
 * hold the {@link GameLock}.
 */
public final class Combat {

    private final Campaigns campaigns;
    private final Characters characters;
    private final TableFeed feed;
    private final Clock clock;
    private final TableTalk talk;
    private final TurnNotices notices = new TurnNotices();
    private TurnListener turnListener = (before, after) -> { };

    /**
     * Told whenever the turn passes (next_turn, hold, an expired deadline), after the new state is stored,
     * so that timed effects can tick. Called with the {@link GameLock} held; it may change the combat
     * through {@link #update}.
     */
    @FunctionalInterface
    public interface TurnListener {
        /** The turn passed from {@code before}'s current combatant to {@code after}'s. */
        void turnPassed(CombatState before, CombatState after);
    }

    /** @param talk where a turn that times out is said to the whole table */
    public Combat(Campaigns campaigns, Characters characters, TableFeed feed, Clock clock, TableTalk talk) {
        this.campaigns = campaigns;
        this.characters = characters;
        this.feed = feed;
        this.clock = clock;
        this.talk = talk;
    }

    /** The timeouts the DM has not been told about yet. */
    public TurnNotices notices() {
        return notices;
    }

    /** Starts combat (DM only); {@code turnSeconds} overrides the default turn deadline (0: none). */
    public CombatState start(Viewer viewer, List<Participant> participants, Optional<Long> turnSeconds) {
        Permissions.requireDm(viewer, "start combat");
        Campaign c = campaigns.current();
        if (c.combat().active()) {
            throw new GameException("combat is already running (round " + c.combat().round() + "); end_combat first");
        }
        if (participants.isEmpty()) {
            throw new GameException("start_combat needs at least one participant");
        }
        List<Combatant> list = new ArrayList<>();
        participants.forEach(p -> list.add(combatant(p, list)));
        long seconds = turnSeconds.orElse(c.combat.turnSeconds());
        if (seconds < 0) {
            throw new GameException("turn_seconds must not be negative, got " + seconds);
        }
        c.combat = new Campaign.CombatFile(c.combat(), seconds);
        return store(TurnOrder.start(list, clock.instant(), seconds));
    }

    /** Sets the one listener told when the turn passes (replacing any earlier one). */
    public void onTurnPassed(TurnListener listener) {
        this.turnListener = java.util.Objects.requireNonNull(listener, "listener");
    }

    /**
     * Replaces one combatant (same id) with a changed copy, e.g. new conditions; saves and announces it.
     * For the rules engine, which has checked the DM's permission.
     *
     * @throws GameException if there is no combat or no such combatant
     */
    public CombatState update(Combatant changed) {
        CombatState s = requireActive();
        if (s.order().stream().noneMatch(x -> x.id().equals(changed.id()))) {
            throw new GameException("no combatant " + changed.id() + " in this fight");
        }
        return store(TurnOrder.replace(s, changed));
    }

    /** The combat as {@code viewer} may see it. */
    public CombatState state(Viewer viewer) {
        return campaigns.current().combat().viewFor(viewer);
    }

    /** The full combat state. */
    public CombatState state() {
        return campaigns.current().combat();
    }

    /** Passes the turn to the next standing combatant (DM, or the player whose turn it is). */
    public CombatState next(Viewer viewer) {
        CombatState s = requireRoundRobin();
        requireTurnOwnerOrDm(viewer, s);
        return passed(s, store(TurnOrder.advance(s, clock.instant(), turnSeconds())));
    }

    /** The current combatant holds their action (DM, or the player whose turn it is). */
    public CombatState hold(Viewer viewer) {
        CombatState s = requireRoundRobin();
        requireTurnOwnerOrDm(viewer, s);
        return passed(s, store(TurnOrder.hold(s, clock.instant(), turnSeconds())));
    }

    /** Adds a late joiner into the initiative order (DM only). */
    public CombatState add(Viewer viewer, Participant p) {
        Permissions.requireDm(viewer, "add combatants");
        CombatState s = requireActive();
        return store(TurnOrder.add(s, combatant(p, s.order())));
    }

    /** Switches the turn mode (DM only); simultaneous needs a prompt. */
    public CombatState mode(Viewer viewer, TurnMode mode, Optional<String> prompt, Optional<Long> seconds) {
        Permissions.requireDm(viewer, "change the turn mode");
        CombatState s = requireActive();
        if (mode == TurnMode.ROUND_ROBIN) {
            return store(TurnOrder.roundRobin(s, clock.instant(), turnSeconds()));
        }
        String text = prompt.orElseThrow(() -> new GameException("simultaneous mode needs a prompt for the players"));
        return store(TurnOrder.simultaneous(s, text, clock.instant(), seconds.orElse(turnSeconds())));
    }

    /** A player answered the simultaneous prompt (for the party tools; the DM may also mark it). */
    public CombatState answered(String playerId) {
        CombatState s = requireActive();
        if (s.mode() != TurnMode.SIMULTANEOUS || !s.waitingFor().contains(playerId)) {
            throw new GameException("the table is not waiting for " + playerId + " (waiting for " + s.waitingFor() + ")");
        }
        return store(TurnOrder.answered(s, playerId));
    }

    /** Ends combat (DM only). */
    public CombatState end(Viewer viewer) {
        Permissions.requireDm(viewer, "end combat");
        requireActive();
        return store(CombatState.none());
    }

    /** Applies {@code amount} damage to a combatant or character; 0 HP marks them downed. */
    public Combatant damage(Viewer viewer, String target, int amount) {
        return changeHp(viewer, target, s -> Sheets.damage(s, amount), hp -> Math.max(0, hp - amount), amount);
    }

    /** Heals a combatant or character by {@code amount}. */
    public Combatant heal(Viewer viewer, String target, int amount) {
        return changeHp(viewer, target, s -> Sheets.heal(s, amount), hp -> hp + amount, amount);
    }

    /**
     * Enforces the deadline: if it has passed, passes the turn (round-robin) or stops waiting
     * (simultaneous), logs it, announces the new state and says so to the whole table in one public line
     * (e.g. "Time ran out for Thorin — Goblin is up."), which is also kept for the DM in {@link #notices}.
     * Called by the scheduler with the lock held.
     *
     * @return whether something changed
     */
    public boolean tick() {
        Optional<Campaign> c = campaigns.currentIfLoaded();
        if (c.isEmpty() || !TurnOrder.due(c.get().combat(), clock.instant())) {
            return false;
        }
        CombatState s = c.get().combat();
        String who = s.mode() == TurnMode.ROUND_ROBIN ? s.current().map(Combatant::name).orElse("?") + "'s turn"
                : "the simultaneous prompt for " + s.waitingFor();
        c.get().logEvent("combat", "time ran out: " + who + " passed automatically", clock.instant());
        CombatState after = store(TurnOrder.expire(s, clock.instant(), turnSeconds()));
        String line = timeoutLine(s, after);
        talk.share(line, dm20.protocol.Visibility.everyone());
        notices.post(new TurnNotices.Notice("turn_timeout", line, clock.instant()));
        if (s.mode() == TurnMode.ROUND_ROBIN) {
            passed(s, after);
        }
        return true;
    }

    /**
     * The public line for a turn that timed out. Names only what the table sees: a hidden combatant is never
     * named (the turn "passes" instead).
     */
    static String timeoutLine(CombatState before, CombatState after) {
        if (before.mode() == TurnMode.SIMULTANEOUS) {
            List<String> missing = before.order().stream()
                    .filter(x -> !x.hidden() && x.playerId().map(before.waitingFor()::contains).orElse(false))
                    .map(Combatant::name).distinct().toList();
            return missing.isEmpty() ? "Time's up — the round closes."
                    : "Time's up — the round closes without " + Names.joined(missing) + ".";
        }
        String late = before.current().filter(x -> !x.hidden()).map(x -> "Time ran out for " + x.name())
                .orElse("Time ran out");
        String next = after.current().filter(x -> !x.hidden()).filter(x -> !before.currentId().equals(after.currentId()))
                .map(x -> " — " + x.name() + " is up.").orElse(" — the turn passes.");
        return late + next;
    }

    private CombatState passed(CombatState before, CombatState after) {
        turnListener.turnPassed(before, after);
        return campaigns.current().combat();
    }

    private Combatant changeHp(Viewer viewer, String target, UnaryOperator<CharacterSheet> pcChange,
                               java.util.function.IntUnaryOperator npcChange, int amount) {
        if (amount < 0) {
            throw new GameException("the amount must not be negative, got " + amount);
        }
        CombatState s = campaigns.current().combat();
        Optional<Combatant> fighter = s.active()
                ? Names.lookup(target, s.order(), Combatant::id, Combatant::name) : Optional.empty();
        if (fighter.isPresent() && fighter.get().kind() != Kind.PC) {
            Permissions.requireDm(viewer, "change a monster's hit points");
            Combatant m = fighter.get();
            int max = m.maxHp().orElse(m.hp().orElse(0));
            int hp = Math.min(max, Math.max(0, npcChange.applyAsInt(m.hp().orElse(0))));
            Combatant updated = copy(m, Optional.of(hp), hp == 0);
            store(TurnOrder.replace(s, updated));
            return updated;
        }
        CharacterSheet sheet = characters.change(viewer, fighter.map(Combatant::id).orElse(target), pcChange);
        return syncPc(sheet).orElse(pcCombatant(sheet, 0, false));
    }

    /** Mirrors a PC's changed sheet into the combat order (HP, downed), if they fight; announces it. */
    public Optional<Combatant> syncPc(CharacterSheet sheet) {
        CombatState s = campaigns.current().combat();
        Optional<Combatant> in = s.order().stream().filter(x -> x.id().equals(sheet.id())).findFirst();
        Optional<Combatant> now = in.map(x -> pcCombatant(sheet, x.initiative(), x.hidden())
                .withConditions(vitalTags(sheet, x.conditions())));
        now.ifPresent(x -> store(TurnOrder.replace(s, x)));
        return now;
    }

    /**
     * A PC's condition tags with the ones that follow from their hit points brought up to date: at 0 HP
     * "unconscious" (with the death saves so far, or "stable"), after three failed death saves "dead".
     */
    static List<ConditionTag> vitalTags(CharacterSheet s, List<ConditionTag> tags) {
        List<ConditionTag> out = new ArrayList<>(tags.stream()
                .filter(t -> !t.name().equals("dead") && !t.name().equals("unconscious")).toList());
        DeathSaves ds = s.deathSaves();
        if (ds.dead()) {
            out.add(0, new ConditionTag("dead", Optional.empty(), false));
        } else if (s.hp().current() == 0) {
            out.add(0, new ConditionTag("unconscious", Optional.of(ds.stable() ? "stable; wakes when healed"
                    : "dying: death saves " + ds.successes() + " succeeded, " + ds.failures() + " failed"), false));
        }
        return out;
    }

    private Combatant combatant(Participant p, List<Combatant> existing) {
        Campaign c = campaigns.current();
        boolean pc = p.kind().map("pc"::equals).orElse(false);
        Optional<CharacterSheet> sheet = Names.lookup(p.name(), c.characters.values(), CharacterSheet::id,
                CharacterSheet::name);
        if (pc || (p.kind().isEmpty() && sheet.isPresent())) {
            CharacterSheet s = sheet.orElseGet(() -> characters.find(p.name()));
            if (existing.stream().anyMatch(x -> x.id().equals(s.id()))) {
                throw new GameException(s.name() + " is already in the initiative order");
            }
            return pcCombatant(s, p.initiative(), p.hidden());
        }
        if (p.kind().isEmpty()) {
            Names.closest(p.name(), c.characters.values().stream().map(CharacterSheet::name).toList())
                    .ifPresent(close -> {
                        throw new GameException("no character named '" + p.name() + "' — did you mean '" + close
                                + "'? (to add a monster of that name, pass kind 'monster')");
                    });
        }
        return monster(p, existing);
    }

    private Combatant pcCombatant(CharacterSheet s, int initiative, boolean hidden) {
        Optional<String> player = campaigns.current().ownerOf(s.id()).map(Player::id);
        return new Combatant(s.id(), s.name(), Kind.PC, Optional.of(s.id()), player, initiative,
                Optional.of(s.hp().current()), Optional.of(s.hp().max()), hidden, s.hp().current() == 0, false,
                Optional.of(s.armorClass()), vitalTags(s, List.of()));
    }

    private static Combatant monster(Participant p, List<Combatant> existing) {
        Kind kind = p.kind().map("npc"::equals).orElse(false) ? Kind.NPC : Kind.MONSTER;
        String base = (kind == Kind.NPC ? "npc-" : "m-") + Names.slug(p.name());
        String id = base;
        String name = p.name().strip();
        for (int n = 2; taken(existing, id); n++) {
            id = base + "-" + n;
            name = p.name().strip() + " " + n;
        }
        int hp = p.hp().orElse(p.maxHp().orElse(1));
        int max = Math.max(hp, p.maxHp().orElse(hp));
        return new Combatant(id, name, kind, Optional.empty(), Optional.empty(), p.initiative(), Optional.of(hp),
                Optional.of(max), p.hidden(), hp == 0, false, p.ac(), List.of());
    }

    private static boolean taken(List<Combatant> existing, String id) {
        return existing.stream().anyMatch(x -> x.id().equals(id));
    }

    private static Combatant copy(Combatant m, Optional<Integer> hp, boolean downed) {
        return m.withHp(hp, downed);
    }

    private CombatState requireActive() {
        CombatState s = campaigns.current().combat();
        if (!s.active()) {
            throw new GameException("there is no combat; start_combat first");
        }
        return s;
    }

    private CombatState requireRoundRobin() {
        CombatState s = requireActive();
        if (s.mode() != TurnMode.ROUND_ROBIN) {
            throw new GameException("combat is in simultaneous mode; set_turn_mode round_robin first");
        }
        return s;
    }

    private static void requireTurnOwnerOrDm(Viewer viewer, CombatState s) {
        if (!dm20.protocol.TurnRules.ownsTurn(s, viewer)) {
            throw new GameException("it is not your turn; waiting for " + s.current().map(Combatant::name).orElse("nobody"));
        }
    }

    private long turnSeconds() {
        return campaigns.current().combat.turnSeconds();
    }

    private CombatState store(CombatState s) {
        Campaign c = campaigns.current();
        c.combat = new Campaign.CombatFile(s, c.combat.turnSeconds());
        c.save(Campaign.COMBAT);
        feed.publish(new CombatUpdated(s, clock.instant()));
        return s;
    }
}
