package dm20.protocol.message;

import dm20.protocol.CombatState;
import dm20.protocol.Role;
import dm20.protocol.Visibility;
import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.ClassLevel;
import dm20.protocol.sheet.CharacterSheet.Currency;
import dm20.protocol.sheet.CharacterSheet.DeathSaves;
import dm20.protocol.sheet.CharacterSheet.Feature;
import dm20.protocol.sheet.CharacterSheet.HitDice;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.Item;
import dm20.protocol.sheet.CharacterSheet.Spell;
import dm20.protocol.sheet.CharacterSheet.SpellSlots;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sample messages for tests in every module: one of each type, every optional field filled. */
public final class Samples {

    public static final Instant AT = Instant.parse("2026-11-26T05:00:00Z");
    public static final String HASH = "a".repeat(64);

    private Samples() {
    }

    /** A full level-3 sheet for {@code id}, played by {@code player}. */
    public static CharacterSheet sheet(String id, String name, String player) {
        return new CharacterSheet(id, name, Optional.of(player),
                List.of(new ClassLevel("Wizard", 3, Optional.of("Evocation"))), "Elf", "Sage", "Neutral Good",
                new Abilities(8, 14, 12, 17, 13, 10), List.of("Arcana", "History"), List.of("INT", "WIS"),
                12, new HitPoints(17, 20, 2), List.of(new HitDice(6, 3, 2)), new DeathSaves(0, 0), 30,
                List.of("poisoned"),
                List.of(new Item("Quarterstaff", 1, true, Optional.of("main_hand"), "A sturdy staff"),
                        new Item("Potion of Healing", 2, false, Optional.empty(), "")),
                new Currency(5, 10, 0, 42, 1), Optional.of("INT"),
                List.of(new SpellSlots(1, 4, 1), new SpellSlots(2, 2, 0)),
                List.of(new Spell("Fire Bolt", 0, true, "2d10 fire"), new Spell("Shield", 1, true, "")),
                List.of(new Feature("Arcane Recovery", "Wizard 1", "Recover slots on a short rest")),
                List.of("Common", "Elvish"), "Owes the guild 10 gp");
    }

    /**
     * A round-robin fight: two PCs (Ara with AC 16 and a condition), a visible goblin (AC 15, one visible and
     * one hidden condition), a hidden one.
     */
    public static CombatState combat() {
        return new CombatState(true, 2, CombatState.TurnMode.ROUND_ROBIN, List.of(
                pc("c-ara", "Ara", "p-ann", 18).withAc(Optional.of(16)).withConditions(List.of(
                        new CombatState.ConditionTag("poisoned", Optional.of("end of Goblin's next turn"), false))),
                new CombatState.Combatant("m-gob1", "Goblin", CombatState.Kind.MONSTER, Optional.empty(),
                        Optional.empty(), 15, Optional.of(7), Optional.of(7), false, false, false, Optional.of(15),
                        List.of(new CombatState.ConditionTag("prone", Optional.empty(), false),
                                new CombatState.ConditionTag("charmed", Optional.of("save ends (DC 13 WIS)"), true))),
                pc("c-bor", "Bor", "p-ben", 12),
                new CombatState.Combatant("m-gob2", "Goblin Sneak", CombatState.Kind.MONSTER, Optional.empty(),
                        Optional.empty(), 10, Optional.of(5), Optional.of(5), true, false, false)),
                Optional.of("c-ara"), Optional.of("m-gob1"), Optional.of(AT.plusSeconds(300)),
                Optional.empty(), List.of("p-ann"));
    }

    static CombatState.Combatant pc(String id, String name, String player, int init) {
        return new CombatState.Combatant(id, name, CombatState.Kind.PC, Optional.of(id), Optional.of(player), init,
                Optional.of(20), Optional.of(20), false, false, false);
    }

    public static List<InboxMessage> allInbox() {
        return List.of(
                new InboxMessage.ActionSubmitted("a-1", "s-ann", "p-ann", "c-ara", "I open the door", true, AT),
                new InboxMessage.PresenceChanged("s-ann", 2, AT),
                new InboxMessage.RelayStarted("r-1", List.of("http://192.168.1.5:8080"), 8080, 4242, AT),
                new InboxMessage.RelayFailed("r-1", "port 8080 is in use", AT),
                new InboxMessage.RelayStopped("r-1", "SIGTERM", AT),
                new InboxMessage.HostRequested("h-1", "seat-host", InboxMessage.HostCommand.LOCK, Optional.empty(),
                        List.of("s-ann", "seat-observer"), AT),
                new InboxMessage.RollRequested("q-1", "s-ann", "p-ann", "c-ara", InboxMessage.RollKind.SKILL, "Stealth",
                        InboxMessage.RollEdge.ADVANTAGE, AT),
                new InboxMessage.TurnEndRequested("t-1", "s-ann", "p-ann", AT));
    }

    public static List<OutboxMessage> allOutbox() {
        return List.of(
                new OutboxMessage.SessionOpened("e-1", "The Sunless Citadel", AT,
                        Optional.of(new OutboxMessage.Resume(4294967340L, 4294967310L, List.of(4294967301L, 4294967322L)))),
                new OutboxMessage.SeatIssued("s-ann", Role.PLAYER, "Ann (Ara)", Optional.of("p-ann"),
                        Optional.of("c-ara"), HASH, AT),
                new OutboxMessage.SeatRevoked("s-ann", "kicked by the host", AT),
                new OutboxMessage.ActionRejected("a-1", "s-ann", "not your turn", AT),
                new OutboxMessage.ActionClaimed("a-1", "s-ann", AT),
                new OutboxMessage.ActionResolved("a-1", "s-ann", "The door creaks open.",
                        List.of(new OutboxMessage.PrivatePart("p-ann", "You notice a trap.")),
                        Optional.of("trap DC 15"), AT, Optional.of("Ara")),
                new OutboxMessage.NarrativePosted("n-1", "Night falls.", Visibility.party(), AT),
                new OutboxMessage.PrivateMessageSent("w-1", List.of("p-ann", "p-ben"), "Psst.", AT),
                new OutboxMessage.DiceRolled("r-1", "Perception", "1d20+3", List.of(12, 17), Optional.of(17), 3, 20,
                        Visibility.player("p-ann"), AT, Optional.of("Ara")),
                new OutboxMessage.CharacterUpdated("c-ara", Optional.of("p-ann"), sheet("c-ara", "Ara", "Ann"), AT),
                new OutboxMessage.CombatUpdated(combat(), AT),
                new OutboxMessage.DmThinking(true, Optional.of("Resolving Ara's action"), AT),
                new OutboxMessage.SessionClosed("party mode stopped", AT),
                new OutboxMessage.RoomLockChanged(true, List.of("s-ann"), AT));
    }
}
