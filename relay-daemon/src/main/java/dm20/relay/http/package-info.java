/**
 * The HTTP side of the relay (docs/protocol.md §2.1): the pages and static assets from the classpath
 * {@code web/}, the bearer-authenticated player API, {@code /status}, and the security headers every
 * response carries. Errors are JSON {@code {"error","message"}}.
 */
package dm20.relay.http;
