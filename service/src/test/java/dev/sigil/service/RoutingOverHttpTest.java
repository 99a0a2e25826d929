package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.SigilGrpc;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.service.config.ConfigException;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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

    /** A server whose only pinned backend takes a second per batch, holding at most two items. */
    private TestServer holdingTwoItemsAtMost() {
        return TestServer.start(dir, "routing: {maxQueuedItems: 2, calibrate: false}", TestBackends.provider("slow",
                c -> TestBackends.verifier("slow", b -> TestBackends.slowCpu(b, 1000))));
    }

    /** Sends two items pinned to the slow backend and returns once the router holds them. */
    private static CompletableFuture<TestServer.Response> holdTwoItems(TestServer s, JsonObject ok)
            throws InterruptedException {
        String two = Items.body(new JsonArray().add(ok).add(Items.tampered(ok)), Map.of("backend", "slow"));
        CompletableFuture<TestServer.Response> held = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> held.complete(s.post("/v1/verify", two, null)));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (queueDepth(s, "slow") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return held;
    }

    @Test
    void routerHoldingTooMuchWork_answers503Overloaded_withRetryAfter_andServesAgainAfterwards() throws Exception {
        try (TestServer s = holdingTwoItemsAtMost()) {
            JsonObject ok = Items.signed(Items.key(Scheme.ECDSA_P256), new byte[] {9}, false);
            String one = Items.body(new JsonArray().add(ok), Map.of());
            CompletableFuture<TestServer.Response> held = holdTwoItems(s, ok);
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
    void routerHoldingTooMuchWork_overGrpc_isResourceExhaustedOverloaded_withARetryPushbackTrailer()
            throws Exception {
        try (TestServer s = holdingTwoItemsAtMost()) {
            JsonObject ok = Items.signed(Items.key(Scheme.ECDSA_P256), new byte[] {9}, false);
            VerifyRequest one = VerifyRequest.newBuilder().addItems(Item.newBuilder()
                    .setScheme(dev.sigil.grpc.v1.Scheme.ECDSA_P256)
                    .setPublicKey(ByteString.copyFrom(Hex.decode("key", ok.getString("publicKey"))))
                    .setMessage(ByteString.copyFrom(Hex.decode("message", ok.getString("message"))))
                    .setSignature(ByteString.copyFrom(Hex.decode("signature", ok.getString("signature"))))).build();
            ManagedChannel channel = GrpcApiTest.channel(s);
            try {
                // connected and warm before the work is held, so the refused call comes while it is
                assertThat(SigilGrpc.newBlockingStub(channel).verify(one).getResultsCount()).isEqualTo(1);
                CompletableFuture<TestServer.Response> held = holdTwoItems(s, ok);
                StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class,
                        () -> SigilGrpc.newBlockingStub(channel).verify(one));
                assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                assertThat(refused.getStatus().getDescription()).startsWith("overloaded: ");
                String pushback = refused.getTrailers().get(
                        Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER));
                assertThat(pushback).as("the retry pushback, in ms").isNotNull();
                assertThat(Long.parseLong(pushback)).isPositive().isEqualTo(Long.parseLong(pushback) / 1000 * 1000);

                assertThat(held.get().status()).isEqualTo(200);
                assertThat(SigilGrpc.newBlockingStub(channel).verify(one).getResultsList())
                        .containsExactly(dev.sigil.grpc.v1.Result.VALID);
            } finally {
                channel.shutdownNow();
            }
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
