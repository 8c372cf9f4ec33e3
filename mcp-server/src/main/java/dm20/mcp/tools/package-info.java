/**
 * The MCP tools: one {@link dm20.mcp.tools.ToolGroup} per area, built with the shared
 * {@link dm20.mcp.tools.ToolKit} (argument parsing, results, errors, the game lock), and the
 * {@link dm20.mcp.tools.ToolInvoker} that calls them by name with or without MCP.
 */
package dm20.mcp.tools;
