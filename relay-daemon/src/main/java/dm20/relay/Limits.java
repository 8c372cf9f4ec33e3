package dm20.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * Input bounds and per-seat capacities (docs/protocol.md §2, docs/relay.md): every input is bounded and a
 * bad one changes nothing. Validated once at start; {@link #DEFAULT} is what the relay runs with unless
 * the command line says otherwise (every bound has an option, listed in docs/relay.md and {@link RelayOptions}).
 *
 * @param maxBodyBytes       HTTP request body (413 above it)
 * @param maxFrameBytes      WebSocket client frame (close 1009 above it)
 * @param maxActionChars     action text, after trimming
 * @param actionsPerMinute   accepted actions per seat per minute (429 above it)
 * @param socketsPerSeat     open WebSockets per player or host seat (close 4409 above it)
 * @param observerSockets    open WebSockets for one observer seat: a TV link is often shared by a room
 * @param socketQueueFrames  frames queued per socket before it is closed as too slow (1008)
 * @param helloTimeout       time for a socket's hello (close 4401 after it)
 */
public record Limits(int maxBodyBytes, int maxFrameBytes, int maxActionChars, int actionsPerMinute, int socketsPerSeat,
                     int observerSockets, int socketQueueFrames, Duration helloTimeout) {

    /** The defaults: 8 KiB bodies, 4 KiB frames, 2000 characters, 20 actions/min, 4 sockets, 200 for observers. */
    public static final Limits DEFAULT = new Limits(8 * 1024, 4 * 1024, 2000, 20, 4, 200, 1024, Duration.ofSeconds(5));

    /** @throws IllegalArgumentException naming the first bound that is not positive */
    public Limits {
        positive("maxBodyBytes", maxBodyBytes);
        positive("maxFrameBytes", maxFrameBytes);
        positive("maxActionChars", maxActionChars);
        positive("actionsPerMinute", actionsPerMinute);
        positive("socketsPerSeat", socketsPerSeat);
        positive("observerSockets", observerSockets);
        positive("socketQueueFrames", socketQueueFrames);
        Objects.requireNonNull(helloTimeout, "helloTimeout");
        if (helloTimeout.isNegative() || helloTimeout.isZero()) {
            throw new IllegalArgumentException("helloTimeout must be positive, got " + helloTimeout);
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** These limits with another cap on accepted actions per seat per minute. */
    public Limits withActionsPerMinute(int perMinute) {
        return new Limits(maxBodyBytes, maxFrameBytes, maxActionChars, perMinute, socketsPerSeat, observerSockets,
                socketQueueFrames, helloTimeout);
    }

    /** These limits with other socket caps for a player or host seat and for an observer seat. */
    public Limits withSockets(int perSeat, int perObserver) {
        return new Limits(maxBodyBytes, maxFrameBytes, maxActionChars, actionsPerMinute, perSeat, perObserver,
                socketQueueFrames, helloTimeout);
    }
}
