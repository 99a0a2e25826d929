package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.service.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendBehaviourTest {
    @TempDir
    Path dir;

    private static JsonArray mixed() {
        JsonArray items = new JsonArray();
        for (Scheme s : Scheme.values()) {
            JsonObject ok = Items.signed(Items.key(s), ("m " + s).getBytes(StandardCharsets.UTF_8), false);
            items.add(ok).add(Items.tampered(ok));
        }
        return items;
    }

    @Test
    void aFailingPinnedBackend_isReRunOnCpu_withTheSameResults() {
        try (TestServer s = TestServer.start(dir, "", TestBackends.provider("flaky",
                c -> TestBackends.verifier("flaky", b -> TestBackends.failing("flaky"))))) {
            TestServer.Response r = s.post("/v1/verify", Items.body(mixed(), Map.of("backend", "flaky")), null);
            assertThat(r.status()).isEqualTo(200);
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 0; i < Scheme.values().length; i++) {
                expected.addAll(List.of("valid", "invalid"));
            }
            assertThat(r.json().getJsonArray("results").getList()).containsExactlyElementsOf(expected);
            assertThat(r.json().getJsonObject("backends").getMap()).isEqualTo(Map.of("cpu", expected.size()));
            assertThat(s.get("/metrics", null).body()).contains("sigil_backend_failures_total{backend=\"flaky\"}");
        }
    }

    @Test
    void aBackendThatFailsToStart_isLeftOut_andReportedByReadiness() {
        try (TestServer s = TestServer.start(dir, "", TestBackends.provider("broken", c -> {
            throw new BackendException.Unavailable("broken", "no device", null);
        }))) {
            TestServer.Response ready = s.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).contains("backend:broken").contains("no device");
            assertThat(s.get("/v1/backends", null).json().getJsonArray("backends")).hasSize(1);
        }
    }

    @Test
    void aConfiguredBackendThatIsNotAvailable_isReported_andAnUnconfiguredOneIsQuietlySkipped() {
        try (TestServer s = TestServer.start(dir, "backends: {shy: {}}",
                TestBackends.provider("shy", false, c -> {
                    throw new AssertionError("an unavailable backend is never created");
                }), TestBackends.provider("absent", false, c -> {
                    throw new AssertionError("an unavailable backend is never created");
                }))) {
            TestServer.Response ready = s.get("/health/ready", null);
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.body()).contains("backend:shy").contains("configured but not available")
                    .doesNotContain("backend:absent");
        }
    }

    @Test
    void aBackendDisabledInTheConfig_isNotStarted_andUnknownIdsStopTheStart() {
        String yaml = "backends: {slow: {enabled: false}}";
        try (TestServer s = TestServer.start(dir, yaml, TestBackends.provider("slow",
                c -> TestBackends.verifier("slow", b -> TestBackends.slowCpu(b, 1))))) {
            assertThat(s.get("/v1/backends", null).body()).doesNotContain("\"slow\"");
        }
        assertThatThrownBy(() -> TestServer.start(dir, "backends: {gpu9: {}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("backends.gpu9");
    }

    @Test
    void backendSettings_aTypoOrABadValueStopsTheStart_namingTheField() {
        assertThatThrownBy(() -> TestServer.start(dir, "backends: {cpu: {thread: 2}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("backends.cpu.thread: unknown field (known: enabled, cacheDir, engine, secp256k1Library, threads)");
        assertThatThrownBy(() -> TestServer.start(dir, "backends: {cpu: {engine: fastest}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("backends.cpu.engine: must be auto or bouncycastle");
        assertThatThrownBy(() -> TestServer.start(dir, "backends: {cpu: {threads: 0}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("backends.cpu.threads: must be an integer in [1, 4096]");
        assertThatThrownBy(() -> TestServer.start(dir, "backends: {cpu: {threads: two}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("backends.cpu.threads");
        try (TestServer s = TestServer.start(dir, "backends: {cpu: {threads: 2}}")) {
            assertThat(s.get("/health/ready", null).status()).isEqualTo(200);
        }
    }

    @Test
    void stopping_answersTheRequestsAlreadyAccepted() throws Exception {
        TestServer s = TestServer.start(dir, "", TestBackends.provider("slow",
                c -> TestBackends.verifier("slow", b -> TestBackends.slowCpu(b, 1500))));
        JsonObject ok = Items.signed(Items.key(Scheme.ED25519), new byte[] {7}, false);
        String body = Items.body(new JsonArray().add(ok).add(Items.tampered(ok)), Map.of("backend", "slow"));
        CompletableFuture<TestServer.Response> inFlight = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> inFlight.complete(s.post("/v1/verify", body, null)));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (queueDepth(s, "slow") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(queueDepth(s, "slow")).isEqualTo(2);
        s.close();
        TestServer.Response r = inFlight.get();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().getJsonArray("results").getList()).containsExactly("valid", "invalid");
        assertThat(r.json().getJsonObject("backends").getMap()).isEqualTo(Map.of("slow", 2));
    }

    private static long queueDepth(TestServer s, String backend) {
        JsonArray list = s.get("/v1/backends", null).json().getJsonArray("backends");
        return list.stream().map(JsonObject.class::cast).filter(b -> b.getString("id").equals(backend))
                .findFirst().orElseThrow().getLong("queueDepth");
    }

    @Test
    void tokenKeys_areCreatedListedAndUsedThroughTheTokenBackend() {
        try (TestServer s = TestServer.start(dir, "hsm: {module: /nowhere}", TestBackends.provider("hsm",
                c -> TestBackends.token()))) {
            TestServer.Response created = s.post("/v1/keys",
                    "{\"keyId\":\"cold-1\",\"scheme\":\"ecdsa-secp256k1\",\"store\":\"hsm\"}", TestServer.ADMIN);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().getString("store")).isEqualTo("hsm");
            assertThat(s.post("/v1/keys", "{\"keyId\":\"cold-2\",\"scheme\":\"sm2\",\"store\":\"hsm\"}",
                    TestServer.ADMIN).errorCode()).isEqualTo("backend-unavailable");
            assertThat(s.get("/v1/keys", TestServer.ADMIN).json().getJsonArray("keys").getJsonObject(0)
                    .getString("store")).isEqualTo("hsm");
            TestServer.Response signed = s.post("/v1/sign", "{\"keyId\":\"cold-1\",\"signatureFormat\":"
                    + "\"raw-recoverable\",\"items\":[{\"message\":\"01\"}]}", TestServer.ADMIN);
            assertThat(signed.json().getString("backend")).isEqualTo("hsm");
            byte[] sig = dev.sigil.crypto.Hex.decode("sig", signed.json().getJsonArray("signatures").getString(0));
            dev.sigil.crypto.EcSignature rs = dev.sigil.crypto.EcSignature.fromRaw(java.util.Arrays.copyOf(sig, 64));
            dev.sigil.crypto.EcPublicKey pub = (dev.sigil.crypto.EcPublicKey) dev.sigil.crypto.PublicKey.parse(
                    Scheme.ECDSA_SECP256K1, dev.sigil.crypto.Hex.decode("pk", created.json().getString("publicKey")));
            assertThat(sig).hasSize(65);
            assertThat(rs.isHighS(dev.sigil.crypto.Curve.SECP256K1)).isFalse();
            assertThat((int) sig[64]).isEqualTo(dev.sigil.crypto.conformance.Secp256k1Recovery.recoveryId(pub,
                    dev.sigil.crypto.Hashes.sha256(new byte[] {1}), rs.r(), rs.s())).isBetween(0, 1);
            assertThat(s.get("/health/ready", null).body()).contains("keystore:hsm");
        }
    }

    @Test
    void aFullWorkQueue_isAnswered503Overloaded_withRetryAfter() throws Exception {
        String yaml = "server: {workerThreads: 1, queueCapacity: 1}";
        try (TestServer s = TestServer.start(dir, yaml, TestBackends.provider("slow",
                c -> TestBackends.verifier("slow", b -> TestBackends.slowCpu(b, 800))))) {
            JsonObject ok = Items.signed(Items.key(Scheme.ECDSA_P256), new byte[] {7}, false);
            String body = Items.body(new JsonArray().add(ok), Map.of("backend", "slow"));
            List<CompletableFuture<TestServer.Response>> calls = new java.util.ArrayList<>();
            java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(5);
            for (int i = 0; i < 5; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> s.post("/v1/verify", body, null), clients));
            }
            List<TestServer.Response> answers = calls.stream().map(CompletableFuture::join).toList();
            clients.shutdown();
            assertThat(answers).anyMatch(r -> r.status() == 200);
            TestServer.Response busy = answers.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.errorCode()).isEqualTo("overloaded");
            assertThat(busy.retryAfter()).isNotBlank();
        }
    }

    @Test
    void aBackendBug_isAnswered500Internal_withoutDetails() {
        try (TestServer s = TestServer.start(dir, "", TestBackends.provider("buggy",
                c -> TestBackends.verifier("buggy", b -> {
                    throw new IllegalStateException("secret detail");
                })))) {
            TestServer.Response r = s.post("/v1/verify", Items.body(mixed(), Map.of("backend", "buggy")), null);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.errorCode()).isEqualTo("internal");
            assertThat(r.body()).doesNotContain("secret detail");
        }
    }
}
