/**
 * The live table: the folded state plus the attached sockets, behind one lock, so a (re)connecting socket
 * gets its history and then live frames with no gap and no duplicate. Knows sockets only as
 * {@link dm20.relay.live.Outlet}s, so it is tested without transport. Its queries answer immutable
 * {@link dm20.relay.live.TableView} records built under one lock acquisition. {@link dm20.relay.live.Refusal}
 * is the catalogue of every refusal at the relay's edge (code, HTTP status, close code).
 */
package dm20.relay.live;
