/**
 * Session memory: the campaign's game sessions (one evening each) with their notes, summary, XP and the
 * DM's plan for next time, kept in {@code sessions.json} in the campaign folder, and the recap ("previously
 * on…") built from them and from the event log; {@link dm20.mcp.session.SessionBook} holds the rules,
 * {@link dm20.mcp.session.SessionTools} the {@code session_*} tools. Sits above {@code game} and beside
 * {@code tools}; party mode reads the open session's recap to show it first on every phone.
 */
package dm20.mcp.session;
