package dm20.relay;

import dm20.protocol.message.InboxMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import static dm20.relay.Fixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every bad input gets a clear 4xx or close code and queues nothing; every response has the headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayHardeningIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Path dir;
    private RelayHarness relay;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        relay = new RelayHarness(dir);
        relay.openSession("epoch-h");
        Files.writeString(dir.resolve("party").resolve("seats.json"), """
                {"seats":[{"seatId":"p1","role":"PLAYER","displayName":"Hero1","token":"token-p1","path":"/play#token-p1"},
                          {"seatId":"tv","role":"OBSERVER","displayName":"TV","token":"token-tv","path":"/play#token-tv"}]}
                """);
        relay.start();
    }

    @AfterAll
    void stop() {
        relay.close();
    }

    private void assertNothingQueued() {
        assertThat(relay.drainInbox()).noneMatch(m -> m instanceof InboxMessage.ActionSubmitted);
    }

    private static void assertError(HttpResponse<String> res, int status, String error) {
        assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
        assertThat(res.body()).contains("\"error\":\"" + error + "\"").contains("\"message\":");
    }

    @Test
    void action_badInputs_getClear4xxAndQueueNothing() {
        relay.drainInbox();
        assertError(relay.postJson("/action", Optional.empty(), "{\"text\":\"x\"}"), 401, "unauthorized");
        assertError(relay.postJson("/action", Optional.of("not-a-token"), "{\"text\":\"x\"}"), 401, "unauthorized");
        assertError(relay.postJson("/action", Optional.of(token("tv")), "{\"text\":\"x\"}"), 403, "wrong_role");
        assertError(relay.postJson("/action", Optional.of(token("dm")), "{\"text\":\"x\"}"), 403, "wrong_role");
        assertError(relay.postJson("/action", Optional.of(token("p2")), "{\"text\":"), 400, "malformed_json");
        assertError(relay.postJson("/action", Optional.of(token("p2")), "[1,2]"), 400, "malformed_json");
        assertError(relay.postJson("/action", Optional.of(token("p2")), "{\"words\":\"x\"}"), 400, "bad_request");
        assertError(relay.postJson("/action", Optional.of(token("p2")), "{\"text\":\"" + "y".repeat(2001) + "\"}"), 400,
                "bad_text");
        assertError(relay.postJson("/action", Optional.of(token("p2")), "{\"text\":\"" + "z".repeat(9000) + "\"}"), 413,
                "too_large");
        assertNothingQueued();
    }

    @Test
    void action_overTheRate_is429() {
        for (int i = 0; i < 20; i++) {
            assertThat(relay.postJson("/action", Optional.of(token("p4")), "{\"text\":\"a" + i + "\"}").statusCode())
                    .isEqualTo(202);
        }
        relay.drainInbox();
        assertError(relay.postJson("/action", Optional.of(token("p4")), "{\"text\":\"more\"}"), 429, "too_many_actions");
        assertNothingQueued();
    }

    @Test
    void reads_wrongRoleOrUnknownIds_areRefused() {
        assertError(relay.get("/character", Optional.of(token("tv"))), 403, "wrong_role");
        assertError(relay.get("/character", Optional.of(token("p3"))), 404, "no_sheet");
        assertError(relay.get("/character", Optional.empty()), 401, "unauthorized");
        assertError(relay.get("/action/nope", Optional.of(token("p3"))), 404, "not_found");
        assertError(relay.get("/api/host", Optional.of(token("p1"))), 403, "wrong_role");
        assertError(relay.get("/api/host", Optional.of(token("tv"))), 403, "wrong_role");
    }

    @Test
    void status_carriesNoIdsNamesOrTokens() {
        String body = relay.get("/status", Optional.empty()).body();
        assertThat(body).contains("\"status\":\"up\"").contains("\"session\":true").contains("\"seats\":6");
        for (String secret : List.of("p1", "Hero", "token", "tv", "epoch-h", "Lost Mine")) {
            assertThat(body).doesNotContain(secret);
        }
    }

    @Test
    void host_dmSeat_getsSeatsLinksQrCodesAndNoTokensOfUnlistedSeats() {
        var res = relay.get("/api/host", Optional.of(token("dm")));
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("\"url\":\"" + relay.base() + "/play#token-p1\"")
                .contains("\"qrPng\":\"data:image/png;base64,").contains("\"displayName\":\"Hero4\"")
                .contains("\"pending\":").doesNotContain("token-p2");
        assertThat(res.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void everyResponse_carriesTheSecurityHeaders() {
        for (HttpResponse<String> res : List.of(relay.get("/status", Optional.empty()),
                relay.get("/play", Optional.empty()), relay.get("/api/me", Optional.of(token("p1"))),
                relay.get("/api/me", Optional.empty()), relay.get("/nothing-here", Optional.empty()),
                relay.postJson("/action", Optional.of(token("tv")), "{}"))) {
            assertThat(res.headers().firstValue("Referrer-Policy")).as(res.uri().toString()).contains("no-referrer");
            assertThat(res.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(res.headers().firstValue("Content-Security-Policy")).get().asString()
                    .startsWith("default-src 'self'").doesNotContain("http");
        }
        assertThat(relay.get("/api/me", Optional.of(token("p1"))).headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void pages_areServedAndTraversalIsNot() throws Exception {
        assertThat(relay.get("/", Optional.empty()).statusCode()).isEqualTo(302);
        var play = relay.get("/play", Optional.empty());
        assertThat(play.statusCode()).isEqualTo(200);
        assertThat(play.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        for (String path : List.of("/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%2f..%2fMETA-INF/MANIFEST.MF", "/static/../dm20/relay/RelayMain.class")) {
            String response = rawGet(path);
            assertThat(response).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("root:").doesNotContain("Main-Class");
        }
    }

    @Test
    void parserErrors_carryTheSecurityHeadersAndAJsonError() throws Exception {
        List<String> answers = List.of(
                raw("GARBAGE\r\n\r\n"),
                raw("GET /a\0b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"),
                rawGet("/" + "a".repeat(10 * 1024)));
        assertThat(answers.get(0)).startsWith("HTTP/1.1 400");
        assertThat(answers.get(1)).startsWith("HTTP/1.1 400");
        assertThat(answers.get(2)).startsWith("HTTP/1.1 414");
        for (String answer : answers) {
            String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase(java.util.Locale.ROOT);
            assertThat(head).as(answer).contains("referrer-policy: no-referrer", "x-content-type-options: nosniff",
                    "x-frame-options: deny", "content-security-policy: default-src 'self'", "cache-control: no-store",
                    "content-type: application/json");
            assertThat(answer).contains("\"error\":\"").doesNotContain("aaaaaaaaaa");
        }
    }

    @Test
    void staticAsset_revalidatedWithItsETag_is304WithoutABody() throws Exception {
        var first = relay.get("/static/app.js", Optional.empty());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String again = raw("GET /static/app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nIf-None-Match: " + etag
                + "\r\nConnection: close\r\n\r\n");
        assertThat(again).startsWith("HTTP/1.1 304").contains("Referrer-Policy: no-referrer");
        assertThat(again.substring(again.indexOf("\r\n\r\n") + 4)).isEmpty();
    }

    @Test
    void unknownRoute_isAJson404() {
        assertError(relay.get("/nothing-here", Optional.empty()), 404, "not_found");
        assertError(relay.get("/static/nothing-here.js", Optional.empty()), 404, "not_found");
        assertThat(relay.get("/nothing-here", Optional.empty()).headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/json");
    }

    /** A raw request, so the path reaches the server exactly as written (no client normalization). */
    private String rawGet(String path) throws Exception {
        return raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} as written and returns what came back until close or a 2 s silence. */
    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", relay.port())) {
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n = in.read(buf); n > 0 && got.size() < 65536; n = in.read(buf)) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketTimeoutException e) {
                // the server kept the connection open: what arrived is the answer
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void ws_foreignOrigin_isRefusedAtUpgrade() {
        assertThatThrownBy(() -> WsClient.connect(relay.port(), "http://evil.example:" + relay.port()))
                .isInstanceOf(CompletionException.class);
    }

    @Test
    void ws_badFirstFrames_closeWithTheDocumentedCodes() {
        assertThat(relay.connect().hello("bogus").awaitClose(WAIT)).isEqualTo(4401);
        assertThat(relay.connect().send("{\"type\":\"ping\"}").awaitClose(WAIT)).isEqualTo(4401);
        assertThat(relay.connect().send("not json").awaitClose(WAIT)).isEqualTo(1003);
        assertThat(relay.connect().send("{\"type\":\"hello\",\"token\":\"" + "x".repeat(5000) + "\"}").awaitClose(WAIT))
                .isEqualTo(1009);
        assertThat(relay.connect().awaitClose(Duration.ofSeconds(8))).isEqualTo(4401);
    }

    @Test
    void ws_fifthSocketForOneSeat_isRefusedWith4409() {
        List<WsClient> four = java.util.stream.IntStream.range(0, 4).mapToObj(i -> {
            WsClient ws = relay.connect().hello(token("p3"));
            ws.awaitType("welcome");
            return ws;
        }).toList();
        assertThat(relay.connect().hello(token("p3")).awaitClose(WAIT)).isEqualTo(4409);
        four.forEach(WsClient::close);
    }

    @Test
    void ws_afterHello_oversizedFrameCloses1009AndQueuesNothing() {
        relay.drainInbox();
        WsClient ws = relay.connect().hello(token("p2"));
        ws.awaitType("welcome");
        ws.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(4200) + "\"}");
        assertThat(ws.awaitClose(WAIT)).isEqualTo(1009);
        assertNothingQueued();
    }
}
