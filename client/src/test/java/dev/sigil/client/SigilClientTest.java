package dev.sigil.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.RecoverRequest;
import dev.sigil.grpc.v1.RecoverResponse;
import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.Scheme;
import dev.sigil.grpc.v1.SignItem;
import dev.sigil.grpc.v1.SignRequest;
import dev.sigil.grpc.v1.SignResponse;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import dev.sigil.service.SigilServer;
import dev.sigil.service.grpc.ProtoItems;
import io.grpc.Status;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real server: the client's answers equal the JSON API's; recover, sign, tokens and errors. */
class SigilClientTest {
    @TempDir
    static Path dir;
    static SigilServer server;
    static SigilClient node;
    static SigilClient signer;

    @BeforeAll
    static void start() {
        server = Servers.start(dir, 0, 100);
        Servers.createKey(server, "validator-k1", "ecdsa-secp256k1");
        Servers.createKey(server, "validator-ed", "ed25519");
        node = client(Servers.NODE);
        signer = client(Servers.SIGNER);
    }

    static SigilClient client(String token) {
        return SigilClient.builder().addresses(List.of(Servers.address(server))).token(token)
                .deadline(Duration.ofMinutes(2)).build();
    }

    @AfterAll
    static void stop() {
        node.close();
        signer.close();
        server.close();
    }

