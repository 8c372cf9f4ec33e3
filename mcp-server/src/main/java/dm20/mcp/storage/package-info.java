/** Campaign files on disk: one folder per campaign, one JSON file per kind of data, written atomically. */
package dm20.mcp.storage;
