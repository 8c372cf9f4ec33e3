package dm20.relay;

import dm20.protocol.CombatState;
import dm20.protocol.CombatState.Combatant;
import dm20.protocol.CombatState.Kind;
import dm20.protocol.CombatState.TurnMode;
import dm20.protocol.Role;
import dm20.protocol.Tokens;
import dm20.protocol.Visibility;
import dm20.protocol.message.OutboxMessage;
import dm20.protocol.message.OutboxMessage.SeatIssued;
import dm20.protocol.queue.Envelope;
import dm20.protocol.sheet.CharacterSheet;
import dm20.relay.state.Seat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A table for tests: a DM seat, four player seats (p1..p4 playing c1..c4, tokens "token-pN") and an
 * observer, plus message factories. Immutable.
 */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2026-11-26T05:00:00Z");
    public static final List<String> PLAYERS = List.of("p1", "p2", "p3", "p4");

    private Fixtures() {
    }

    public static String token(String seatId) {
        return "token-" + seatId;
    }

    public static SeatIssued issue(String seatId, Role role, String name) {
        boolean player = role == Role.PLAYER;
        return new SeatIssued(seatId, role, name, player ? Optional.of(seatId) : Optional.empty(),
                player ? Optional.of("c" + seatId.substring(1)) : Optional.empty(), Tokens.hash(token(seatId)), T0);
    }

    /** The seats: "dm", "p1".."p4" (player ids p1..p4, characters c1..c4, names Hero1..Hero4), "tv". */
    public static List<SeatIssued> seatMessages() {
        List<SeatIssued> seats = new ArrayList<>();
        seats.add(issue("dm", Role.DM, "Host"));
        PLAYERS.forEach(p -> seats.add(issue(p, Role.PLAYER, "Hero" + p.substring(1))));
        seats.add(issue("tv", Role.OBSERVER, "TV"));
        return seats;
    }

    public static List<Seat> seats() {
        return seatMessages().stream().map(Fixtures::seat).toList();
    }

    public static Seat seat(SeatIssued s) {
        return new Seat(s.seatId(), s.role(), s.displayName(), s.playerId(), s.characterId(), s.tokenHash());
    }

    public static Seat seat(String seatId) {
        return seats().stream().filter(s -> s.seatId().equals(seatId)).findFirst().orElseThrow();
    }

    /** session_opened, then every seat, as envelopes from sequence {@code firstSeq}. */
    public static List<Envelope<OutboxMessage>> opening(String epoch, long firstSeq) {
        List<Envelope<OutboxMessage>> out = new ArrayList<>();
        out.add(new Envelope<>(firstSeq, new OutboxMessage.SessionOpened(epoch, "Lost Mine", T0)));
        long seq = firstSeq;
        for (SeatIssued s : seatMessages()) {
            out.add(new Envelope<>(++seq, s));
        }
        return out;
    }

    public static OutboxMessage.NarrativePosted narrative(String id, String text, Visibility visibility) {
        return new OutboxMessage.NarrativePosted(id, text, visibility, T0);
    }

    public static CharacterSheet sheet(String characterId, String name) {
        return new CharacterSheet(characterId, name, Optional.empty(),
                List.of(new CharacterSheet.ClassLevel("Fighter", 3, Optional.empty())), "Dwarf", "Soldier", "LG",
                CharacterSheet.Abilities.DEFAULT, List.of(), List.of(), 16, new CharacterSheet.HitPoints(20, 28, 0),
                List.of(), CharacterSheet.DeathSaves.NONE, 25, List.of(), List.of(), CharacterSheet.Currency.NONE,
                Optional.empty(), List.of(), List.of(), List.of(), List.of(), "");
    }

    public static Combatant pc(String playerId) {
        String n = playerId.substring(1);
        return new Combatant("c" + n, "Hero" + n, Kind.PC, Optional.of("c" + n), Optional.of(playerId), 10,
                Optional.of(20), Optional.of(28), false, false, false);
    }

    public static Combatant monster(String id, String name, boolean hidden) {
        return new Combatant(id, name, Kind.MONSTER, Optional.empty(), Optional.empty(), 12, Optional.of(7),
                Optional.of(7), hidden, false, false);
    }

    /** Round-robin combat, current = {@code currentId}, with a visible goblin and a hidden assassin. */
    public static CombatState roundRobin(String currentId) {
        List<Combatant> order = new ArrayList<>();
        PLAYERS.forEach(p -> order.add(pc(p)));
        order.add(monster("m1", "Goblin", false));
        order.add(monster("m2", "Assassin", true));
        return new CombatState(true, 1, TurnMode.ROUND_ROBIN, order, Optional.of(currentId), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of());
    }

    public static CombatState simultaneous(List<String> waitingFor, Instant deadline) {
        return new CombatState(true, 2, TurnMode.SIMULTANEOUS, PLAYERS.stream().map(Fixtures::pc).toList(),
                Optional.empty(), Optional.empty(), Optional.of(deadline), Optional.of("What do you do?"), waitingFor);
    }
}
