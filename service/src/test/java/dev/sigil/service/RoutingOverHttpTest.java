package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Scheme;
import dev.sigil.service.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingOverHttpTest {
    @TempDir
    Path dir;

    private static long queueDepth(TestServer s, String backend) {
        JsonArray list = s.get("/v1/backends", null).json().getJsonArray("backends");
        return list.stream().map(JsonObject.class::cast).filter(b -> b.getString("id").equals(backend))
                .findFirst().orElseThrow().getLong("queueDepth");
    }

    @Test
    void routerHoldingTooMuchWork_answers503Overloaded_withRetryAfter_andServesAgainAfterwards() throws Exception {
        String yaml = "routing: {maxQueuedItems: 2, calibrate: false}";
        try (TestServer s = TestServer.start(dir, yaml, TestBackends.provider("slow",
                c -> TestBackends.verifier("slow", b -> TestBackends.slowCpu(b, 1000))))) {
            JsonObject ok = Items.signed(Items.key(Scheme.ECDSA_P256), new byte[] {9}, false);
            String two = Items.body(new JsonArray().add(ok).add(Items.tampered(ok)), Map.of("backend", "slow"));
            String one = Items.body(new JsonArray().add(ok), Map.of());
            CompletableFuture<TestServer.Response> held = new CompletableFuture<>();
            Thread.ofPlatform().start(() -> held.complete(s.post("/v1/verify", two, null)));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (queueDepth(s, "slow") < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            TestServer.Response refused = s.post("/v1/verify", one, null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.errorCode()).isEqualTo("overloaded");
            assertThat(Long.parseLong(refused.retryAfter())).isPositive();

            TestServer.Response first = held.get();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().getJsonArray("results").getList()).containsExactly("valid", "invalid");
            TestServer.Response later = s.post("/v1/verify", one, null);
            assertThat(later.status()).isEqualTo(200);
            assertThat(later.json().getJsonArray("results").getList()).containsExactly("valid");
            assertThat(s.get("/metrics", null).body()).contains("sigil_routing_rejections_total");
        }
    }

    @Test
    void backends_reportTheRoutersEstimates_perScheme() {
        try (TestServer s = TestServer.start(dir, "routing: {calibrate: false}")) {
            JsonObject cpu = s.get("/v1/backends", null).json().getJsonArray("backends").getJsonObject(0);
            for (Scheme scheme : Scheme.values()) {
                assertThat(cpu.getJsonObject("throughput").getLong(scheme.wireName())).isPositive();
                assertThat(cpu.getJsonObject("fixedLatencyMs").getDouble(scheme.wireName())).isNotNegative();
            }
        }
    }

    @Test
    void routingSection_withUnknownOrBadSetting_stopsTheStart() {
        assertThatThrownBy(() -> TestServer.start(dir, "routing: {coalesce: {maxBatchSize: 5}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("routing.coalesce.maxBatchSize");
        assertThatThrownBy(() -> TestServer.start(dir, "routing: {maxQueuedItems: 0}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("maxQueuedItems");
    }
}
