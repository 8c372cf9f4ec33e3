/**
 * The messages on the bus, one sealed interface per direction ({@link dm20.protocol.message.InboxMessage}
 * relay → mcp, {@link dm20.protocol.message.OutboxMessage} mcp → relay), and their explicit JSON codec
 * {@link dm20.protocol.message.MessageCodec}. These records are a persisted wire format: fields are added
 * only at the end, optional ones may be absent, unknown ones are ignored. docs/protocol.md lists them.
 */
package dm20.protocol.message;
