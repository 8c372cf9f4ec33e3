package dm20.relay.browser;

import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.Visibility;
import dm20.protocol.message.InboxMessage;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.Samples;
import dm20.protocol.queue.BusReader;
import dm20.protocol.queue.Envelope;
import dm20.protocol.queue.PartyBus;
import dm20.protocol.sheet.CharacterSheet;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Plays the mcp-server's side of the bus for a browser test: appends outbox messages and reads the
 * actions the relay queued. Not thread-safe; one per test class.
 */
final class TableScript implements AutoCloseable {

    /** A seat as the test knows it: its public identity and its secret token. */
    record SeatKey(String seatId, String playerId, String characterId, String token) { }

    private final PartyBus bus;
    private final Tokens tokens = new Tokens(new SecureRandom());
    private final AtomicLong ids = new AtomicLong();
    private final BusReader<InboxMessage> inbox;

    TableScript(PartyBus bus) {
        this.bus = bus;
        this.inbox = bus.inboxReader(Optional.empty());
    }

    String id(String prefix) {
        return prefix + "-" + ids.incrementAndGet();
    }

    void send(OutboxMessage message) {
        bus.outboxWriter().append(message);
    }

    String openSession(String campaign) {
        String epoch = id("epoch") + "-" + System.nanoTime();
        send(new OutboxMessage.SessionOpened(epoch, campaign, Instant.now()));
        return epoch;
    }

    /** Issues a PLAYER seat with fresh ids; returns its key including the token for the link. */
    SeatKey player(String displayName) {
        String n = Long.toString(ids.incrementAndGet());
        SeatKey key = new SeatKey("s-" + n, "p-" + n, "c-" + n, tokens.newToken());
        send(new OutboxMessage.SeatIssued(key.seatId(), Role.PLAYER, displayName, Optional.of(key.playerId()),
                Optional.of(key.characterId()), Tokens.hash(key.token()), Instant.now()));
        return key;
    }

    /** Issues a seat of another role (OBSERVER or DM). */
    SeatKey seat(Role role, String displayName) {
        SeatKey key = new SeatKey(id("s"), "", "", tokens.newToken());
        send(new OutboxMessage.SeatIssued(key.seatId(), role, displayName, Optional.empty(), Optional.empty(),
                Tokens.hash(key.token()), Instant.now()));
        return key;
    }

    void narrative(String text, Visibility visibility) {
        send(new OutboxMessage.NarrativePosted(id("n"), text, visibility, Instant.now()));
    }

    void whisper(String text, String... playerIds) {
        send(new OutboxMessage.PrivateMessageSent(id("w"), List.of(playerIds), text, Instant.now()));
    }

    void roll(String label, int total, Visibility visibility) {
        send(new OutboxMessage.DiceRolled(id("r"), label, "1d20", List.of(total), Optional.empty(), 0, total,
                visibility, Instant.now()));
    }

    void sheet(SeatKey seat, CharacterSheet sheet) {
        send(new OutboxMessage.CharacterUpdated(seat.characterId(), Optional.of(seat.playerId()), sheet, Instant.now()));
    }

    /** A full sample sheet for the seat's character with the given name and current HP. */
    static CharacterSheet sampleSheet(SeatKey seat, String name, int hp) {
        CharacterSheet s = Samples.sheet(seat.characterId(), name, "Ann");
        return new CharacterSheet(s.id(), s.name(), s.playerName(), s.classes(), s.race(), s.background(),
                s.alignment(), s.abilities(), s.skillProficiencies(), s.saveProficiencies(), s.armorClass(),
                new CharacterSheet.HitPoints(hp, s.hp().max(), 0), s.hitDice(), s.deathSaves(), s.speed(),
                s.conditions(), s.inventory(), s.currency(), s.spellcastingAbility(), s.spellSlots(), s.spells(),
                s.features(), s.languages(), s.notes());
    }

    /** Round-robin combat between the given player seats (named as given), with {@code current}'s turn. */
    void combat(List<SeatKey> pcs, List<String> names, SeatKey current, Optional<SeatKey> onDeck) {
        combat(pcs, names, current, onDeck, Instant.now().plusSeconds(120));
    }

