package dm20.relay.live;

import dm20.protocol.TurnRules;

import java.util.OptionalInt;

/**
 * The one catalogue of refusals at the relay's edge (docs/protocol.md §2.4): each wire error code with
 * the HTTP status it is answered with and the WebSocket close code a socket is closed with, where the
 * refusal can happen there. HTTP answers map a refusal to its status in one place
 * ({@code dm20.relay.http.Responses}); sockets close with {@link #closeCode()}; the page chooses its
 * words by {@link #code()}. A test keeps this enum and the table in docs/protocol.md equal.
 */
public enum Refusal {

    /** The body (HTTP) or a frame (WebSocket) is not a JSON object. */
    MALFORMED_JSON("malformed_json", 400, 1003),
    /** The request line or headers could not be parsed, or the body lacks a string {@code text}. */
    BAD_REQUEST("bad_request", 400, 0),
    /** The action text is blank after trimming or too long. */
    BAD_TEXT("bad_text", 400, 0),
    /** Missing, unknown or revoked token; on a socket also no hello in time. */
    UNAUTHORIZED("unauthorized", 401, 4401),
    /** The seat was revoked or its link replaced between authentication and the answer. */
    REVOKED("revoked", 401, 4401),
    /** The seat's role may not do this (an observer or the host submitting an action). */
    WRONG_ROLE("wrong_role", 403, 0),
    /** The host locked the room and this seat (or its current link) had not joined before the lock. */
    ROOM_LOCKED("room_locked", 403, 4403),
    /** A roll request names no known kind, an empty or too long name, or an unknown edge. */
    BAD_ROLL("bad_roll", 400, 0),
    /** No such route, or no action of this seat with that id. */
    NOT_FOUND("not_found", 404, 0),
    /** The player's sheet has not been shared yet. */
    NO_SHEET("no_sheet", 404, 0),
    /** Combat is on and this player may not act now. */
    NOT_YOUR_TURN("not_your_turn", 409, 0),
    /** This player already answered the current simultaneous prompt. */
    ALREADY_SUBMITTED("already_submitted", 409, 0),
    /** A body (HTTP) or a frame (WebSocket) over the size limit. */
    TOO_LARGE("too_large", 413, 1009),
    /** A request path over the parser's limit. */
    URI_TOO_LONG("uri_too_long", 414, 0),
    /** Too many accepted actions (or roll and turn requests) per seat per minute. */
    TOO_MANY_ACTIONS("too_many_actions", 429, 0),
    /** Too many open sockets for one seat. */
    TOO_MANY_SOCKETS("too_many_sockets", 0, 4409),
    /** The socket fell too far behind its frames; reconnect with the cursor. */
    TOO_SLOW("too_slow", 0, 1008),
    /** A client frame after hello other than {@code ping}: answered with an {@code error} frame, socket kept. */
    UNKNOWN_FRAME("unknown_frame", 0, 0),
    /** The inbox append failed: nothing was queued. */
    NOT_QUEUED("not_queued", 503, 0),
    /** A bug in the relay; nothing was changed that the answer does not say. */
    INTERNAL("internal", 500, 0);

    private final String code;
    private final int httpStatus;
    private final int closeCode;

    Refusal(String code, int httpStatus, int closeCode) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.closeCode = closeCode;
    }

    /** The wire error code ({@code "error"} in JSON answers and {@code error} frames). */
    public String code() {
        return code;
    }

    /** The HTTP status, if this refusal can be an HTTP answer. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The WebSocket close code, if a socket is closed for this refusal. */
    public OptionalInt closeCode() {
        return closeCode == 0 ? OptionalInt.empty() : OptionalInt.of(closeCode);
    }

    /** The HTTP status; for a refusal that is never an HTTP answer, 500 (a bug). */
    public int status() {
        return httpStatus == 0 ? 500 : httpStatus;
    }

    /** The close code; for a refusal that never closes a socket, 1011 (a bug). */
    public int close() {
        return closeCode == 0 ? 1011 : closeCode;
    }

    /** The refusal for a turn-rule decision. */
    public static Refusal of(TurnRules.Refusal refusal) {
        return switch (refusal) {
            case WRONG_ROLE -> WRONG_ROLE;
            case NOT_YOUR_TURN -> NOT_YOUR_TURN;
            case ALREADY_SUBMITTED -> ALREADY_SUBMITTED;
        };
    }

    /** The refusal answering an HTTP status the parser produced on its own (see the direct handlers). */
    public static Refusal forStatus(int status) {
        return switch (status) {
            case 413 -> TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 401 -> UNAUTHORIZED;
            case 403 -> WRONG_ROLE;
            case 404 -> NOT_FOUND;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }
}
