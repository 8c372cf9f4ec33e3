package dm20.mcp.party;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the inbox last said about the relay.
 *
 * @param state    up, failed or stopped; {@code UNKNOWN} before any relay event
 * @param sequence inbox sequence of the event (-1 if none)
 * @param urls     base URLs while up, preferred first
 * @param pid      the relay's process id while up
 * @param reason   why it failed or stopped
 */
record RelayStatus(State state, long sequence, List<String> urls, Optional<Long> pid, Optional<String> reason,
                   Optional<Instant> at) {

    enum State { UNKNOWN, UP, FAILED, STOPPED }

    static final RelayStatus UNKNOWN = new RelayStatus(State.UNKNOWN, -1, List.of(), Optional.empty(),
            Optional.empty(), Optional.empty());

    RelayStatus {
        urls = List.copyOf(urls);
    }

    /**
     * Up, and answering: its {@code /status} responds on one of its URLs. A pid alone cannot tell, because a
     * relay in a container reports a pid of another namespace.
     */
    boolean alive() {
        return state == State.UP && urls.stream().anyMatch(RelayStatus::answers);
    }

    private static boolean answers(String baseUrl) {
        try (var http = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(1)).build()) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/status"))
                    .timeout(java.time.Duration.ofSeconds(2)).GET().build();
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Optional<String> url() {
        return urls.stream().findFirst();
    }
}
