package dm20.mcp.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A few monsters, spells and weapons with the SRD's numbers, so that engine rules are tested apart from the
 * rules data. Each is chosen for a rule: the skeleton's vulnerability and immunities, the wight's resistance
 * to nonmagical weapons, Fireball's half on a save and its upcast table, Hold Person's concentration.
 */
public final class SampleCompendium implements Compendium {

    public static final StatBlock GOBLIN = new StatBlock("Goblin", "humanoid", 0.25, 50, 15, 7, "2d6", 30,
            Map.of("STR", 8, "DEX", 14, "CON", 10, "INT", 10, "WIS", 8, "CHA", 8), Map.of(), null,
            List.of(new StatBlock.Action("Scimitar", 4, List.of(new StatBlock.DamageRoll("1d6+2", "slashing"))),
                    new StatBlock.Action("Shortbow", 4, List.of(new StatBlock.DamageRoll("1d6+2", "piercing")))));
    public static final StatBlock SKELETON = new StatBlock("Skeleton", "undead", 0.25, 50, 13, 13, "2d8+4", 30,
            Map.of("STR", 10, "DEX", 14, "CON", 15, "INT", 6, "WIS", 8, "CHA", 5), Map.of(),
            new StatBlock.Defenses(List.of(), List.of("poison"), List.of("bludgeoning"), List.of("exhaustion", "poisoned")),
            List.of(new StatBlock.Action("Shortsword", 4, List.of(new StatBlock.DamageRoll("1d6+2", "piercing")))));
    public static final StatBlock WIGHT = new StatBlock("Wight", "undead", 3, 700, 14, 45, "6d8+18", 30,
            Map.of("STR", 15, "DEX", 14, "CON", 16, "INT", 10, "WIS", 13, "CHA", 15), Map.of(),
            new StatBlock.Defenses(List.of("necrotic", "bludgeoning (nonmagical)", "piercing (nonmagical)",
                    "slashing (nonmagical)"), List.of("poison"), List.of(), List.of("exhaustion", "poisoned")),
            List.of(new StatBlock.Action("Longsword", 4, List.of(new StatBlock.DamageRoll("1d8+2", "slashing")))));
    public static final StatBlock OGRE = new StatBlock("Ogre", "giant", 2, 450, 11, 59, "7d10+21", 40,
            Map.of("STR", 19, "DEX", 8, "CON", 16, "INT", 5, "WIS", 7, "CHA", 7), Map.of(), null,
            List.of(new StatBlock.Action("Greatclub", 6, List.of(new StatBlock.DamageRoll("2d8+4", "bludgeoning")))));

    private static final List<StatBlock> MONSTERS = List.of(GOBLIN, SKELETON, WIGHT, OGRE);
    private static final List<SpellProfile> SPELLS = List.of(
            new SpellProfile("Fireball", 3, false, Optional.of("DEX"), true, false, Optional.of("fire"),
                    Map.of(3, "8d6", 4, "9d6", 5, "10d6"), Map.of()),
            new SpellProfile("Sacred Flame", 0, false, Optional.of("DEX"), false, false, Optional.of("radiant"),
                    Map.of(), Map.of(1, "1d8", 5, "2d8", 11, "3d8", 17, "4d8")),
            new SpellProfile("Fire Bolt", 0, false, Optional.empty(), false, true, Optional.of("fire"),
                    Map.of(), Map.of(1, "1d10", 5, "2d10", 11, "3d10", 17, "4d10")),
            new SpellProfile("Hold Person", 2, true, Optional.of("WIS"), false, false, Optional.empty(),
                    Map.of(), Map.of()),
            new SpellProfile("Bless", 1, true, Optional.empty(), false, false, Optional.empty(), Map.of(), Map.of()),
            new SpellProfile("Burning Hands", 1, false, Optional.of("DEX"), true, false, Optional.of("fire"),
                    Map.of(1, "3d6", 2, "4d6", 3, "5d6"), Map.of()));
    private static final List<WeaponProfile> WEAPONS = List.of(
            new WeaponProfile("Longsword", "1d8", "slashing", false, List.of("versatile")),
            new WeaponProfile("Warhammer", "1d8", "bludgeoning", false, List.of("versatile")),
            new WeaponProfile("Rapier", "1d8", "piercing", false, List.of("finesse")),
            new WeaponProfile("Shortbow", "1d6", "piercing", true, List.of("two-handed")));

    @Override
    public Optional<StatBlock> monster(String name) {
        return MONSTERS.stream().filter(m -> m.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    @Override
    public Optional<SpellProfile> spell(String name) {
        return SPELLS.stream().filter(m -> m.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    @Override
    public Optional<WeaponProfile> weapon(String name) {
        return WEAPONS.stream().filter(m -> m.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    @Override
    public List<StatBlock> monsters() {
        return MONSTERS;
    }
}
