package dm20.mcp.rules;

import java.util.List;
import java.util.Objects;

/**
 * A condition from the SRD's appendix (blinded, charmed, … exhaustion).
 *
 * @param effects the rules, one per bullet point
 */
public record Condition(String name, List<String> effects) {

    public Condition {
        Objects.requireNonNull(name, "name");
        effects = List.copyOf(effects);
    }
}
