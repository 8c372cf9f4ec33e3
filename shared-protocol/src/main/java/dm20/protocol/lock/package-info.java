/**
 * One process per role per campaign: the OS file locks both processes take in the campaign's {@code party}
 * directory ({@code dm.lock} for the mcp-server that runs Party Mode, {@code relay.lock} for its relay).
 */
package dm20.protocol.lock;
