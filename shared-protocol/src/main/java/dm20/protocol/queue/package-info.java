/**
 * The cross-process bus: two Chronicle Queues per campaign directory ({@code party/bus/inbox}, written by
 * the relay; {@code party/bus/outbox}, written by the mcp-server) and their JSONL audit mirrors. The only
 * package that touches Chronicle; game logic and web code see {@link dm20.protocol.queue.BusWriter} and
 * {@link dm20.protocol.queue.BusReader}.
 */
package dm20.protocol.queue;
