/**
 * The relay's knowledge of the table, folded from the outbox and nothing else: seats and their token
 * hashes, the session epoch, the feed history, the latest sheets and combat state, and the status of the
 * actions this relay queued. Pure logic: no sockets, no queues, time comes in as values.
 */
package dm20.relay.state;
