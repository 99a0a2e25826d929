package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.RecoverRequest;
import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.Scheme;
import dev.sigil.grpc.v1.SigilGrpc;
import dev.sigil.grpc.v1.SignItem;
import dev.sigil.grpc.v1.SignRequest;
import dev.sigil.grpc.v1.SignResponse;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.grpc.ProtoItems;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil.v1.Sigil} called through grpc-java's generated stubs on a real server (cleartext HTTP/2 with prior
 * knowledge, the HTTP port): the answers equal the JSON API's on the same items, and every whole-request error has
 * the contract's status and code word.
 */
class GrpcApiTest {
    static final String NODE = "node-token";
    static final String SIGNER = "signer-token";

    @TempDir
    static Path dir;
    static TestServer server;
    static ManagedChannel channel;

    @BeforeAll
    static void start() {
        String yaml = """
                server: {maxBatchItems: 1000, maxBodyBytes: 1000000}
                auth:
                  verifyOpen: false
                  tokens:
                    - {name: node, sha256: %s, roles: [verify]}
                    - {name: validators, sha256: %s, roles: [sign], keys: ["validator-*"]}
                """.formatted(Hex.encode(Authenticator.sha256(NODE)), Hex.encode(Authenticator.sha256(SIGNER)));
        server = TestServer.start(dir, yaml);
        for (String[] key : new String[][] {{"validator-ed", "ed25519"}, {"validator-k1", "ecdsa-secp256k1"},
                {"treasury", "ed25519"}}) {
            TestServer.Response r = server.post("/v1/keys", new JsonObject().put("keyId", key[0])
                    .put("scheme", key[1]).put("store", "software").encode(), TestServer.ADMIN);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        channel = channel(server);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    static ManagedChannel channel(TestServer s) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", s.server.port()).usePlaintext().build();
    }

    static SigilGrpc.SigilBlockingStub stub(String token) {
        SigilGrpc.SigilBlockingStub stub = SigilGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.MINUTES);
        return token == null ? stub : stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(bearer(token)));
    }

    static Metadata bearer(String token) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return m;
    }

    // ---- Verify: the same answers as the JSON API ----

    @Test
    void verify_wycheproofP256Der_equalsJsonApi_andTheVectors() {
        assertSameAsJson(Scheme.ECDSA_P256, "ecdsa-p256",
                Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER), "standard");
    }

    @Test
    void verify_wycheproofP256P1363_equalsJsonApi_andTheVectors() {
        assertSameAsJson(Scheme.ECDSA_P256, "ecdsa-p256",
                Vectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json", SignatureFormat.RAW), "standard");
    }

    @Test
    void verify_wycheproofP256UnderLowS_equalsJsonApi() {
        assertSameAsJson(Scheme.ECDSA_P256, "ecdsa-p256",
                Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER), "low-s");
    }

    @Test
    void verify_wycheproofEd25519_equalsJsonApi_andTheVectors() {
        assertSameAsJson(Scheme.ED25519, "ed25519", Vectors.wycheproof("ed25519_test.json", null), "");
    }

    @Test
    void verify_sm2WithUserId_equalsJsonApi() {
        assertSameAsJson(Scheme.SM2, "sm2", Vectors.sm2Example(), "");
    }

    private static void assertSameAsJson(Scheme scheme, String word, List<Vectors.Vector> vectors, String rules) {
        assertThat(vectors).isNotEmpty();
        VerifyRequest.Builder request = VerifyRequest.newBuilder().setRules(rules);
        JsonArray items = new JsonArray();
        for (Vectors.Vector v : vectors) {
            request.addItems(ProtoItems.toProto(scheme, v.item()));
            items.add(json(word, v.item()));
        }
        VerifyResponse grpc = stub(NODE).verify(request.build());
        JsonObject body = new JsonObject().put("items", items);
        if (!rules.isEmpty()) {
            body.put("rules", rules);
        }
        TestServer.Response http = server.post("/v1/verify", body.encode(), NODE);
        assertThat(http.status()).as(http.body()).isEqualTo(200);
        assertSame(grpc, http.json());
        for (int i = 0; i < vectors.size() && !rules.equals("low-s"); i++) {
            assertThat(grpc.getResults(i) == Result.VALID).as(vectors.get(i).name()).isEqualTo(vectors.get(i).valid());
        }
    }

    /** The gRPC answer carries exactly the JSON answer: rules, results, problems and backend counts. */
    static void assertSame(VerifyResponse grpc, JsonObject json) {
        assertThat(grpc.getRules()).isEqualTo(json.getString("rules"));
        assertThat(grpc.getResultsList().stream().map(r -> r.name().toLowerCase()).toList())
                .isEqualTo(json.getJsonArray("results").getList());
        List<String> problems = new ArrayList<>();
        json.getJsonArray("problems").forEach(p -> {
            JsonObject o = (JsonObject) p;
            problems.add(o.getInteger("index") + " " + o.getString("code") + " " + o.getString("message"));
        });
        assertThat(grpc.getProblemsList().stream().map(p -> p.getIndex() + " " + p.getCode() + " " + p.getMessage())
                .toList()).isEqualTo(problems);
        Map<String, Object> backends = json.getJsonObject("backends").getMap();
        assertThat(grpc.getBackendsMap()).hasSize(backends.size());
        backends.forEach((id, n) -> assertThat(grpc.getBackendsMap().get(id)).isEqualTo(((Number) n).longValue()));
    }

    static JsonObject json(String scheme, EncodedItem item) {
        JsonObject o = new JsonObject().put("scheme", scheme).put("publicKey", Hex.encode(item.publicKey()))
                .put("signature", Hex.encode(item.signature()));
        if (item.message() != null) {
            o.put("message", Hex.encode(item.message()));
        }
        if (item.digest() != null) {
            o.put("digest", Hex.encode(item.digest()));
        }
        if (item.userId() != null) {
            o.put("userId", Hex.encode(item.userId()));
        }
        if (item.format() != null) {
            o.put("signatureFormat", item.format().wireName());
        }
        return o;
    }

    @Test
    void verify_malformedItems_areMalformedWithTheJsonApisCodes() {
        EncodedItem good = Vectors.wycheproof("ed25519_test.json", null).getFirst().item();
        Item base = ProtoItems.toProto(Scheme.ED25519, good);
        VerifyResponse r = stub(NODE).verify(VerifyRequest.newBuilder()
                .addItems(base)
                .addItems(base.toBuilder().setScheme(Scheme.SCHEME_UNSPECIFIED))
                .addItems(base.toBuilder().setSchemeValue(99))
                .addItems(base.toBuilder().clearPayload())
                .addItems(base.toBuilder().setPublicKey(ByteString.copyFrom(new byte[31])))
                .addItems(base.toBuilder().setSignature(ByteString.copyFrom(new byte[63])))
                .addItems(base.toBuilder().clearPayload().setDigest(ByteString.copyFrom(new byte[32])))
                .addItems(base.toBuilder().setCertificate(ByteString.copyFrom(new byte[] {0x30, 0})))
                .addItems(base.toBuilder().clearPublicKey())
                .build());
        assertThat(r.getResultsList()).containsExactly(Result.VALID, Result.MALFORMED, Result.MALFORMED,
                Result.MALFORMED, Result.MALFORMED, Result.MALFORMED, Result.MALFORMED, Result.MALFORMED,
                Result.MALFORMED);
        assertThat(r.getProblemsList().stream().map(p -> p.getIndex() + " " + p.getCode()).toList()).containsExactly(
                "1 unknown-scheme", "2 unknown-scheme", "3 message-or-digest", "4 malformed-public-key",
                "5 malformed-signature", "6 " + jsonCode(json("ed25519", new EncodedItem(good.publicKey(), null,
                        new byte[32], good.signature(), null, null))),
                "7 malformed-item", "8 malformed-item");
        // the same items through the JSON API give the same codes
        assertThat(jsonCode(json("ed25519", new EncodedItem(good.publicKey(), null, null, good.signature(), null,
                null)))).isEqualTo("message-or-digest");
        assertThat(jsonCode(json("ed25519", new EncodedItem(new byte[31], good.message(), null, good.signature(),
                null, null)))).isEqualTo("malformed-public-key");
    }

    @Test
    void verify_certificateItems_equalTheJsonApi() {
        List<Vectors.Vector> vectors = Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER)
                .subList(0, 40);
        EncodedItem ed = Vectors.wycheproof("ed25519_test.json", null).getFirst().item();
        VerifyRequest.Builder request = VerifyRequest.newBuilder();
        JsonArray items = new JsonArray();
        for (Vectors.Vector v : vectors) {
            byte[] cert = dev.sigil.crypto.testing.TestCertificates.of(dev.sigil.crypto.Scheme.ECDSA_P256,
                    v.item().publicKey());
            request.addItems(ProtoItems.toProto(Scheme.ECDSA_P256, v.item()).toBuilder().clearPublicKey()
                    .setCertificate(ByteString.copyFrom(cert)));
            items.add(json("ecdsa-p256", v.item()).put("certificate", Hex.encode(cert)).putNull("publicKey"));
        }
        byte[] edCert = dev.sigil.crypto.testing.TestCertificates.of(dev.sigil.crypto.Scheme.ED25519, ed.publicKey());
        // a key of another scheme, bytes that are no certificate
        request.addItems(ProtoItems.toProto(Scheme.ECDSA_P256, vectors.getFirst().item()).toBuilder().clearPublicKey()
                .setCertificate(ByteString.copyFrom(edCert)));
        items.add(json("ecdsa-p256", vectors.getFirst().item()).put("certificate", Hex.encode(edCert))
                .putNull("publicKey"));
        request.addItems(ProtoItems.toProto(Scheme.ED25519, ed).toBuilder().clearPublicKey()
                .setCertificate(ByteString.copyFrom(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})));
        items.add(json("ed25519", ed).put("certificate", "3003020101").putNull("publicKey"));
        for (int i = 0; i < items.size(); i++) {
            items.getJsonObject(i).remove("publicKey");
        }
        VerifyResponse grpc = stub(NODE).verify(request.build());
        TestServer.Response http = server.post("/v1/verify", new JsonObject().put("items", items).encode(), NODE);
        assertThat(http.status()).as(http.body()).isEqualTo(200);
        assertSame(grpc, http.json());
        assertThat(grpc.getProblemsList().stream().map(p -> p.getCode()).toList())
                .contains("certificate-key-mismatch", "malformed-certificate");
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(grpc.getResults(i) == Result.VALID).as(vectors.get(i).name()).isEqualTo(vectors.get(i).valid());
        }
    }

    private static String jsonCode(JsonObject item) {
        TestServer.Response r = server.post("/v1/verify", new JsonObject().put("items", new JsonArray().add(item))
                .encode(), NODE);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().getJsonArray("problems").getJsonObject(0).getString("code");
    }

    // ---- whole-request errors ----

    private static Item anyItem() {
        return ProtoItems.toProto(Scheme.ED25519, Vectors.wycheproof("ed25519_test.json", null).getFirst().item());
    }

    private static void assertStatus(Runnable call, Status.Code code, String word) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).startsWith(word + ": ");
        });
    }

    @Test
    void verify_unknownRules_isInvalidArgument() {
        assertStatus(() -> stub(NODE).verify(VerifyRequest.newBuilder().setRules("lax").addItems(anyItem()).build()),
                Status.Code.INVALID_ARGUMENT, "unknown-rules");
    }

    @Test
    void verify_noItems_isInvalidArgument() {
        assertStatus(() -> stub(NODE).verify(VerifyRequest.getDefaultInstance()), Status.Code.INVALID_ARGUMENT,
                "invalid-request");
    }

    @Test
    void verify_moreItemsThanTheLimit_isResourceExhausted() {
        VerifyRequest.Builder b = VerifyRequest.newBuilder();
        for (int i = 0; i < 1001; i++) {
            b.addItems(Item.newBuilder().setScheme(Scheme.ED25519));
        }
        assertStatus(() -> stub(NODE).verify(b.build()), Status.Code.RESOURCE_EXHAUSTED, "batch-too-large");
    }

    @Test
    void verify_messageLargerThanTheBodyLimit_isResourceExhausted() {
        VerifyRequest big = VerifyRequest.newBuilder().addItems(anyItem().toBuilder()
                .setMessage(ByteString.copyFrom(new byte[1_100_000]))).build();
        assertStatus(() -> stub(NODE).verify(big), Status.Code.RESOURCE_EXHAUSTED, "payload-too-large");
    }

    @Test
    void verify_pinnedToAnUnknownBackend_isFailedPrecondition() {
        assertStatus(() -> stub(NODE).verify(VerifyRequest.newBuilder().setBackend("gpu-none").addItems(anyItem())
                .build()), Status.Code.FAILED_PRECONDITION, "backend-unavailable");
    }

    @Test
    void verify_withoutOrWithAnUnknownToken_isUnauthenticated_andASignTokenIsDenied() {
        VerifyRequest request = VerifyRequest.newBuilder().addItems(anyItem()).build();
        assertStatus(() -> stub(null).verify(request), Status.Code.UNAUTHENTICATED, "unauthenticated");
        assertStatus(() -> stub("no-such-token").verify(request), Status.Code.UNAUTHENTICATED, "unauthenticated");
        assertStatus(() -> stub(SIGNER).verify(request), Status.Code.PERMISSION_DENIED, "forbidden");
        assertThat(stub(NODE).verify(request).getResultsList()).containsExactly(Result.VALID);
    }

    @Test
    void recover_givesTheSignersKeyAndAddress_exactlyAsTheJsonApi() {
        SignResponse signed = stub(SIGNER).sign(SignRequest.newBuilder().setKeyId("validator-k1")
                .setSignatureFormat(dev.sigil.grpc.v1.SignatureFormat.RAW_RECOVERABLE)
                .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("tx 1"))).build());
        byte[] sig = signed.getSignatures(0).toByteArray();
        byte[] badV = sig.clone();
        badV[64] = 9;
        Item good = Item.newBuilder().setScheme(dev.sigil.grpc.v1.Scheme.ECDSA_SECP256K1)
                .setMessage(ByteString.copyFromUtf8("tx 1")).setSignature(ByteString.copyFrom(sig)).build();
        RecoverRequest request = RecoverRequest.newBuilder().setRules("low-s").addItems(good)
                .addItems(good.toBuilder().setMessage(ByteString.copyFromUtf8("tx 2")))
                .addItems(good.toBuilder().setSignature(ByteString.copyFrom(badV)))
                .addItems(good.toBuilder().setPublicKey(signed.getPublicKey())).build();
        dev.sigil.grpc.v1.RecoverResponse grpc = stub(NODE).recover(request);
        assertThat(grpc.getResults(0)).isEqualTo(Result.VALID);
        byte[] signer = signed.getPublicKey().toByteArray();
        byte[] recovered = grpc.getPublicKeys(0).toByteArray();
        assertThat(recovered).hasSize(65);
        // the signer's key (compressed or not) has the recovered key's x
        assertThat(java.util.Arrays.copyOfRange(recovered, 1, 33)).isEqualTo(java.util.Arrays.copyOfRange(signer, 1, 33));
        assertThat(grpc.getAddresses(0).size()).isEqualTo(20);
        assertThat(grpc.getResults(2)).isEqualTo(Result.MALFORMED);
        assertThat(grpc.getResults(3)).isEqualTo(Result.MALFORMED);
        assertThat(grpc.getPublicKeys(2).isEmpty()).isTrue();
        assertThat(grpc.getAddresses(3).isEmpty()).isTrue();
        JsonArray items = new JsonArray();
        for (String[] m : new String[][] {{"tx 1", Hex.encode(sig)}, {"tx 2", Hex.encode(sig)}}) {
            items.add(new JsonObject().put("scheme", "ecdsa-secp256k1")
                    .put("message", Hex.encode(m[0].getBytes())).put("signature", m[1]));
        }
        TestServer.Response http = server.post("/v1/recover", new JsonObject().put("rules", "low-s")
                .put("items", items).encode(), NODE);
        assertThat(http.status()).as(http.body()).isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            assertThat(grpc.getResults(i).name().toLowerCase())
                    .isEqualTo(http.json().getJsonArray("results").getString(i));
            assertThat(Hex.encode(grpc.getPublicKeys(i).toByteArray()))
                    .isEqualTo(http.json().getJsonArray("publicKeys").getString(i));
            assertThat(Hex.encode(grpc.getAddresses(i).toByteArray()))
                    .isEqualTo(http.json().getJsonArray("addresses").getString(i));
        }
        assertStatus(() -> stub(null).recover(request), Status.Code.UNAUTHENTICATED, "unauthenticated");
    }

    @Test
    void aTokenInClearTextOffLoopback_isRefusedAsOverHttp_andCallsWithoutOneAreServed() throws Exception {
        try (SigilServer s = TlsClient.start(dir.resolve("plain"), "0.0.0.0", "", Map.of())) {
            ManagedChannel c = ManagedChannelBuilder.forAddress("127.0.0.1", s.port()).usePlaintext().build();
            try {
                VerifyRequest request = VerifyRequest.newBuilder().addItems(anyItem()).build();
                SigilGrpc.SigilBlockingStub open = SigilGrpc.newBlockingStub(c).withDeadlineAfter(2, TimeUnit.MINUTES);
                assertThatThrownBy(() -> open.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(
                        bearer(TestServer.ADMIN))).verify(request))
                        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                            assertThat(e.getStatus().getDescription()).startsWith("unauthenticated: ")
                                    .contains("server.allowPlaintextTokens").doesNotContain(TestServer.ADMIN);
                        });
                assertThat(open.verify(request).getResultsList()).containsExactly(Result.VALID);
            } finally {
                c.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    // ---- Sign ----

    @Test
    void sign_givesTheJsonApisSignatures_whichVerifyOverGrpc() {
        for (String[] key : new String[][] {{"validator-ed", "ed25519"}, {"validator-k1", "ecdsa-secp256k1"}}) {
            for (dev.sigil.grpc.v1.SignatureFormat f : key[1].equals("ed25519")
                    ? List.of(dev.sigil.grpc.v1.SignatureFormat.DER)
                    : List.of(dev.sigil.grpc.v1.SignatureFormat.DER, dev.sigil.grpc.v1.SignatureFormat.RAW,
                            dev.sigil.grpc.v1.SignatureFormat.RAW_RECOVERABLE)) {
                SignResponse grpc = stub(SIGNER).sign(SignRequest.newBuilder().setKeyId(key[0]).setSignatureFormat(f)
                        .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("block 7")))
                        .addItems(SignItem.newBuilder().setMessage(ByteString.EMPTY)).build());
                String format = f.name().toLowerCase().replace('_', '-');
                JsonObject body = new JsonObject().put("keyId", key[0]).put("items", new JsonArray()
                        .add(new JsonObject().put("message", Hex.encode("block 7".getBytes())))
                        .add(new JsonObject().put("message", "")));
                if (f != dev.sigil.grpc.v1.SignatureFormat.DER) {
                    body.put("signatureFormat", format);
                }
                TestServer.Response http = server.post("/v1/sign", body.encode(), SIGNER);
                assertThat(http.status()).as(http.body()).isEqualTo(200);
                JsonObject json = http.json();
                assertThat(grpc.getKeyId()).isEqualTo(key[0]);
                assertThat(grpc.getScheme().name().toLowerCase().replace('_', '-')).isEqualTo(key[1]);
                assertThat(Hex.encode(grpc.getPublicKey().toByteArray())).isEqualTo(json.getString("publicKey"));
                assertThat(grpc.getBackend()).isEqualTo(json.getString("backend"));
                // RFC 6979 and Ed25519 are deterministic: the same key and message give the same signature
                assertThat(grpc.getSignaturesList().stream().map(s -> Hex.encode(s.toByteArray())).toList())
                        .isEqualTo(json.getJsonArray("signatures").getList());
                if (f != dev.sigil.grpc.v1.SignatureFormat.RAW_RECOVERABLE) {
                    Item.Builder v = Item.newBuilder().setScheme(grpc.getScheme()).setPublicKey(grpc.getPublicKey())
                            .setSignatureFormat(f).setMessage(ByteString.copyFromUtf8("block 7"))
                            .setSignature(grpc.getSignatures(0));
                    assertThat(stub(NODE).verify(VerifyRequest.newBuilder().setRules("low-s").addItems(v).build())
                            .getResultsList()).containsExactly(Result.VALID);
                }
            }
        }
    }

    @Test
    void sign_errors_haveTheContractsStatuses() {
        SignRequest.Builder request = SignRequest.newBuilder().setKeyId("validator-ed")
                .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("x")));
        assertStatus(() -> stub(null).sign(request.build()), Status.Code.UNAUTHENTICATED, "unauthenticated");
        assertStatus(() -> stub("wrong").sign(request.build()), Status.Code.UNAUTHENTICATED, "unauthenticated");
        assertStatus(() -> stub(NODE).sign(request.build()), Status.Code.PERMISSION_DENIED, "forbidden");
        assertStatus(() -> stub(SIGNER).sign(request.clone().setKeyId("treasury").build()),
                Status.Code.PERMISSION_DENIED, "forbidden");
        assertStatus(() -> stub(SIGNER).sign(request.clone().setKeyId("validator-none").build()),
                Status.Code.NOT_FOUND, "unknown-key");
        assertStatus(() -> stub(SIGNER).sign(request.clone().setKeyId("bad id!").build()),
                Status.Code.INVALID_ARGUMENT, "invalid-request");
        assertStatus(() -> stub(SIGNER).sign(request.clone().clearItems().build()),
                Status.Code.INVALID_ARGUMENT, "invalid-request");
        assertStatus(() -> stub(SIGNER).sign(request.clone()
                .setSignatureFormat(dev.sigil.grpc.v1.SignatureFormat.RAW_RECOVERABLE).build()),
                Status.Code.INVALID_ARGUMENT, "invalid-request");
        assertStatus(() -> stub(TestServer.ADMIN).sign(request.clone().clearItems()
                .addItems(SignItem.newBuilder().setDigest(ByteString.copyFrom(new byte[32]))).build()),
                Status.Code.INVALID_ARGUMENT, "invalid-request");
    }

    // ---- health, reflection, metrics ----

    @Test
    void health_isServing_whileHealthReadyIs200() {
        assertThat(server.get("/health/ready", null).status()).isEqualTo(200);
        HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel);
        assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("sigil.v1.Sigil").build()).getStatus())
                .isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    }

    @Test
    void health_isNotServing_whenHealthReadyIs503() throws InterruptedException {
        try (TestServer s = TestServer.start(dir.resolve("unready"), "backends: {cpu: {enabled: false}}")) {
            assertThat(s.get("/health/ready", null).status()).isEqualTo(503);
            ManagedChannel c = channel(s);
            try {
                HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(c);
                assertThat(health.check(HealthCheckRequest.getDefaultInstance()).getStatus())
                        .isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
                assertThat(health.check(HealthCheckRequest.newBuilder().setService("sigil.v1.Sigil").build())
                        .getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.NOT_SERVING);
            } finally {
                c.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void reflection_listsTheServices() throws Exception {
        CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        answer.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        answer.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        answer.completeExceptionally(new AssertionError("no answer"));
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        ServerReflectionResponse r = answer.get(30, TimeUnit.SECONDS);
        requests.onCompleted();
        assertThat(r.getListServicesResponse().getServiceList().stream().map(ServiceResponse::getName).toList())
                .contains("sigil.v1.Sigil", "grpc.health.v1.Health");
    }

    @Test
    void requestMeters_carryTheTransport() {
        stub(NODE).verify(VerifyRequest.newBuilder().addItems(anyItem()).build());
        assertThat(server.post("/v1/verify", new JsonObject().put("items", new JsonArray()
                .add(json("ed25519", Vectors.wycheproof("ed25519_test.json", null).getFirst().item()))).encode(),
                NODE).status()).isEqualTo(200);
        String metrics = server.get("/metrics", null).body();
        assertThat(metrics).contains("endpoint=\"/sigil.v1.Sigil/Verify\",method=\"POST\",status=\"OK\","
                + "transport=\"grpc\"");
        assertThat(metrics).contains("endpoint=\"/v1/verify\",method=\"POST\",status=\"200\",transport=\"http\"");
    }

    static List<Result> results(Result... r) {
        return Arrays.asList(r);
    }
}
