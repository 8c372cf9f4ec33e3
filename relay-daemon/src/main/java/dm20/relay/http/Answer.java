package dm20.relay.http;

import dm20.protocol.json.Wire;
import dm20.protocol.sheet.CharacterSheet;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every JSON body the relay answers over HTTP (docs/protocol.md §2.1, §2.3): one record per answer, the
 * fields are the components in order, absent optionals are left out. Written only by {@link Responses};
 * golden files pin each shape. Encoded with the bus's wire rules ({@code dm20.protocol.json.WireJson}). Wire rules: add fields only at the end; optional fields may be absent.
 */
public sealed interface Answer {

    /** {@code GET /status}: no ids, names or tokens. */
    record Status(String status, boolean session, int seats, long connected, long uptimeSeconds) implements Answer { }

    /** {@code GET /api/me}. */
    record Me(String seatId, String role, String displayName, Optional<String> playerId,
              Optional<String> characterId, String campaign, String epoch) implements Answer { }

    /** {@code POST /action} accepted (202): the action is durably in the inbox. */
    record Queued(String actionId, String status) implements Answer { }

    /** {@code GET /action/{id}}: the seat's own action. */
    record Action(String actionId, String status, String text, @Wire.Name("private") boolean privateToDm,
                  Instant submittedAt, Optional<String> reason) implements Answer { }

    /** {@code GET /character}: the player's own sheet, as the bare {@link CharacterSheet} object. */
    record Sheet(CharacterSheet sheet) implements Answer {
        public Sheet {
            Objects.requireNonNull(sheet, "sheet");
        }
    }

    /** {@code GET /api/host}: for the host (DM) seat only. */
    record Host(String campaign, String epoch, List<String> urls, List<HostSeat> seats, List<HostPending> pending,
                Optional<HostOwn> host, boolean locked) implements Answer {

        /** An unlocked room's host screen. */
        public Host(String campaign, String epoch, List<String> urls, List<HostSeat> seats, List<HostPending> pending,
                    Optional<HostOwn> host) {
            this(campaign, epoch, urls, seats, pending, host, false);
        }

        public Host {
            urls = List.copyOf(urls);
            seats = List.copyOf(seats);
            pending = List.copyOf(pending);
            host = host == null ? Optional.empty() : host;
        }
    }

    /**
     * The host's own seat, apart from {@code seats} so it can never be shown as a code to scan: its name and its
     * {@code /host#} link (the host screen shows it once, folded, "for you only").
     */
    record HostOwn(Optional<String> displayName, Optional<String> url) { }

    /**
     * A seat on the host screen; {@code url} and {@code qrPng} only for seats listed in {@code seats.json};
     * {@code lockedOut} only while the room is locked and this seat's link is kept out.
     */
    record HostSeat(String seatId, String role, String displayName, boolean connected, int connections,
                    Optional<Instant> lastSeen, Optional<String> url, Optional<String> qrPng,
                    Optional<Boolean> lockedOut) {

        /** A seat the room lock does not concern. */
        public HostSeat(String seatId, String role, String displayName, boolean connected, int connections,
                        Optional<Instant> lastSeen, Optional<String> url, Optional<String> qrPng) {
            this(seatId, role, displayName, connected, connections, lastSeen, url, qrPng, Optional.empty());
        }

        public HostSeat {
            lockedOut = lockedOut == null ? Optional.empty() : lockedOut;
        }
    }

    /** A pending action on the host screen; a private action's text is {@code (private to the DM)}. */
    record HostPending(String actionId, String displayName, String text, String status, Instant submittedAt) { }

    /**
     * {@code POST /api/host/…}, {@code /api/roll}, {@code /api/turn/end} accepted (202): the request is durably
     * in the inbox for the mcp-server, which carries it out and announces the result on the feed.
     */
    record Requested(String requestId, String status) implements Answer { }

    /** Every refusal: a code from the catalogue ({@code dm20.relay.live.Refusal}) and what to do. */
    record Error(String error, String message) implements Answer { }
}
