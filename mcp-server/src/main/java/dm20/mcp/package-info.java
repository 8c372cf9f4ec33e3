/** The mcp-server process on stdio: its composition root {@link dm20.mcp.McpMain} and the stdio transport. */
package dm20.mcp;
