package dm20.mcp.game;

import dm20.protocol.sheet.CharacterSheet;
import dm20.protocol.sheet.CharacterSheet.Abilities;
import dm20.protocol.sheet.CharacterSheet.DeathSaves;
import dm20.protocol.sheet.CharacterSheet.HitDice;
import dm20.protocol.sheet.CharacterSheet.HitPoints;
import dm20.protocol.sheet.CharacterSheet.Item;
import dm20.protocol.sheet.CharacterSheet.SpellSlots;

import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Game rules that turn one sheet into the next: hit points, items, spell slots, rests, death saves. Pure
 * functions; a rule violation is a {@link GameException} with a message for the DM.
 */
public final class Sheets {

    private Sheets() {
    }

    /** Takes {@code amount} damage, temporary hit points first; at 0 HP the character is downed. */
    public static CharacterSheet damage(CharacterSheet s, int amount) {
        requireNonNegative(amount, "damage");
        int fromTemp = Math.min(s.hp().temp(), amount);
        int current = Math.max(0, s.hp().current() - (amount - fromTemp));
        return withHp(s, new HitPoints(current, s.hp().max(), s.hp().temp() - fromTemp));
    }

    /** Regains {@code amount} HP up to the maximum; a downed character who is healed loses their death saves. */
    public static CharacterSheet heal(CharacterSheet s, int amount) {
        requireNonNegative(amount, "healing");
        if (s.deathSaves().dead()) {
            throw new GameException(s.name() + " is dead (three failed death saves); healing does not help");
        }
        int current = Math.min(s.hp().max(), s.hp().current() + amount);
        CharacterDraft d = CharacterDraft.of(withHp(s, new HitPoints(current, s.hp().max(), s.hp().temp())));
        if (current > 0) {
            d.deathSaves = DeathSaves.NONE;
        }
        return d.build();
    }

    /** The same sheet with other hit points. */
    public static CharacterSheet withHp(CharacterSheet s, HitPoints hp) {
        CharacterDraft d = CharacterDraft.of(s);
        d.hp = hp;
        return d.build();
    }

    /** Adds {@code quantity} of an item, stacking with an item of the same name. */
    public static CharacterSheet addItem(CharacterSheet s, String name, int quantity, String description) {
        CharacterDraft d = CharacterDraft.of(s);
        Optional<Item> existing = findItem(s, name);
        if (existing.isPresent()) {
            Item e = existing.get();
            d.inventory.set(s.inventory().indexOf(e), new Item(e.name(), e.quantity() + quantity, e.equipped(),
                    e.slot(), description.isBlank() ? e.description() : description));
        } else {
            d.inventory.add(new Item(name, quantity, false, Optional.empty(), description));
        }
        return d.build();
    }

    /** Removes {@code quantity} of an item (all of it if the quantity reaches 0). */
    public static CharacterSheet removeItem(CharacterSheet s, String name, int quantity) {
        Item e = requireItem(s, name);
        if (quantity > e.quantity()) {
            throw new GameException(s.name() + " has only " + e.quantity() + " × " + e.name());
        }
        CharacterDraft d = CharacterDraft.of(s);
        int index = s.inventory().indexOf(e);
        if (quantity == e.quantity()) {
            d.inventory.remove(index);
        } else {
            d.inventory.set(index, new Item(e.name(), e.quantity() - quantity, e.equipped(), e.slot(), e.description()));
        }
        return d.build();
    }

    /** Equips (into {@code slot}) or unequips an item; equipping frees the slot from any other item. */
    public static CharacterSheet equip(CharacterSheet s, String name, boolean equipped, Optional<String> slot) {
        Item e = requireItem(s, name);
        CharacterDraft d = CharacterDraft.of(s);
        if (equipped && slot.isPresent()) {
            d.inventory.replaceAll(i -> i != e && i.slot().equals(slot)
                    ? new Item(i.name(), i.quantity(), false, Optional.empty(), i.description()) : i);
        }
        d.inventory.set(d.inventory.indexOf(e), new Item(e.name(), e.quantity(), equipped,
                equipped ? slot.or(e::slot) : Optional.empty(), e.description()));
        return d.build();
    }

    /** Spends one spell slot of {@code level}. */
    public static CharacterSheet useSpellSlot(CharacterSheet s, int level) {
        SpellSlots slots = s.spellSlots().stream().filter(x -> x.level() == level).findFirst()
                .orElseThrow(() -> new GameException(s.name() + " has no level-" + level + " spell slots"));
        if (slots.used() >= slots.max()) {
            throw new GameException(s.name() + " has no level-" + level + " spell slots left (" + slots.max()
                    + " used); a long rest restores them");
        }
        CharacterDraft d = CharacterDraft.of(s);
        d.spellSlots.set(s.spellSlots().indexOf(slots), new SpellSlots(level, slots.max(), slots.used() + 1));
        return d.build();
    }

