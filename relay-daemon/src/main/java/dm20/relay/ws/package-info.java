/**
 * The {@code /ws} endpoint on Helidon: the upgrade's Origin check, the hello handshake, client frames,
 * per-socket bounded send queues with one sender thread each, and heartbeats.
 */
package dm20.relay.ws;
