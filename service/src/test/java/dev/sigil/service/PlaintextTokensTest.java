package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain HTTP on a non-loopback address: a warning at start, and bearer tokens refused unless allowed. */
class PlaintextTokensTest {
    @TempDir
    Path dir;

    private static HttpResponse<String> send(int port, String method, String path, String body, String token)
            throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(60)).method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonObject error(HttpResponse<String> r) {
        return new JsonObject(r.body()).getJsonObject("error");
    }

    @Test
    void nonLoopbackPlainHttp_warnsAtStart_andRefusesBearerTokens() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getLevel() + " " + r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("").addHandler(capture);
        SigilServer s;
        try {
            s = TlsClient.start(dir.resolve("a"), "0.0.0.0", "", Map.of());
        } finally {
            Logger.getLogger("").removeHandler(capture);
        }
        try (s) {
            assertThat(logged).anyMatch(l -> l.startsWith("WARNING") && l.contains("not a loopback address")
                    && l.contains("server.allowPlaintextTokens"));
            HttpResponse<String> keys = send(s.port(), "GET", "/v1/keys", null, TestServer.ADMIN);
            assertThat(keys.statusCode()).isEqualTo(401);
            assertThat(error(keys).getString("code")).isEqualTo("unauthenticated");
            assertThat(error(keys).getString("message")).contains("plain HTTP", "server.tls",
                    "server.allowPlaintextTokens");
            HttpResponse<String> verifyWithToken = send(s.port(), "POST", "/v1/verify", TlsTest.VERIFY_BODY,
                    TestServer.ADMIN);
            assertThat(verifyWithToken.statusCode()).isEqualTo(401);
            assertThat(keys.body()).doesNotContain(TestServer.ADMIN);
            // without a token, open endpoints still answer
            HttpResponse<String> verify = send(s.port(), "POST", "/v1/verify", TlsTest.VERIFY_BODY, null);
            assertThat(verify.statusCode()).isEqualTo(200);
            assertThat(new JsonObject(verify.body()).getJsonArray("results").getList()).containsExactly("valid");
        }
    }

    @Test
    void allowPlaintextTokens_acceptsThemOffLoopback() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("b"), "0.0.0.0", "server: {allowPlaintextTokens: true}",
                Map.of())) {
            assertThat(send(s.port(), "GET", "/v1/keys", null, TestServer.ADMIN).statusCode()).isEqualTo(200);
            assertThat(send(s.port(), "GET", "/v1/keys", null, "unknown-token").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void loopbackPlainHttp_acceptsTokens() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("c"), "127.0.0.1", "", Map.of())) {
            assertThat(send(s.port(), "GET", "/v1/keys", null, TestServer.ADMIN).statusCode()).isEqualTo(200);
        }
    }
}
