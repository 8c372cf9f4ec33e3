package dm20.mcp.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * A class feature from the SRD ("Rage", "Extra Attack", "Arcane Recovery").
 *
 * @param className the class that gains it
 * @param subclass  the subclass, for subclass features ("Berserker")
 * @param level     the class level it is gained at (0 where the SRD gives none, e.g. invocation options)
 */
public record Feature(String name, String className, Optional<String> subclass, int level, String description) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(description, "description");
    }
}
