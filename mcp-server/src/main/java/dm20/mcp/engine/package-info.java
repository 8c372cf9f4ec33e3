/**
 * The combat engine: attacks, saving throws, spells, damage against resistances, death saves, conditions
 * with durations that tick as turns pass, concentration, monsters joining a fight from the rules data,
 * encounter building and experience. It sits above {@code game} (whose {@link dm20.mcp.game.Combat},
 * {@link dm20.mcp.game.Characters} and {@link dm20.mcp.game.TableTalk} it drives) and reads creature,
 * spell and weapon data through {@link dm20.mcp.engine.Compendium}, its narrow view of the rules data.
 * Every roll it makes is posted to the table. Not thread-safe: callers hold the game lock.
 */
package dm20.mcp.engine;
