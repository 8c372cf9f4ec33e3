package dm20.mcp.tools;

/**
 * A structured answer whose text result starts with a line for the human at the keyboard (what to do
 * next), before its JSON. Clients that show only the text show this first.
 */
public interface Headline {

    /** One or a few lines of plain text, no secrets that the answer's JSON does not already hold. */
    String headline();
}
