package dm20.relay.live;

/** Where presence changes go (the inbox, in the running relay). Must not call back into the table. */
@FunctionalInterface
public interface PresenceSink {

    /** The seat now has {@code connections} open sockets. */
    void changed(String seatId, int connections);
}
