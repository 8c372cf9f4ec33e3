/**
 * QR codes of seat links, drawn the same way by both processes: the mcp-server (MCP image content and the
 * host's terminal) and the relay (the host screen).
 */
package dm20.protocol.qr;
