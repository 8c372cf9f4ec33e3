/**
 * The game core: campaigns, characters, players and permissions, dice, combat and turns, private
 * information. Transport-free: state changes are announced through {@link dm20.mcp.game.TableFeed}, game
 * rule violations are {@link dm20.mcp.game.GameException}s, and all state is guarded by one
 * {@link dm20.mcp.game.GameLock}.
 */
package dm20.mcp.game;
