package dm20.mcp.tools;

import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

/**
 * What a tool does to the world, as MCP tool annotations tell a client (which may, e.g., run read-only
 * tools without asking and confirm destructive ones). Every tool declares one: {@link ToolKit} takes it as
 * a required argument. Immutable.
 *
 * @param readOnly    changes nothing (the other hints then do not matter)
 * @param destructive may overwrite or remove something (false: only adds)
 * @param idempotent  the same call again changes nothing more
 * @param openWorld   reaches beyond the campaign files: the relay process and the players' phones
 */
public record Hints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {

    /** Reads only. */
    public static final Hints READ = new Hints(true, false, true, false);
    /** Adds something new each call (a character, an event, a roll, a whisper). */
    public static final Hints ADD = new Hints(false, false, false, false);
    /** Sets something to the given value without losing anything (load a campaign, seat a player). */
    public static final Hints SET = new Hints(false, false, true, false);
    /** Overwrites fields with the given values (update_…); the same call again changes nothing more. */
    public static final Hints REPLACE = new Hints(false, true, true, false);
    /** Deletes something. */
    public static final Hints DELETE = new Hints(false, true, true, false);
    /** Changes state by a step (damage, next turn, spend a slot): each call changes it again. */
    public static final Hints CHANGE = new Hints(false, true, false, false);

    /** The same hints for a tool that also reaches the relay and the players' phones. */
    public Hints atTheTable() {
        return new Hints(readOnly, destructive, idempotent, true);
    }

    /** As MCP annotations. */
    public ToolAnnotations annotations() {
        return new ToolAnnotations(null, readOnly, readOnly ? false : destructive, idempotent, openWorld, null);
    }
}
