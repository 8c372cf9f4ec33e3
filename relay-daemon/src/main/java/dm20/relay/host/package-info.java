/**
 * The host screen's data ({@code GET /api/host}, DM seat only): seats with presence, join links built
 * from {@code party/seats.json} (the only file with tokens, written by party_start) and QR codes.
 */
package dm20.relay.host;
