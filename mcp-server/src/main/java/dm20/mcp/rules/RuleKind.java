package dm20.mcp.rules;

import java.util.Locale;
import java.util.Optional;

/** The kinds of rule text {@link Rulebook#search} finds. */
public enum RuleKind {
    SPELL, MONSTER, ITEM, CONDITION, FEATURE, CLASS, RACE, TRAIT, SKILL, DAMAGE_TYPE, WEAPON_PROPERTY;

    /** The lowercase name used in tool arguments and results ("damage_type"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A kind from its key or a plural ("spells", "monster", "damage-type"). */
    public static Optional<RuleKind> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (RuleKind k : values()) {
            if (k.key().equals(t) || (k.key() + "s").equals(t) || (k == CLASS && t.equals("classes"))) {
                return Optional.of(k);
            }
        }
        return t.equals("equipment") ? Optional.of(ITEM) : Optional.empty();
    }
}
