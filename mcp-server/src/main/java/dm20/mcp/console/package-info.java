/**
 * The human-DM console: Party Mode without Claude Code. Every command is a call of the same MCP tool
 * handlers (through {@link dm20.mcp.tools.ToolInvoker}); there is no second implementation of any rule.
 * Also the built-in demo campaign, which is itself a script of tool calls.
 */
package dm20.mcp.console;
