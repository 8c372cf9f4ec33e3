/**
 * On-demand load harness for the relay ({@link dm20.relay.bench.RelayBench}): not part of the test run.
 * It spawns the packaged relay jar as a real process and drives it over real sockets with lean clients
 * (raw HTTP/1.1 keep-alive and a raw RFC 6455 client on virtual threads), so that the client side is not the
 * bottleneck. See docs/performance.md, section "Relay".
 */
package dm20.relay.bench;
