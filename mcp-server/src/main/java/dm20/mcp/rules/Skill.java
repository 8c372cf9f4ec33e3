package dm20.mcp.rules;

/** A skill and the ability it uses ("Stealth", DEX). */
public record Skill(String name, Ability ability, String description) {
}