    @Test
    void verify_wycheproofP256Der_equalsTheJsonApiAndTheVectors() {
        assertSameAsJson(Scheme.ECDSA_P256, "ecdsa-p256",
                Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER).subList(0, 100));
    }

    @Test
    void verify_wycheproofEd25519_equalsTheJsonApiAndTheVectors() {
        List<Vectors.Vector> v = Vectors.wycheproof("ed25519_test.json", null);
        assertSameAsJson(Scheme.ED25519, "ed25519", v.subList(0, Math.min(100, v.size())));
    }

    private static void assertSameAsJson(Scheme scheme, String word, List<Vectors.Vector> vectors) {
        assertThat(vectors).isNotEmpty();
        VerifyRequest.Builder request = VerifyRequest.newBuilder();
        StringBuilder items = new StringBuilder();
        for (Vectors.Vector v : vectors) {
            request.addItems(ProtoItems.toProto(scheme, v.item()));
            items.append(items.isEmpty() ? "" : ",").append(json(word, v.item()));
        }
        VerifyResponse grpc = node.verify(request.build());
        HttpResponse<String> http = Servers.post(server, "/v1/verify", "{\"items\":[" + items + "]}", Servers.NODE);
        assertThat(http.statusCode()).as(http.body()).isEqualTo(200);
        io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(http.body());
        assertThat(grpc.getRules()).isEqualTo(body.getString("rules"));
        assertThat(grpc.getResultsList().stream().map(r -> r.name().toLowerCase()).toList())
                .isEqualTo(body.getJsonArray("results").getList());
        assertThat(grpc.getProblemsList().stream().map(p -> p.getIndex() + " " + p.getCode()).toList())
                .isEqualTo(body.getJsonArray("problems").stream().map(p -> (io.vertx.core.json.JsonObject) p)
                        .map(p -> p.getInteger("index") + " " + p.getString("code")).toList());
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(grpc.getResults(i) == Result.VALID).as(vectors.get(i).name()).isEqualTo(vectors.get(i).valid());
        }
    }

    private static String json(String scheme, EncodedItem item) {
        StringBuilder o = new StringBuilder("{\"scheme\":\"" + scheme + "\",\"publicKey\":\"" + Hex.encode(item.publicKey())
                + "\",\"signature\":\"" + Hex.encode(item.signature()) + "\"");
        if (item.message() != null) {
            o.append(",\"message\":\"").append(Hex.encode(item.message())).append('"');
        }
        if (item.digest() != null) {
            o.append(",\"digest\":\"").append(Hex.encode(item.digest())).append('"');
        }
        if (item.format() != null) {
            o.append(",\"signatureFormat\":\"").append(item.format().wireName()).append('"');
        }
        return o.append('}').toString();
    }

    @Test
    void signWithTheSignerToken_thenRecover_givesTheSignersKey() {
        SignResponse signed = signer.sign(SignRequest.newBuilder().setKeyId("validator-k1")
                .setSignatureFormat(dev.sigil.grpc.v1.SignatureFormat.RAW_RECOVERABLE)
                .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("tx 1"))).build());
        assertThat(signed.getSignaturesCount()).isEqualTo(1);
        Item good = Item.newBuilder().setScheme(Scheme.ECDSA_SECP256K1).setMessage(ByteString.copyFromUtf8("tx 1"))
                .setSignature(signed.getSignatures(0)).build();
        RecoverResponse r = node.recover(RecoverRequest.newBuilder().addItems(good)
                .addItems(good.toBuilder().setMessage(ByteString.copyFromUtf8("tx 2"))).build());
        assertThat(r.getResults(0)).isEqualTo(Result.VALID);
        byte[] signerKey = signed.getPublicKey().toByteArray();
        byte[] recovered = r.getPublicKeys(0).toByteArray();
        assertThat(recovered).hasSize(65);
        // the signer's key (compressed or not) has the recovered key's x
        assertThat(Arrays.copyOfRange(recovered, 1, 33)).isEqualTo(Arrays.copyOfRange(signerKey, 1, 33));
        // another message recovers some other key, or none
        assertThat(r.getPublicKeys(1).toByteArray()).isNotEqualTo(recovered);
    }

    @Test
    void sign_ed25519_verifiesThroughTheClient_andATamperedMessageDoesNot() {
        SignResponse signed = signer.sign(SignRequest.newBuilder().setKeyId("validator-ed")
                .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("block 7"))).build());
        Item item = Item.newBuilder().setScheme(Scheme.ED25519).setPublicKey(signed.getPublicKey())
                .setMessage(ByteString.copyFromUtf8("block 7")).setSignature(signed.getSignatures(0)).build();
        VerifyResponse v = node.verify(VerifyRequest.newBuilder().addItems(item)
                .addItems(item.toBuilder().setMessage(ByteString.copyFromUtf8("block 8"))).build());
        assertThat(v.getResultsList()).containsExactly(Result.VALID, Result.INVALID);
    }

    @Test
    void wrongOrMissingToken_failsWithTheApisCode_andNeverShowsTheToken() {
        VerifyRequest request = VerifyRequest.newBuilder().addItems(ProtoItems.toProto(Scheme.ED25519,
                Vectors.wycheproof("ed25519_test.json", null).getFirst().item())).build();
        String secret = "not-a-token-of-this-server-1234";
        try (SigilClient wrong = client(secret); SigilClient none = client(null)) {
            assertThatThrownBy(() -> wrong.verify(request)).isInstanceOfSatisfying(SigilClientException.class, e -> {
                assertThat(e.status()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(e.code()).isEqualTo("unauthenticated");
                assertThat(e.toString()).doesNotContain(secret);
            });
            assertThatThrownBy(() -> none.verify(request)).isInstanceOfSatisfying(SigilClientException.class,
                    e -> assertThat(e.code()).isEqualTo("unauthenticated"));
            // a verify token may not sign
            assertThatThrownBy(() -> node.sign(SignRequest.newBuilder().setKeyId("validator-ed")
                    .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("x"))).build()))
                    .isInstanceOfSatisfying(SigilClientException.class, e -> {
                        assertThat(e.status()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.code()).isEqualTo("forbidden");
                        assertThat(e.toString()).doesNotContain(Servers.NODE);
                    });
        }
    }

    @Test
    void aBatchOverTheLimit_isResourceExhausted_andNotRetried() {
        VerifyRequest.Builder b = VerifyRequest.newBuilder();
        for (int i = 0; i < 101; i++) {
            b.addItems(Item.newBuilder().setScheme(Scheme.ED25519));
        }
        long before = Servers.grpcVerifyCalls(server);
        assertThatThrownBy(() -> node.verify(b.build())).isInstanceOfSatisfying(SigilClientException.class, e -> {
            assertThat(e.status()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(e.code()).isEqualTo("batch-too-large");
        });
        assertThat(Servers.grpcVerifyCalls(server) - before).isEqualTo(1);
    }

    @Test
    void aDeadlineThatHasPassed_failsTheCallWithDeadlineExceeded() {
        List<Item> items = new ArrayList<>();
        for (Vectors.Vector v : Vectors.wycheproof("ed25519_test.json", null).subList(0, 5)) {
            items.add(ProtoItems.toProto(Scheme.ED25519, v.item()));
        }
        assertThatThrownBy(() -> node.verify(VerifyRequest.newBuilder().addAllItems(items).build(),
                Duration.ofNanos(1))).isInstanceOfSatisfying(SigilClientException.class,
                e -> assertThat(e.status()).isEqualTo(Status.Code.DEADLINE_EXCEEDED));
    }

    @Test
    void retryableStatuses_areUnavailableAndTransientResourceExhaustion() {
        assertThat(SigilClient.retryable(Status.UNAVAILABLE)).isTrue();
        assertThat(SigilClient.retryable(Status.RESOURCE_EXHAUSTED.withDescription("overloaded: try later"))).isTrue();
        assertThat(SigilClient.retryable(Status.RESOURCE_EXHAUSTED.withDescription("batch-too-large: 101 > 100")))
                .isFalse();
        assertThat(SigilClient.retryable(Status.RESOURCE_EXHAUSTED.withDescription("payload-too-large: x"))).isFalse();
        assertThat(SigilClient.retryable(Status.INVALID_ARGUMENT)).isFalse();
        assertThat(SigilClient.retryable(Status.UNAUTHENTICATED)).isFalse();
        assertThat(SigilClient.retryable(Status.DEADLINE_EXCEEDED)).isFalse();
        // a stream broken in transport (no code word) is retried; a Sigil server's own internal error is not
        assertThat(SigilClient.retryable(Status.INTERNAL.withDescription(
                "Received unexpected EOS on empty DATA frame from server"))).isTrue();
        assertThat(SigilClient.retryable(Status.UNKNOWN.withDescription("HTTP status code 500"))).isTrue();
        assertThat(SigilClient.retryable(Status.INTERNAL.withDescription("internal: internal error"))).isFalse();
    }

    @Test
    void builder_rejectsBadSettings() {
        assertThatThrownBy(() -> SigilClient.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigilClient.builder().deadline(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigilClient.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SigilClient.builder().addresses(List.of(" ")).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