    /** Round-robin combat as above whose current turn ends at {@code deadline}. */
    void combat(List<SeatKey> pcs, List<String> names, SeatKey current, Optional<SeatKey> onDeck, Instant deadline) {
        var order = new java.util.ArrayList<CombatState.Combatant>();
        for (int i = 0; i < pcs.size(); i++) {
            SeatKey s = pcs.get(i);
            order.add(new CombatState.Combatant(s.characterId(), names.get(i), CombatState.Kind.PC,
                    Optional.of(s.characterId()), Optional.of(s.playerId()), 20 - i, Optional.of(15),
                    Optional.of(20), false, false, false));
        }
        order.add(new CombatState.Combatant("m-gob", "Goblin", CombatState.Kind.MONSTER, Optional.empty(),
                Optional.empty(), 3, Optional.of(7), Optional.of(7), false, false, false));
        send(new OutboxMessage.CombatUpdated(new CombatState(true, 1, CombatState.TurnMode.ROUND_ROBIN, order,
                Optional.of(current.characterId()), onDeck.map(SeatKey::characterId),
                Optional.of(deadline), Optional.empty(), List.of(current.playerId())),
                Instant.now()));
    }

    /** Simultaneous combat between the given seats: everyone answers {@code prompt} once before {@code deadline}. */
    void simultaneous(List<SeatKey> pcs, List<String> names, String prompt, Instant deadline, List<SeatKey> waiting) {
        var order = new java.util.ArrayList<CombatState.Combatant>();
        for (int i = 0; i < pcs.size(); i++) {
            SeatKey s = pcs.get(i);
            order.add(new CombatState.Combatant(s.characterId(), names.get(i), CombatState.Kind.PC,
                    Optional.of(s.characterId()), Optional.of(s.playerId()), 20 - i, Optional.of(15),
                    Optional.of(20), false, false, false));
        }
        send(new OutboxMessage.CombatUpdated(new CombatState(true, 2, CombatState.TurnMode.SIMULTANEOUS, order,
                Optional.empty(), Optional.empty(), Optional.of(deadline), Optional.of(prompt),
                waiting.stream().map(SeatKey::playerId).toList()), Instant.now()));
    }

    void endCombat() {
        send(new OutboxMessage.CombatUpdated(CombatState.none(), Instant.now()));
    }

    /** Waits for the relay to queue an action whose text contains {@code part}. */
    InboxMessage.ActionSubmitted awaitAction(String part, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            Optional<Envelope<InboxMessage>> next = inbox.next();
            if (next.isPresent() && next.get().message() instanceof InboxMessage.ActionSubmitted a
                    && a.text().contains(part)) {
                return a;
            }
            if (next.isEmpty()) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no action_submitted containing '" + part + "' within " + timeout);
    }

    /** Waits for the next inbox message of {@code type} that {@code wanted} accepts, skipping others. */
    <M extends InboxMessage> M awaitInbox(Class<M> type, java.util.function.Predicate<M> wanted, Duration timeout)
            throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            Optional<Envelope<InboxMessage>> next = inbox.next();
            if (next.isPresent() && type.isInstance(next.get().message()) && wanted.test(type.cast(next.get().message()))) {
                return type.cast(next.get().message());
            }
            if (next.isEmpty()) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout);
    }

    /** Every action the relay queued, in order, up to and including the first whose text contains {@code part}. */
    List<InboxMessage.ActionSubmitted> actionsUntil(String part, Duration timeout) throws InterruptedException {
        var seen = new java.util.ArrayList<InboxMessage.ActionSubmitted>();
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            Optional<Envelope<InboxMessage>> next = inbox.next();
            if (next.isPresent() && next.get().message() instanceof InboxMessage.ActionSubmitted a) {
                seen.add(a);
                if (a.text().contains(part)) {
                    return seen;
                }
            }
            if (next.isEmpty()) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no action_submitted containing '" + part + "' within " + timeout + "; saw " + seen);
    }

    @Override
    public void close() {
        inbox.close();
    }
}
