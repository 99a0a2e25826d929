package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.service.auth.Authenticator;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP edge against clients that misbehave: bodies sent to endpoints the client may not use, bodies held open,
 * headers dribbled, connections half-closed or piled up, requests Vert.x itself refuses.
 */
class EdgeTest {
    static final String VERIFY = """
            {"rules": "low-s", "items": [{"scheme": "ed25519",
             "publicKey": "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "message": "",
             "signature": "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"}]}""";

    @TempDir
    Path dir;

    private static String hash(String token) {
        return Hex.encode(Authenticator.sha256(token));
    }

    private static String tokens() {
        return """
                auth:
                  verifyOpen: false
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                    - {name: signer, sha256: %s, roles: [sign]}
                """.formatted(hash("node-token"), hash("signer-token"));
    }

    /** Headers announcing a large body, and only its first bytes. */
    private static String bigBodyStart(String method, String path, String token) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: 50000000\r\n\r\n{\"items\": [";
    }

    @Test
    void authenticatedEndpoints_refuseOnTheHeaders_withoutWaitingForTheBody_andClose() {
        try (TestServer server = TestServer.start(dir, tokens())) {
            String[][] cases = {
                    {"POST", "/v1/sign", null, "401"}, {"POST", "/v1/sign", "wrong", "401"},
                    {"POST", "/v1/sign", "node-token", "403"}, {"POST", "/v1/keys", null, "401"},
                    {"POST", "/v1/keys", "signer-token", "403"}, {"POST", "/v1/verify", null, "401"},
                    {"POST", "/v1/verify", "signer-token", "403"}, {"GET", "/v1/keys", null, "401"}};
            for (String[] c : cases) {
                try (RawHttp raw = new RawHttp(server.server.port())) {
                    raw.timeout(20_000);
                    RawHttp.Answer a = raw.send(bigBodyStart(c[0], c[1], c[2])).read();
                    assertThat(a.status()).as(String.join(" ", c)).isEqualTo(Integer.parseInt(c[3]));
                    assertThat(a.errorCode()).isEqualTo(c[3].equals("401") ? "unauthenticated" : "forbidden");
                    assertThat(a.closes()).as("Connection: close").isTrue();
                    assertThat(raw.closedByServer()).as("closed after " + String.join(" ", c)).isTrue();
                }
            }
            // a well-behaved client with the right token is served as before
            assertThat(server.post("/v1/verify", VERIFY, "node-token").status()).isEqualTo(200);
        }
    }

