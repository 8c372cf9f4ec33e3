/**
 * The MCP resources: the campaign's public state for the host's client to read (and attach) without a tool call:
 * the campaign, the seats with their presence (never a token or a link) and the initiative as the table sees it.
 * {@link dm20.mcp.resources.CampaignResources} builds them on the game and party mode.
 */
package dm20.mcp.resources;
