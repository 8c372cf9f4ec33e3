package dm20.mcp.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A piece of equipment from the SRD: a weapon, armor (shields included), adventuring gear, a tool, a mount
 * or vehicle.
 *
 * @param category    "Weapon", "Armor", "Adventuring Gear", "Tools", "Mounts and Vehicles"
 * @param subcategory "Martial Melee", "Heavy", "Ammunition", "Artisan's Tools", … (empty if none)
 * @param cost        e.g. "15 gp" (empty if the SRD lists none)
 * @param weight      pounds (0 when the SRD lists none)
 * @param description the SRD's text, if it has one
 * @param contents    for packs: "10 Torch", …
 * @param weapon      the weapon's numbers, for weapons
 * @param armor       the armor's numbers, for armor and shields
 */
public record Item(String name, String category, String subcategory, String cost, double weight,
                   String description, List<String> contents, Optional<Weapon> weapon, Optional<Armor> armor) {

    public Item {
        Objects.requireNonNull(name, "name");
        contents = List.copyOf(contents);
    }

    /**
     * A weapon's numbers.
     *
     * @param category   "Simple" or "Martial"
     * @param melee      true for melee weapons, false for ranged weapons
     * @param damage     one-handed damage
     * @param twoHanded  the versatile two-handed damage, if versatile
     * @param range      normal range in feet (5 for melee weapons without reach, 10 with reach)
     * @param longRange  long range in feet, for ranged weapons
     * @param throwRange thrown normal/long range in feet, for thrown weapons ({@code [20, 60]})
     * @param properties "Finesse", "Light", "Versatile", "Two-Handed", "Ammunition", "Loading", "Reach",
     *                   "Thrown", "Heavy", "Special", "Monk"
     */
    public record Weapon(String category, boolean melee, Damage damage, Optional<Damage> twoHanded, int range,
                         Optional<Integer> longRange, List<Integer> throwRange, List<String> properties) {
        public Weapon {
            Objects.requireNonNull(damage, "damage");
            throwRange = List.copyOf(throwRange);
            properties = List.copyOf(properties);
        }

        /** Whether it has the property (case-insensitive, e.g. "finesse", "two-handed"). */
        public boolean has(String property) {
            return properties.stream().anyMatch(p -> p.equalsIgnoreCase(property.strip()));
        }

        public boolean finesse() {
            return has("finesse");
        }

        public boolean ranged() {
            return !melee;
        }

        public boolean versatile() {
            return twoHanded.isPresent() || has("versatile");
        }

        public boolean twoHandedOnly() {
            return has("two-handed");
        }

        public boolean light() {
            return has("light");
        }

        public boolean thrown() {
            return has("thrown");
        }
    }

    /**
     * Armor's numbers.
     *
     * @param category            "Light", "Medium", "Heavy" or "Shield"
     * @param baseAc              the base AC (a shield's bonus, 2, for shields)
     * @param addsDex             whether the DEX modifier is added
     * @param maxDex              the cap on the DEX bonus (2 for medium armor), if any
     * @param strengthMinimum     the STR score needed to move at full speed (0 for none)
     * @param stealthDisadvantage whether it imposes disadvantage on Stealth checks
     */
    public record Armor(String category, int baseAc, boolean addsDex, Optional<Integer> maxDex, int strengthMinimum,
                        boolean stealthDisadvantage) {

        /** Whether it is a shield (adds to AC instead of setting it). */
        public boolean shield() {
            return category.toLowerCase(Locale.ROOT).equals("shield");
        }

        /** The armor class it gives a wearer with DEX modifier {@code dexModifier} (for a shield: its bonus). */
        public int armorClass(int dexModifier) {
            if (shield()) {
                return baseAc;
            }
            int dex = addsDex ? maxDex.map(m -> Math.min(m, dexModifier)).orElse(dexModifier) : 0;
            return baseAc + dex;
        }
    }
}
