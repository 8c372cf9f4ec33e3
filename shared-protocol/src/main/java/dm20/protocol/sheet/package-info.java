/**
 * The character sheet as one schema: the mcp-server stores it, the relay forwards it, the page renders
 * it. One record tree, so a field renamed on one side breaks the build (and the page's schema test),
 * not a panel at the table.
 */
package dm20.protocol.sheet;
