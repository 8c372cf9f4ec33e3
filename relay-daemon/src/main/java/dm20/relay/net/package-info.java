/** Which addresses the relay advertises: LAN detection and ranking (private ranges first). */
package dm20.relay.net;
