package dm20.relay.state;

import java.util.Locale;

/** Where an action is: {@code queued → processing → resolved}, or {@code rejected}. */
public enum ActionStatus {
    QUEUED, PROCESSING, RESOLVED, REJECTED;

    /** The wire name ({@code queued}, …). */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True while the DM still has to answer it. */
    public boolean pending() {
        return this == QUEUED || this == PROCESSING;
    }
}
