package dm20.mcp.rules;

import java.util.Objects;

/**
 * Damage as the SRD writes it: dice, a flat bonus and a damage type.
 *
 * @param dice  dice notation such as {@code 2d6}, or a flat number such as {@code 1}; never blank
 * @param bonus flat bonus added to the roll (may be negative)
 * @param type  the damage type in lowercase ("slashing", "fire"); {@code "lightning or thunder"} where the
 *              SRD lets the creature choose; empty where the data does not say
 */
public record Damage(String dice, int bonus, String type) {

    public Damage {
        Objects.requireNonNull(dice, "dice");
        Objects.requireNonNull(type, "type");
        if (dice.isBlank()) {
            throw new IllegalArgumentException("damage dice must not be blank");
        }
    }

    /** "2d6+5 slashing". */
    @Override
    public String toString() {
        return dice + (bonus > 0 ? "+" + bonus : bonus < 0 ? String.valueOf(bonus) : "") + (type.isEmpty() ? "" : " " + type);
    }
}
