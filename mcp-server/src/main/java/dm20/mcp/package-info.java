/** The mcp-server process: its configuration and its composition root {@link dm20.mcp.McpMain}. */
package dm20.mcp;
