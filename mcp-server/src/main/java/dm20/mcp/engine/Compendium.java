package dm20.mcp.engine;

import java.util.List;
import java.util.Optional;

/**
 * The engine's view of the rules data: monsters, spells and weapons by name. Implemented over the SRD
 * rulebook; tests supply their own. Lookups ignore case; a miss is empty (the engine words the error).
 * Implementations are immutable and thread-safe.
 */
public interface Compendium {

    /** A monster's stat block. */
    Optional<StatBlock> monster(String name);

    /** A spell. */
    Optional<SpellProfile> spell(String name);

    /** A weapon. */
    Optional<WeaponProfile> weapon(String name);

    /** Every monster, for encounter building. */
    List<StatBlock> monsters();

    /** A compendium that knows nothing (monsters must then be given by hand). */
    static Compendium none() {
        return new Compendium() {
            @Override
            public Optional<StatBlock> monster(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<SpellProfile> spell(String name) {
                return Optional.empty();
            }

            @Override
            public Optional<WeaponProfile> weapon(String name) {
                return Optional.empty();
            }

            @Override
            public List<StatBlock> monsters() {
                return List.of();
            }
        };
    }
}
