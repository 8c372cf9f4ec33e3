/**
 * The relay-daemon process: {@link dm20.relay.RelayMain} wires the bus, the folded table, the HTTP and
 * WebSocket endpoints and the lifecycle (campaign lock, synchronous bind, ready/failed/stopped reports on
 * the inbox, graceful stop).
 */
package dm20.relay;
