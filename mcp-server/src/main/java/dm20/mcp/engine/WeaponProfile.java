package dm20.mcp.engine;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the engine needs of a weapon a character wields.
 *
 * @param name       e.g. "Longsword"
 * @param damageDice one hit's dice, e.g. "1d8"
 * @param damageType lower case, e.g. "slashing"
 * @param ranged     a ranged weapon (DEX to hit and damage)
 * @param properties lower-case properties ("finesse", "light", "thrown", …)
 */
public record WeaponProfile(String name, String damageDice, String damageType, boolean ranged,
                            List<String> properties) {

    public WeaponProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(damageDice, "damageDice");
        damageType = Objects.requireNonNullElse(damageType, "").toLowerCase(Locale.ROOT);
        properties = properties == null ? List.of()
                : properties.stream().map(p -> p.toLowerCase(Locale.ROOT).strip()).toList();
    }

    /** Finesse: the wielder picks STR or DEX. */
    public boolean finesse() {
        return properties.contains("finesse");
    }

    /** An unarmed strike: 1 + STR bludgeoning. */
    public static WeaponProfile unarmed() {
        return new WeaponProfile("Unarmed strike", "1", "bludgeoning", false, List.of());
    }
}