    /**
     * A short rest spending {@code dice} hit dice: each heals a roll of the die plus the CON modifier
     * (at least 0). {@code roll} maps a die size to a face.
     */
    public static CharacterSheet shortRest(CharacterSheet s, int dice, IntUnaryOperator roll) {
        requireNonNegative(dice, "hit dice");
        int available = s.hitDice().stream().mapToInt(HitDice::remaining).sum();
        if (dice > available) {
            throw new GameException(s.name() + " has only " + available + " hit dice left");
        }
        CharacterDraft d = CharacterDraft.of(s);
        int healed = 0;
        int con = Abilities.modifier(s.abilities().con());
        for (int spent = 0; spent < dice; spent++) {
            HitDice hd = d.hitDice.stream().filter(h -> h.remaining() > 0)
                    .max(java.util.Comparator.comparingInt(HitDice::die)).orElseThrow();
            d.hitDice.set(d.hitDice.indexOf(hd), new HitDice(hd.die(), hd.total(), hd.remaining() - 1));
            healed += Math.max(0, roll.applyAsInt(hd.die()) + con);
        }
        d.hp = new HitPoints(Math.min(s.hp().max(), s.hp().current() + healed), s.hp().max(), s.hp().temp());
        return d.build();
    }

    /** A long rest: full HP, all spell slots, half the hit dice back (at least one), death saves cleared. */
    public static CharacterSheet longRest(CharacterSheet s) {
        if (s.deathSaves().dead()) {
            throw new GameException(s.name() + " is dead; resting does not help");
        }
        CharacterDraft d = CharacterDraft.of(s);
        d.hp = new HitPoints(s.hp().max(), s.hp().max(), 0);
        d.spellSlots.replaceAll(x -> new SpellSlots(x.level(), x.max(), 0));
        int regain = Math.max(1, s.hitDice().stream().mapToInt(HitDice::total).sum() / 2);
        for (int i = 0; i < d.hitDice.size() && regain > 0; i++) {
            HitDice hd = d.hitDice.get(i);
            int back = Math.min(regain, hd.total() - hd.remaining());
            d.hitDice.set(i, new HitDice(hd.die(), hd.total(), hd.remaining() + back));
            regain -= back;
        }
        d.deathSaves = DeathSaves.NONE;
        return d.build();
    }

    /**
     * A death saving throw with a d20 face: 20 regains 1 HP, 1 counts as two failures, 10+ succeeds.
     *
     * @throws GameException if the character is not at 0 HP, or is already stable or dead
     */
    public static CharacterSheet deathSave(CharacterSheet s, int d20) {
        if (s.hp().current() > 0) {
            throw new GameException(s.name() + " is not at 0 HP; death saves are only for the downed");
        }
        DeathSaves ds = s.deathSaves();
        if (ds.dead() || ds.stable()) {
            throw new GameException(s.name() + " is already " + (ds.dead() ? "dead" : "stable"));
        }
        if (d20 == 20) {
            return heal(s, 1);
        }
        CharacterDraft d = CharacterDraft.of(s);
        d.deathSaves = d20 >= 10 ? new DeathSaves(ds.successes() + 1, ds.failures())
                : new DeathSaves(ds.successes(), Math.min(3, ds.failures() + (d20 == 1 ? 2 : 1)));
        return d.build();
    }

    /**
     * Damage taken at 0 HP: one failed death save, two for a critical hit; three failures are death.
     *
     * @throws GameException if the character is not at 0 HP
     */
    public static CharacterSheet failDeathSaves(CharacterSheet s, int failures) {
        if (s.hp().current() > 0) {
            throw new GameException(s.name() + " is not at 0 HP; death saves are only for the downed");
        }
        CharacterDraft d = CharacterDraft.of(s);
        DeathSaves ds = s.deathSaves();
        d.deathSaves = new DeathSaves(Math.min(3, ds.successes()), Math.min(3, ds.failures() + failures));
        return d.build();
    }

    /** The same sheet with these conditions (names as shown on the sheet, in order, no duplicates). */
    public static CharacterSheet withConditions(CharacterSheet s, java.util.List<String> conditions) {
        CharacterDraft d = CharacterDraft.of(s);
        d.conditions.clear();
        conditions.stream().distinct().forEach(d.conditions::add);
        return d.build();
    }

    static Optional<Item> findItem(CharacterSheet s, String name) {
        return s.inventory().stream().filter(i -> i.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    private static Item requireItem(CharacterSheet s, String name) {
        return findItem(s, name).orElseThrow(() -> new GameException(Names.notFound("item", name,
                s.inventory().stream().map(Item::name).toList()) + " (in " + s.name() + "'s inventory)"));
    }

    private static void requireNonNegative(int amount, String what) {
        if (amount < 0) {
            throw new GameException(what + " must not be negative, got " + amount);
        }
    }
}
