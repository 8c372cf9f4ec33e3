package dm20.mcp.engine;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine needs of a spell to resolve it.
 *
 * @param name                  e.g. "Fireball"
 * @param level                 0 for a cantrip, 1..9
 * @param concentration         whether casting it starts concentration
 * @param saveAbility           the targets' saving throw (STR…CHA), if it asks for one
 * @param halfOnSave            a successful save halves the damage (else it negates it)
 * @param attack                it is a spell attack (rolled against AC)
 * @param damageType            lower-case damage type, if it deals damage
 * @param damageAtSlotLevel     damage dice by the slot level it is cast with (levelled spells)
 * @param damageAtCharacterLevel cantrip damage dice by the caster's level (the entry at or below it applies)
 */
public record SpellProfile(String name, int level, boolean concentration, Optional<String> saveAbility,
                           boolean halfOnSave, boolean attack, Optional<String> damageType,
                           Map<Integer, String> damageAtSlotLevel, Map<Integer, String> damageAtCharacterLevel) {

    public SpellProfile {
        Objects.requireNonNull(name, "name");
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException(name + ": spell level must be 0..9, got " + level);
        }
        saveAbility = saveAbility == null ? Optional.empty() : saveAbility.map(a -> a.toUpperCase(Locale.ROOT));
        damageType = damageType == null ? Optional.empty() : damageType.map(t -> t.toLowerCase(Locale.ROOT));
        damageAtSlotLevel = damageAtSlotLevel == null ? Map.of() : Map.copyOf(damageAtSlotLevel);
        damageAtCharacterLevel = damageAtCharacterLevel == null ? Map.of() : Map.copyOf(damageAtCharacterLevel);
    }

    /** The damage dice when cast with a slot of {@code slotLevel} (or, for a cantrip, by a caster of {@code casterLevel}). */
    public Optional<String> damageDice(int slotLevel, int casterLevel) {
        Map<Integer, String> table = level == 0 ? damageAtCharacterLevel : damageAtSlotLevel;
        int key = level == 0 ? casterLevel : slotLevel;
        return table.entrySet().stream().filter(e -> e.getKey() <= key)
                .max(Map.Entry.comparingByKey()).map(Map.Entry::getValue);
    }
}
