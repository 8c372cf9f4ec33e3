package dm20.mcp.rules;

/** A damage type ("Fire") and its description. */
public record DamageType(String name, String description) {
}
