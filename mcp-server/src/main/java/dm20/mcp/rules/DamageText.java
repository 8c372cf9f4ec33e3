package dm20.mcp.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the SRD's standard phrasing out of rule text: "takes 8d6 fire damage", "(2d6 + 5) slashing
 * damage", "a Dexterity saving throw", "half as much damage", "a ranged spell attack". The damage types
 * come from the data's own list. Immutable, thread-safe.
 */
final class DamageText {

    private static final Pattern SAVE = Pattern.compile(
            "(?i)\\b(strength|dexterity|constitution|intelligence|wisdom|charisma) saving throw");
    private static final Pattern HALF = Pattern.compile("(?i)half as much damage");
    private static final Pattern ATTACK = Pattern.compile("(?i)\\b(melee|ranged) spell attack");

    private final Pattern damage;

    DamageText(Collection<String> damageTypes) {
        String types = damageTypes.stream().map(t -> Pattern.quote(t.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|"));
        damage = Pattern.compile("(?i)(\\d+d\\d+)(?:\\s*\\+\\s*(\\d+))?\\)?\\s+(" + types + ") damage");
    }

    /** Every "NdM [+ K] type damage" in the text, in order. */
    List<Damage> damage(String text) {
        List<Damage> out = new ArrayList<>();
        Matcher m = damage.matcher(text);
        while (m.find()) {
            out.add(new Damage(m.group(1), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                    m.group(3).toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The ability of the first saving throw the text names. */
    static Optional<Ability> save(String text) {
        Matcher m = SAVE.matcher(text);
        return m.find() ? Ability.parse(m.group(1)) : Optional.empty();
    }

    static boolean halfOnSave(String text) {
        return HALF.matcher(text).find();
    }

    /** "melee" or "ranged" for a spell attack. */
    static Optional<String> attack(String text) {
        Matcher m = ATTACK.matcher(text);
        return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
