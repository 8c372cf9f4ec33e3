package dm20.mcp.rules;

import java.util.Locale;
import java.util.Optional;

/** The six abilities, in the SRD's order. */
public enum Ability {
    STR("Strength"), DEX("Dexterity"), CON("Constitution"), INT("Intelligence"), WIS("Wisdom"), CHA("Charisma");

    private final String fullName;

    Ability(String fullName) {
        this.fullName = fullName;
    }

    /** "Strength", "Dexterity", … */
    public String fullName() {
        return fullName;
    }

    /** The lowercase three-letter key the character sheet uses ("str"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An ability from its code or full name in any case ("STR", "dex", "Wisdom"). */
    public static Optional<Ability> parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        for (Ability a : values()) {
            if (a.name().equals(t) || a.fullName.toUpperCase(Locale.ROOT).equals(t)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The modifier of a score: floor((score - 10) / 2). */
    public static int modifier(int score) {
        return Math.floorDiv(score - 10, 2);
    }
}
