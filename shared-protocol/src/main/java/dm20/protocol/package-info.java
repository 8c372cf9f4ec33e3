/**
 * The contract between mcp-server and relay-daemon that is not a message: roles, visibility and the
 * one rule deciding who may see what. Both processes filter through {@link dm20.protocol.VisibilityRules},
 * so the MCP tools and the web see the same thing.
 */
package dm20.protocol;
