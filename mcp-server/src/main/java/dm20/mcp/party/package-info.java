/**
 * Party Mode on the mcp-server side: seats and their tokens, the queue of player actions folded from the
 * bus, the spawned relay, and the {@code party_*} tools the DM plays with. The only package of the
 * mcp-server that opens the {@link dm20.protocol.queue.PartyBus}; the game reaches it through
 * {@link dm20.mcp.game.TableFeed}.
 */
package dm20.mcp.party;
