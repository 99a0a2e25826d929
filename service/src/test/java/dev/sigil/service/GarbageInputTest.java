package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whatever arrives, the answer is a 4xx with an error body (or a 200 for verify), never a 5xx. */
class GarbageInputTest {
    private static final List<String> ENDPOINTS = List.of("/v1/verify", "/v1/sign", "/v1/keys");
    private static final List<String> CODES = List.of("malformed-json", "invalid-request", "unknown-rules",
            "batch-too-large", "payload-too-large", "unauthenticated", "forbidden", "unknown-key", "key-exists",
            "backend-unavailable");

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "server: {maxBodyBytes: 200000}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<byte[]> garbage() {
        Random random = new Random(7);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            out.add(b);
        }
        String valid = "{\"keyId\":\"k\",\"scheme\":\"ed25519\",\"items\":[{\"scheme\":\"ed25519\",\"publicKey\":\"00\","
                + "\"message\":\"\",\"signature\":\"00\"},{\"message\":\"00\"}]}";
        for (int cut = 0; cut < valid.length(); cut += 7) {
            out.add(valid.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        }
        List<String> texts = List.of("null", "true", "1e999999", "-0", "\"items\"", "[]", "{\"items\":null}",
                "{\"items\":[" + "9".repeat(5000) + "]}", "{\"items\":" + "9".repeat(100_000) + "}",
                "{\"items\":[1e400, -1e-400, 123456789012345678901234567890]}",
                "{\"items\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}",
                "{\"a\":" + "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_001),
                "{\"items\":[{\"scheme\":{\"x\":[[[[[]]]]]}}],\"keyId\":[1],\"scheme\":false,\"store\":3}",
                "{\"keyId\":\"" + "a".repeat(100) + "\",\"items\":[{}]}", "{\"keyId\":\"../../etc\",\"scheme\":\"sm2\"}",
                "{\"items\":[{\"message\":\"zz\"}],\"keyId\":\"k\"}", "{\"items\":[], \"items\":[]}",
                "\uFEFF{\"items\":[]}", "{\"items\":[\"\\ud800\"]}", "{'items':[]}", "{\"items\":[,]}");
        texts.forEach(t -> out.add(t.getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    void garbage_onEveryPostEndpoint_isAnswered4xxWithAStableCode_never5xx() {
        List<String> failures = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            for (byte[] body : garbage()) {
                TestServer.Response r = server.postBytes(endpoint, body, TestServer.ADMIN);
                if (!acceptable(r)) {
                    failures.add(endpoint + " " + preview(body) + " -> " + r.status() + " " + r.body());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void badPathsAndRequestLines_overARawSocket_areAnswered4xx_never5xx() throws Exception {
        List<String> requests = List.of("GET /v1/keys/%ZZ HTTP/1.1", "GET /% HTTP/1.1", "GET /v1/keys/%4 HTTP/1.1",
                "POST /v1/verify?x=%zz HTTP/1.1", "GET /v1/keys/" + "a".repeat(5000) + " HTTP/1.1",
                "BREW /v1/verify HTTP/1.1", "GET /../../etc/passwd HTTP/1.1", "GET /v1/keys/%00 HTTP/1.1");
        List<String> failures = new ArrayList<>();
        for (String line : requests) {
            String status = rawStatus(line + "\r\nHost: x\r\nAuthorization: Bearer " + TestServer.ADMIN
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            if (!status.matches("HTTP/1\\.[01] 4\\d\\d .*")) {
                failures.add(line.substring(0, Math.min(60, line.length())) + " -> " + status);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static String rawStatus(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(
                    socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String first = in.readLine();
            return first == null ? "(no answer)" : first;
        }
    }

    private static boolean acceptable(TestServer.Response r) {
        if (r.status() == 200) {
            return new JsonObject(r.body()).containsKey("results");
        }
        if (r.status() < 400 || r.status() >= 500) {
            return false;
        }
        try {
            return CODES.contains(r.errorCode());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        return s.length() > 80 ? s.substring(0, 80) + "…(" + s.length() + ")" : s;
    }
}
