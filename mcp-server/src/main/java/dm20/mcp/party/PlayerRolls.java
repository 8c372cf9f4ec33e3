package dm20.mcp.party;

import java.util.ArrayList;
import java.util.List;

/**
 * The rolls players asked for from their sheets that the DM has not read yet. {@code party_next},
 * {@code party_wait} and {@code party_status} hand them to the DM ({@link #drain}); a new one wakes a waiting
 * {@code party_wait}. Thread-safe.
 */
final class PlayerRolls {

    private final List<PartyAnswer.PlayerRoll> unread = new ArrayList<>();
    private final Runnable wake;

    /** @param wake called after a roll is added, so a blocked {@code party_wait} returns */
    PlayerRolls(Runnable wake) {
        this.wake = wake;
    }

    void add(PartyAnswer.PlayerRoll roll) {
        synchronized (this) {
            unread.add(roll);
        }
        wake.run();
    }

    synchronized boolean any() {
        return !unread.isEmpty();
    }

    /** The unread rolls, oldest first; afterwards none is unread. */
    synchronized List<PartyAnswer.PlayerRoll> drain() {
        List<PartyAnswer.PlayerRoll> out = List.copyOf(unread);
        unread.clear();
        return out;
    }
}
