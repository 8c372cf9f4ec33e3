package dm20.mcp.rules;

import java.util.Objects;

/**
 * A saving throw a monster's action or trait forces.
 *
 * @param ability   the save's ability
 * @param dc        the difficulty class
 * @param onSuccess what a success does: {@code "half"} (half damage) or {@code "none"} (no effect)
 */
public record SaveDc(Ability ability, int dc, String onSuccess) {

    public SaveDc {
        Objects.requireNonNull(ability, "ability");
        Objects.requireNonNull(onSuccess, "onSuccess");
    }

    /** Whether a success halves the damage. */
    public boolean halfOnSuccess() {
        return onSuccess.equals("half");
    }
}
