package dm20.mcp.engine;

import dm20.mcp.rules.Ability;
import dm20.mcp.rules.Damage;
import dm20.mcp.rules.Item;
import dm20.mcp.rules.Monster;
import dm20.mcp.rules.Rulebook;
import dm20.mcp.rules.Spell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's {@link Compendium} over the SRD {@link Rulebook}: monsters become {@link StatBlock}s (attack
 * actions only; resistances "from nonmagical attacks" marked as such), spells become {@link SpellProfile}s
 * with damage by slot level read from their "At Higher Levels" text and cantrip damage by character level
 * read from their description, weapons become {@link WeaponProfile}s. Conversions are cached; thread-safe.
 */
public final class SrdCompendium implements Compendium {

    private static final List<String> DAMAGE_TYPES = List.of("acid", "bludgeoning", "cold", "fire", "force",
            "lightning", "necrotic", "piercing", "poison", "psychic", "radiant", "slashing", "thunder");
    private static final Pattern UPCAST = Pattern.compile("increases by (\\d+)d(\\d+) for each (?:spell )?slot level"
            + " above");
    private static final Pattern CANTRIP = Pattern.compile("(\\d+)(?:st|nd|rd|th) level \\((\\d+d\\d+)\\)");
    private static final Pattern DICE = Pattern.compile("(\\d+)d(\\d+)");

    private final Rulebook rules;
    private final Map<String, StatBlock> blocks = new ConcurrentHashMap<>();
    private volatile List<StatBlock> all;

    public SrdCompendium(Rulebook rules) {
        this.rules = rules;
    }

    @Override
    public Optional<StatBlock> monster(String name) {
        return rules.monster(name).map(m -> blocks.computeIfAbsent(m.name(), k -> block(m)));
    }

    @Override
    public Optional<SpellProfile> spell(String name) {
        return rules.spell(name).map(SrdCompendium::profile);
    }

    @Override
    public Optional<WeaponProfile> weapon(String name) {
        return rules.item(name).flatMap(i -> i.weapon().map(w -> weapon(i, w)));
    }

    @Override
    public List<StatBlock> monsters() {
        List<StatBlock> list = all;
        if (list == null) {
            list = rules.monsters().stream().map(m -> blocks.computeIfAbsent(m.name(), k -> block(m))).toList();
            all = list;
        }
        return list;
    }

    static StatBlock block(Monster m) {
        Map<String, Integer> abilities = new LinkedHashMap<>();
        Map<String, Integer> saves = new LinkedHashMap<>();
        for (Ability a : Ability.values()) {
            abilities.put(a.name(), m.abilities().score(a));
        }
        m.saves().forEach((a, bonus) -> saves.put(a.name(), bonus));
        List<StatBlock.Action> actions = m.actions().stream().filter(Monster.Action::isAttack)
                .map(a -> new StatBlock.Action(a.name(), a.attackBonus().orElseThrow(), a.damage().stream()
                        .map(d -> new StatBlock.DamageRoll(dice(d), d.type())).toList())).toList();
        StatBlock.Defenses defenses = new StatBlock.Defenses(types(m.resistances()), types(m.immunities()),
                types(m.vulnerabilities()), m.conditionImmunities());
        return new StatBlock(m.name(), m.type(), m.challengeRating(), m.xp(), Math.max(1, m.armorClass()),
                Math.max(1, m.hitPoints()), m.hitDice().isBlank() ? "" : withConBonus(m), m.speed()
                .getOrDefault("walk", 0), abilities, saves, defenses, actions);
    }

    /** The hit dice with the CON bonus per die folded in, as rolled hit points are ("2d8" + 2×CON). */
    private static String withConBonus(Monster m) {
        Matcher d = DICE.matcher(m.hitDice());
        if (!d.find()) {
            return m.hitDice();
        }
        int bonus = Integer.parseInt(d.group(1)) * m.abilities().modifier(Ability.CON);
        return DamageMath.plus(d.group(), bonus);
    }

    /** "bludgeoning, piercing, and slashing from nonmagical attacks" → the three, marked nonmagical-only. */
    static List<String> types(List<String> entries) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            String l = e.toLowerCase(Locale.ROOT);
            boolean nonmagical = l.contains("nonmagical");
            DAMAGE_TYPES.stream().filter(t -> Pattern.compile("\\b" + t + "\\b").matcher(l).find())
                    .forEach(t -> out.add(nonmagical ? t + " (nonmagical)" : t));
        }
        return out;
    }

    static SpellProfile profile(Spell s) {
        Optional<Damage> base = s.damage().stream().findFirst();
        Map<Integer, String> bySlot = new LinkedHashMap<>();
        Map<Integer, String> byLevel = new LinkedHashMap<>();
        base.ifPresent(d -> {
            if (s.cantrip()) {
                byLevel.put(1, dice(d));
                Matcher m = CANTRIP.matcher(s.description() + " " + s.higherLevels());
                while (m.find()) {
                    byLevel.put(Integer.parseInt(m.group(1)), DamageMath.plus(m.group(2), d.bonus()));
                }
            } else {
                Matcher m = UPCAST.matcher(s.higherLevels());
                for (int slot = s.level(); slot <= 9; slot++) {
                    int extra = slot - s.level();
                    bySlot.put(slot, m.find(0) && extra > 0 ? upcast(d, extra * Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2))) : dice(d));
                }
            }
        });
        return new SpellProfile(s.name(), s.level(), s.concentration(), s.save().map(Ability::name), s.halfOnSave(),
                s.attack().isPresent(), base.map(Damage::type).filter(t -> !t.isBlank()), bySlot, byLevel);
    }

    /** Base damage plus {@code n} more dice of {@code sides} ("8d6" + 2d6 → "10d6"; "3d8" + 1d6 → "3d8+1d6"). */
    private static String upcast(Damage d, int n, int sides) {
        Matcher m = DICE.matcher(d.dice());
        String dice = m.matches() && Integer.parseInt(m.group(2)) == sides
                ? (Integer.parseInt(m.group(1)) + n) + "d" + sides : d.dice() + "+" + n + "d" + sides;
        return DamageMath.plus(dice, d.bonus());
    }

    private static WeaponProfile weapon(Item i, Item.Weapon w) {
        return new WeaponProfile(i.name(), dice(w.damage()), w.damage().type(), w.ranged(),
                w.properties().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList());
    }

    private static String dice(Damage d) {
        return DamageMath.plus(d.dice(), d.bonus());
    }
}
