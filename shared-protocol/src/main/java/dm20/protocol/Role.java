package dm20.protocol;

/** What a seat at the table may do. */
public enum Role {
    /** The Dungeon Master: sees everything, including DM-only notes and hidden rolls. */
    DM,
    /** A player: their own character, their own private messages and the public feed. */
    PLAYER,
    /** A read-only seat (a TV): the public feed and the public part of combat only. */
    OBSERVER
}
