/**
 * End-to-end tests of the packaged mcp-server through the official MCP Inspector CLI, a real MCP client
 * outside this project, run as a separate process per call.
 */
package dm20.mcp.inspector;
