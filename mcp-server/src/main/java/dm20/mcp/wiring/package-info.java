/**
 * How the mcp-server's parts are put together, shared by its two entry points (the MCP server on stdio,
 * {@code dm20.mcp.McpMain}, and the human-DM console, {@code dm20.mcp.console.ConsoleMain}): the validated
 * configuration read from the command line ({@link dm20.mcp.wiring.McpConfig}, parsed with picocli) and the
 * wired game with its tool groups ({@link dm20.mcp.wiring.Wiring}). Depends on the layers below it (game,
 * tools); nothing below depends on it, and the two entry points do not depend on each other.
 */
package dm20.mcp.wiring;