    @Test
    void bodiesHeldAtOnce_pastTheGlobalCap_are503Overloaded_untilTheyAreReleased() throws Exception {
        try (TestServer server = TestServer.start(dir, "server: {maxBodyBytesInFlight: 100000}")) {
            String start = "POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 90000\r\n\r\n{\"items\": [";
            RawHttp holder = new RawHttp(server.server.port()).send(start);
            // the holder's 90 000 declared bytes are taken once its body starts; wait until they are
            List<String> seen = new ArrayList<>();
            TestServer.Response refused = null;
            long until = System.nanoTime() + 30_000_000_000L; // a bound for a loaded machine, not a timing claim
            while (System.nanoTime() < until) {
                refused = server.post("/v1/verify", VERIFY.repeat(1) + " ".repeat(20_000), null);
                if (refused.status() == 503) {
                    break;
                }
                seen.add(refused.status() + " " + refused.body());
                if (!holder.trySend(" ")) {
                    seen.add("the holder's connection was closed; opening another");
                    holder.close();
                    holder = new RawHttp(server.server.port()).send(start);
                }
                Thread.sleep(20);
            }
            assertThat(refused.status()).as(String.join("\n", seen.subList(Math.max(0, seen.size() - 20),
                    seen.size()))).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("overloaded");
            assertThat(refused.retryAfter()).isNotNull();
            holder.close();
            TestServer.Response served = null;
            for (int i = 0; i < 200; i++) {
                served = server.post("/v1/verify", VERIFY + " ".repeat(20_000), null);
                if (served.status() == 200) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(served.status()).as(served.body()).isEqualTo(200);
        }
    }

    @Test
    void hugeDeclaredBodies_pastTheQueueTarget_are503OverloadedOnTheirHeaders_withoutReadingTheBody() throws Exception {
        String huge = "POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 60000000\r\n\r\n";
        try (TestServer server = TestServer.start(dir, "routing: {maxQueueDelayMs: 100}")) {
            // a well-behaved request first: the router learns the cost per byte from it
            assertThat(server.post("/v1/verify", VERIFY, null).status()).isEqualTo(200);
            // 60 MB declared: far more than 100 ms of work reserved while its body has not come
            RawHttp holder = new RawHttp(server.server.port()).send(huge + "{\"items\": [");
            List<String> seen = new ArrayList<>();
            RawHttp.Answer refused = null;
            long until = System.nanoTime() + 60_000_000_000L; // a bound for a loaded machine, not a timing claim
            while (refused == null && System.nanoTime() < until) {
                // until the holder's headers have been seen, this one may be admitted and wait for its body
                try (RawHttp raw = new RawHttp(server.server.port())) {
                    raw.timeout(3_000);
                    RawHttp.Answer a = raw.send(huge).read();
                    seen.add(a.status() + " " + a.body());
                    if (a.status() == 503) {
                        assertThat(raw.closedByServer()).as("closed: its body is never read").isTrue();
                        refused = a;
                    }
                } catch (java.io.UncheckedIOException e) {
                    seen.add("no answer within 3 s: " + e.getMessage());
                }
                if (refused == null && !holder.trySend(" ")) {
                    seen.add("the holder's connection was closed; opening another");
                    holder.close();
                    holder = new RawHttp(server.server.port()).send(huge + "{\"items\": [");
                }
            }
            assertThat(refused).as(String.join("\n", seen)).isNotNull();
            assertThat(refused.errorCode()).isEqualTo("overloaded");
            assertThat(refused.head().toLowerCase(java.util.Locale.ROOT)).contains("retry-after:");
            assertThat(refused.closes()).isTrue();
            holder.close();
            TestServer.Response served = null;
            for (int i = 0; i < 500; i++) {
                served = server.post("/v1/verify", VERIFY, null);
                if (served.status() == 200) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(served.status()).as("the reservation is released with its request").isEqualTo(200);
        }
    }

    @Test
    void expectContinue_theBodyIsAskedForOnlyOnceTheHeadersPassed() {
        byte[] body = VERIFY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (TestServer server = TestServer.start(dir, tokens())) {
            try (RawHttp raw = new RawHttp(server.server.port())) {
                raw.timeout(20_000);
                RawHttp.Answer go = raw.send("POST /v1/verify HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer node-token\r\n"
                        + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + body.length
                        + "\r\n\r\n").read();
                assertThat(go.status()).isEqualTo(100);
                RawHttp.Answer a = raw.send(body).read();
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(a.body()).contains("\"valid\"");
            }
            try (RawHttp raw = new RawHttp(server.server.port())) {
                raw.timeout(20_000);
                RawHttp.Answer a = raw.send("POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Expect: 100-continue\r\nContent-Length: " + body.length + "\r\n\r\n").read();
                assertThat(a.status()).as("no token: refused without asking for the body").isEqualTo(401);
            }
        }
    }

    @Test
    void signAndKeyBodies_haveTheirOwnSmallLimits() {
        try (TestServer server = TestServer.start(dir, "server: {maxSignBodyBytes: 2048, maxKeysBodyBytes: 1024}")) {
            assertThat(server.post("/v1/keys", "{\"keyId\":\"k1\",\"scheme\":\"ed25519\"}", TestServer.ADMIN)
                    .status()).isEqualTo(201);
            String small = "{\"keyId\":\"k1\",\"items\":[{\"message\":\"00\"}]}";
            assertThat(server.post("/v1/sign", small, TestServer.ADMIN).status()).isEqualTo(200);
            String big = "{\"keyId\":\"k1\",\"items\":[{\"message\":\"" + "00".repeat(1500) + "\"}]}";
            TestServer.Response sign = server.post("/v1/sign", big, TestServer.ADMIN);
            assertThat(sign.status()).isEqualTo(413);
            assertThat(sign.errorCode()).isEqualTo("payload-too-large");
            TestServer.Response keys = server.post("/v1/keys", "{\"keyId\":\"k2\",\"scheme\":\"ed25519\",\"x\":\""
                    + "a".repeat(1100) + "\"}", TestServer.ADMIN);
            assertThat(keys.status()).isEqualTo(413);
            assertThat(keys.errorCode()).isEqualTo("payload-too-large");
            // verify keeps server.maxBodyBytes
            assertThat(server.post("/v1/verify", VERIFY + " ".repeat(5000), null).status()).isEqualTo(200);
        }
    }

    @Test
    void slowHeaders_areClosed_whileANormalRequestIsServed() throws Exception {
        try (TestServer server = TestServer.start(dir, "server: {headerTimeoutMs: 1000}")) {
            List<RawHttp> slow = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                slow.add(new RawHttp(server.server.port()).send("POST /v1/verify HTTP/1.1\r\nHost: x\r\n"));
            }
            // dribble a header byte per connection every 100 ms, as a slowloris client does
            List<RawHttp> closed = new ArrayList<>();
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            boolean served = false;
            while (closed.size() < slow.size() && System.nanoTime() < end) {
                for (RawHttp r : slow) {
                    if (!closed.contains(r) && !r.trySend("X")) {
                        closed.add(r);
                    }
                }
                if (!served) {
                    served = server.post("/v1/verify", VERIFY, null).status() == 200;
                }
                Thread.sleep(100);
            }
            assertThat(served).as("a normal request is served during the attack").isTrue();
            for (RawHttp r : slow) {
                r.timeout(10_000);
                assertThat(r.closedByServer()).as("a slow connection is closed").isTrue();
                r.close();
            }
            try (RawHttp one = new RawHttp(server.server.port())) {
                RawHttp.Answer a = one.send("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: ").read();
                assertThat(a.status()).isEqualTo(408);
                assertThat(a.errorCode()).isEqualTo("invalid-request");
            }
            assertThat(server.get("/health/live", null).status()).isEqualTo(200);
        }
    }

    @Test
    void aSlowBody_is408_andItsConnectionClosed() {
        try (TestServer server = TestServer.start(dir, "server: {bodyTimeoutMs: 500}");
                RawHttp raw = new RawHttp(server.server.port())) {
            RawHttp.Answer a = raw.send("POST /v1/verify HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"it")
                    .read();
            assertThat(a.status()).isEqualTo(408);
            assertThat(a.errorCode()).isEqualTo("invalid-request");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void anIdleConnection_isClosedAfterTheIdleTimeout() {
        try (TestServer server = TestServer.start(dir, "server: {idleTimeoutMs: 300}");
                RawHttp raw = new RawHttp(server.server.port())) {
            assertThat(raw.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
            raw.timeout(20_000);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void connectionsPastTheCap_are503AndClosed_andServedAgainOnceOthersClose() throws Exception {
        try (TestServer server = TestServer.start(dir, "server: {maxConnections: 3}")) {
            List<RawHttp> held = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawHttp r = new RawHttp(server.server.port());
                assertThat(r.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").read().status()).isEqualTo(200);
                held.add(r);
            }
            try (RawHttp extra = new RawHttp(server.server.port())) {
                RawHttp.Answer a = extra.read();
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.errorCode()).isEqualTo("overloaded");
                assertThat(extra.closedByServer()).isTrue();
            }
            held.forEach(RawHttp::close);
            int status = 0;
            for (int i = 0; i < 100 && status != 200; i++) {
                try (RawHttp again = new RawHttp(server.server.port())) {
                    status = again.send("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n").read().status();
                } catch (RuntimeException e) {
                    Thread.sleep(20);
                }
            }
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void aClientThatHalfClosesAfterItsRequest_getsItsAnswer_forVerifyAndSign() {
        try (TestServer server = TestServer.start(dir, "")) {
            assertThat(server.post("/v1/keys", "{\"keyId\":\"k1\",\"scheme\":\"ed25519\"}", TestServer.ADMIN)
                    .status()).isEqualTo(201);
            try (RawHttp raw = new RawHttp(server.server.port())) {
                raw.send(RawHttp.post("/v1/verify", null, VERIFY)).shutdownOutput();
                RawHttp.Answer a = raw.read();
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(new JsonObject(a.body()).getJsonArray("results").getList()).containsExactly("valid");
                assertThat(raw.closedByServer()).isTrue();
            }
            try (RawHttp raw = new RawHttp(server.server.port())) {
                raw.send(RawHttp.post("/v1/sign", TestServer.ADMIN,
                        "{\"keyId\":\"k1\",\"items\":[{\"message\":\"00\"},{\"message\":\"01\"}]}")).shutdownOutput();
                RawHttp.Answer a = raw.read();
                assertThat(a.status()).as(a.body()).isEqualTo(200);
                assertThat(new JsonObject(a.body()).getJsonArray("signatures")).hasSize(2);
                assertThat(raw.closedByServer()).isTrue();
            }
            try (RawHttp idle = new RawHttp(server.server.port())) {
                idle.shutdownOutput();
                assertThat(idle.closedByServer()).as("a half-closed idle connection is closed").isTrue();
            }
        }
    }

    @Test
    void duplicateKeysAndDeepNesting_areMalformedJson_onEveryEndpoint() {
        try (TestServer server = TestServer.start(dir, "")) {
            assertThat(server.post("/v1/keys", "{\"keyId\":\"a\",\"scheme\":\"ed25519\"}", TestServer.ADMIN)
                    .status()).isEqualTo(201);
            assertThat(server.post("/v1/keys", "{\"keyId\":\"b\",\"scheme\":\"ed25519\"}", TestServer.ADMIN)
                    .status()).isEqualTo(201);
            List<TestServer.Response> answers = List.of(
                    server.post("/v1/sign", "{\"keyId\":\"a\",\"keyId\":\"b\",\"items\":[{\"message\":\"00\"}]}",
                            TestServer.ADMIN),
                    server.post("/v1/sign", "{\"keyId\":\"a\",\"items\":[{\"message\":\"00\",\"message\":\"01\"}]}",
                            TestServer.ADMIN),
                    server.post("/v1/keys", "{\"keyId\":\"c\",\"keyId\":\"d\",\"scheme\":\"ed25519\"}",
                            TestServer.ADMIN),
                    server.post("/v1/verify", "{\"rules\":\"standard\",\"rules\":\"low-s\",\"items\":[]}", null),
                    // nesting deeper than the verify parser allows, in a field the handler does not read
                    server.post("/v1/sign", "{\"keyId\":\"a\",\"x\":" + "[".repeat(100) + "]".repeat(100)
                            + ",\"items\":[{\"message\":\"00\"}]}", TestServer.ADMIN));
            for (TestServer.Response r : answers) {
                assertThat(r.status()).as(r.body()).isEqualTo(400);
                assertThat(r.errorCode()).isEqualTo("malformed-json");
            }
            assertThat(server.get("/v1/keys/c", TestServer.ADMIN).status()).isEqualTo(404);
            assertThat(server.get("/v1/keys/d", TestServer.ADMIN).status()).isEqualTo(404);
        }
    }

    @Test
    void requestsVertxRefusesItself_getTheContractsErrorBody() {
        try (TestServer server = TestServer.start(dir, "")) {
            String[][] cases = {
                    {"GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"},
                    {"GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n", "431"},
                    {"GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", "400"},
                    {"GET /health/live HTTP/1.2\r\nHost: x\r\n\r\n", "501"}};
            for (String[] c : cases) {
                try (RawHttp raw = new RawHttp(server.server.port())) {
                    RawHttp.Answer a = raw.send(c[0]).read();
                    assertThat(a.status()).as(a.head() + a.body()).isEqualTo(Integer.parseInt(c[1]));
                    assertThat(a.head()).containsIgnoringCase("Content-Type: application/json");
                    assertThat(a.errorCode()).isEqualTo("invalid-request");
                }
            }
        }
    }

    @Test
    void http2Cleartext_servesVerify() throws Exception {
        try (TestServer server = TestServer.start(dir, "")) {
            HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
            URI base = URI.create("http://127.0.0.1:" + server.server.port());
            HttpResponse<String> ready = h2.send(HttpRequest.newBuilder(base.resolve("/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            HttpResponse<String> verify = h2.send(HttpRequest.newBuilder(base.resolve("/v1/verify"))
                    .POST(HttpRequest.BodyPublishers.ofString(VERIFY)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verify.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(verify.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(verify.body()).getJsonArray("results").getList()).containsExactly("valid");
            HttpResponse<String> unknown = h2.send(HttpRequest.newBuilder(base.resolve("/nowhere")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(new JsonObject(unknown.body()).getJsonObject("error").getString("code"))
                    .isEqualTo("invalid-request");
        }
    }

    @Test
    void opsClosed_metricsAndBackendsNeedAnAdminToken_healthStaysOpen() {
        String yaml = """
                auth:
                  opsOpen: false
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                """.formatted(hash("node-token"));
        try (TestServer server = TestServer.start(dir, yaml)) {
            for (String path : new String[] {"/metrics", "/v1/backends"}) {
                assertThat(server.get(path, null).status()).isEqualTo(401);
                assertThat(server.get(path, null).errorCode()).isEqualTo("unauthenticated");
                assertThat(server.get(path, "node-token").status()).isEqualTo(403);
                assertThat(server.get(path, TestServer.ADMIN).status()).isEqualTo(200);
            }
            assertThat(server.get("/health/live", null).status()).isEqualTo(200);
            assertThat(server.get("/health/ready", null).status()).isEqualTo(200);
        }
        try (TestServer open = TestServer.start(dir.resolve("open"), "")) {
            assertThat(open.get("/metrics", null).status()).isEqualTo(200);
            assertThat(open.get("/v1/backends", null).status()).isEqualTo(200);
        }
    }
}
