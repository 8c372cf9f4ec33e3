/**
 * On-demand Party Mode benchmarks (main classes, never run by the test phases): the packaged mcp-server over
 * raw stdio JSON-RPC, the relay it spawns and phones over real HTTP and WebSockets. Results and commands are
 * in docs/performance.md (Party Mode section).
 */
package dm20.mcp.bench;
