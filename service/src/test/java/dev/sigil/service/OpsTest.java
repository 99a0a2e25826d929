package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Scheme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsTest {
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void backends_listsTheCpuBackend_withThroughputAfterWork() {
        JsonArray items = new JsonArray();
        for (int i = 0; i < 20; i++) {
            items.add(Items.signed(Items.key(Scheme.ECDSA_P256), ("m" + i).getBytes(StandardCharsets.UTF_8), false));
        }
        assertThat(server.post("/v1/verify", Items.body(items), null).status()).isEqualTo(200);
        JsonObject cpu = server.get("/v1/backends", null).json().getJsonArray("backends").getJsonObject(0);
        assertThat(cpu.fieldNames()).containsExactlyInAnyOrder("id", "kind", "device", "schemes", "operations",
                "healthy", "queueDepth", "throughput", "fixedLatencyMs", "sharesHardwareWith");
        assertThat(cpu.getString("id")).isEqualTo("cpu");
        assertThat(cpu.getString("kind")).isEqualTo("cpu");
        assertThat(cpu.getJsonArray("schemes").getList()).containsExactlyInAnyOrder("ecdsa-secp256k1", "ecdsa-p256",
                "sm2", "ed25519", "schnorr-secp256k1");
        assertThat(cpu.getJsonObject("throughput").getLong("schnorr-secp256k1")).isPositive();
        assertThat(cpu.getJsonArray("operations").getList()).containsExactly("verify", "sign", "recover");
        assertThat(cpu.getBoolean("healthy")).isTrue();
        assertThat(cpu.getLong("queueDepth")).isZero();
        assertThat(cpu.getJsonObject("throughput").getLong("ecdsa-p256")).isPositive();
    }

    @Test
    void health_liveAndReady_answer200_withTheChecks() {
        assertThat(server.get("/health/live", null).status()).isEqualTo(200);
        TestServer.Response ready = server.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        JsonArray checks = ready.json().getJsonArray("checks");
        assertThat(checks.stream().map(c -> ((JsonObject) c).getString("name")))
                .contains("verify", "backend:cpu", "keystore:software");
    }

    @Test
    void metrics_arePrometheusText_withRequestItemAndJvmMetrics() {
        JsonArray items = new JsonArray().add(Items.signed(Items.key(Scheme.SM2), new byte[] {1}, false));
        server.post("/v1/verify", Items.body(items), null);
        server.get("/v1/nothing-here", null);
        String text = server.get("/metrics", null).body();
        assertThat(text).contains("sigil_http_requests_seconds_count{endpoint=\"/v1/verify\",method=\"POST\","
                + "status=\"200\",transport=\"http\"}");
        assertThat(text).contains("endpoint=\"other\"");
        assertThat(text).containsPattern("sigil_verify_items_total\\{backend=\"cpu\",outcome=\"valid\","
                + "scheme=\"sm2\"} [1-9]");
        assertThat(text).contains("sigil_verify_batch_size_count{scheme=\"sm2\"}");
        assertThat(text).contains("sigil_backend_queue_depth{backend=\"cpu\"}");
        // nothing is held once the requests above were answered; the slowdown starts at 1
        assertThat(text).contains("sigil_admission_held_items 0.0", "sigil_admission_wait_seconds 0.0");
        assertThat(text).containsPattern("sigil_admission_slowdown [0-9.]+");
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    @Test
    void unknownPaths_are404_andWrongMethods_are405_withTheErrorBody() {
        TestServer.Response missing = server.get("/v2/verify", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("invalid-request");
        TestServer.Response method = server.get("/v1/verify", null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("invalid-request");
    }
}
