package dm20.relay;

import java.time.Duration;

/**
 * Input bounds (docs/protocol.md §2): every input is bounded and a bad one changes nothing.
 *
 * @param maxBodyBytes       HTTP request body
 * @param maxFrameBytes      WebSocket client frame
 * @param maxActionChars     action text
 * @param actionsPerMinute   accepted actions per seat per minute
 * @param socketsPerSeat     open WebSockets per seat
 * @param socketQueueFrames  frames queued per socket before it is closed as too slow
 * @param helloTimeout       time for a socket's hello
 */
record Limits(int maxBodyBytes, int maxFrameBytes, int maxActionChars, int actionsPerMinute, int socketsPerSeat,
              int socketQueueFrames, Duration helloTimeout) {

    static final Limits DEFAULT = new Limits(8 * 1024, 4 * 1024, 2000, 20, 4, 1024, Duration.ofSeconds(5));
}
