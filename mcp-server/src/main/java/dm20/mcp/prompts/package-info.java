/**
 * The DM kit's MCP prompts. Their one source is the Claude Code command files in {@code .claude/commands/dm/},
 * packaged into the jar under {@code dm20/prompts/}: a prompt is its command file, so the two cannot drift.
 * {@link dm20.mcp.prompts.CommandFile} parses one file; {@link dm20.mcp.prompts.PromptCatalog} serves them.
 */
package dm20.mcp.prompts;
