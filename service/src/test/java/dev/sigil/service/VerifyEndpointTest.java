package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.SigningKey;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyEndpointTest {
    /** A plain HTTP/1.1 client, for requests {@link TestServer}'s own client does not make (other content types). */
    private static final java.net.http.HttpClient HTTP11 = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    @TempDir
    static Path dir;
    static TestServer server;
    static Map<Scheme, SigningKey.Software> keys = new java.util.EnumMap<>(Scheme.class);

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "server: {maxBatchItems: 50, maxBodyBytes: 65536}");
        for (Scheme s : Scheme.values()) {
            keys.put(s, Items.key(s));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] msg(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verify_mixedSchemes_answersInRequestOrder_andCountsBackends() {
        JsonArray items = new JsonArray();
        for (Scheme s : Scheme.values()) {
            JsonObject ok = Items.signed(keys.get(s), msg("hello " + s), false);
            items.add(ok).add(Items.tampered(ok)).add(ok.copy().put("signature", "zz"));
        }
        TestServer.Response r = server.post("/v1/verify", Items.body(items), null);
        assertThat(r.status()).isEqualTo(200);
        JsonObject json = r.json();
        assertThat(json.getString("rules")).isEqualTo("standard");
        List<Object> expected = new java.util.ArrayList<>();
        List<Integer> malformedAt = new java.util.ArrayList<>();
        for (int i = 0; i < Scheme.values().length; i++) {
            expected.addAll(List.of("valid", "invalid", "malformed"));
            malformedAt.add(3 * i + 2);
        }
        assertThat(json.getJsonArray("results").getList()).isEqualTo(expected);
        assertThat(json.getJsonArray("problems").stream().map(p -> ((JsonObject) p).getInteger("index")))
                .containsExactlyElementsOf(malformedAt);
        assertThat(json.getJsonArray("problems").getJsonObject(0).getString("code")).isEqualTo("malformed-hex");
        assertThat(json.getJsonObject("backends").getMap()).isEqualTo(Map.of("cpu", 2 * Scheme.values().length));
    }

    @Test
    void verify_schnorr_malformedAsTheContractSays_andUnliftableKeysOrOutOfRangeValuesInvalid() {
        JsonObject ok = Items.signed(keys.get(Scheme.SCHNORR_SECP256K1), msg("taproot"), false);
        String sig = ok.getString("signature");
        String p = "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f";
        String n = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
        JsonArray items = new JsonArray()
                .add(ok)
                .add(ok.copy().put("digest", "00".repeat(32)))
                .add(new JsonObject().put("scheme", "schnorr-secp256k1").put("publicKey", ok.getString("publicKey"))
                        .put("digest", "00".repeat(32)).put("signature", sig))
                .add(ok.copy().put("signatureFormat", "raw"))
                .add(ok.copy().put("userId", "31"))
                .add(ok.copy().put("publicKey", "02" + ok.getString("publicKey")))
                .add(ok.copy().put("signature", sig.substring(0, 126)))
                .add(ok.copy().put("publicKey", p))
                .add(ok.copy().put("signature", p + sig.substring(64)))
                .add(ok.copy().put("signature", sig.substring(0, 64) + n))
                .add(ok.copy().put("message", ""));
        TestServer.Response r = server.post("/v1/verify", new JsonObject().put("rules", "low-s").put("items", items)
                .encode(), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getJsonArray("results").getList()).containsExactly("valid", "malformed", "malformed",
                "malformed", "malformed", "malformed", "malformed", "invalid", "invalid", "invalid", "invalid");
        assertThat(r.json().getJsonArray("problems").stream().map(x -> ((JsonObject) x).getString("code")))
                .containsExactly("malformed-item", "malformed-item", "malformed-item", "malformed-item",
                        "malformed-public-key", "malformed-signature");
    }

    @Test
    void verify_rawSignatures_andDigests_andCompressedKeys_areValid() {
        JsonArray items = new JsonArray();
        for (Scheme s : List.of(Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.SM2)) {
            SigningKey.Software k = keys.get(s);
            JsonObject raw = Items.signed(k, msg("raw"), true);
            byte[] digest = dev.sigil.crypto.Hashes.signedDigest(s, (dev.sigil.crypto.EcPublicKey) k.publicKey(),
                    dev.sigil.crypto.Sm2.DEFAULT_USER_ID, msg("raw"));
            JsonObject byDigest = raw.copy().put("digest", Hex.encode(digest));
            byDigest.remove("message");
            JsonObject compressed = raw.copy().put("publicKey",
                    Hex.encode(((dev.sigil.crypto.EcPublicKey) k.publicKey()).compressed()));
            items.add(raw).add(byDigest).add(compressed);
        }
        JsonObject json = server.post("/v1/verify", Items.body(items), null).json();
        assertThat(json.getJsonArray("results").stream()).allMatch("valid"::equals).hasSize(9);
    }

    @Test
    void verify_highS_underLowS_isInvalid_andValidUnderStandard() {
        SigningKey.Software k = keys.get(Scheme.ECDSA_SECP256K1);
        JsonObject item = Items.signed(k, msg("high s"), false);
        EcSignature low = EcSignature.fromDer(Hex.decode("s", item.getString("signature")));
        EcSignature high = new EcSignature(low.r(), Curve.SECP256K1.n().subtract(low.s()));
        item.put("signature", Hex.encode(high.toDer()));
        JsonArray items = new JsonArray().add(item);
        assertThat(server.post("/v1/verify", Items.body(items, Map.of("rules", "low-s")), null).json()
                .getJsonArray("results").getList()).containsExactly("invalid");
        assertThat(server.post("/v1/verify", Items.body(items, Map.of("rules", "standard")), null).json()
                .getJsonArray("results").getList()).containsExactly("valid");
    }

    @Test
    void verify_unknownRules_is400UnknownRules() {
        JsonArray items = new JsonArray().add(Items.signed(keys.get(Scheme.ED25519), msg("x"), false));
        TestServer.Response r = server.post("/v1/verify", Items.body(items, Map.of("rules", "lax")), null);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("unknown-rules");
    }

    @Test
    void verify_pinnedBackend_isUsed_andAnUnknownPinIs422() {
        JsonArray items = new JsonArray().add(Items.signed(keys.get(Scheme.SM2), msg("pin"), false));
        TestServer.Response ok = server.post("/v1/verify", Items.body(items, Map.of("backend", "cpu")), null);
        assertThat(ok.json().getJsonObject("backends").getMap()).isEqualTo(Map.of("cpu", 1));
        TestServer.Response bad = server.post("/v1/verify", Items.body(items, Map.of("backend", "quantum")), null);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo("backend-unavailable");
    }

    @Test
    void verify_batchOverTheLimit_is413BatchTooLarge() {
        JsonArray items = new JsonArray();
        for (int i = 0; i < 51; i++) {
            items.add(new JsonObject().put("scheme", "ed25519"));
        }
        TestServer.Response r = server.post("/v1/verify", Items.body(items), null);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("batch-too-large");
    }

    @Test
    void verify_bodyOverTheLimit_is413PayloadTooLarge() {
        String pad = "0".repeat(70_000);
        TestServer.Response r = server.post("/v1/verify", "{\"pad\":\"" + pad + "\",\"items\":[]}", null);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("payload-too-large");
    }

    @Test
    void verify_bodyOverTheLimit_overHttp11_declaredOrStreamed_is413() throws Exception {
        java.net.http.HttpResponse<String> r = HTTP11.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://127.0.0.1:" + server.server.port() + "/v1/verify"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pad\":\"" + "0".repeat(70_000) + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(new JsonObject(r.body()).getJsonObject("error").getString("code")).isEqualTo("payload-too-large");
        byte[] chunked = ("{\"pad\":\"" + "0".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpResponse<String> streamed = HTTP11.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.server.port() + "/v1/verify"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(chunked)))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
    }

    @Test
    void verify_bodiesDeclaredAsFormsOrUntyped_areStillReadAsJson() throws Exception {
        JsonArray items = new JsonArray();
        for (int i = 0; i < 40; i++) {
            items.add(Items.signed(keys.get(Scheme.ED25519), msg("form " + i), false));
        }
        byte[] body = Items.body(items).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length).isGreaterThan(8192);
        for (String type : new String[] {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "text/plain", null}) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + server.server.port() + "/v1/verify"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            java.net.http.HttpResponse<String> r = HTTP11.send(b.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(200);
            assertThat(new JsonObject(r.body()).getJsonArray("results").stream()).hasSize(40)
                    .allMatch("valid"::equals);
        }
    }

    @Test
    void verify_requestShapeErrors_areInvalidRequestOrMalformedJson() {
        assertThat(server.post("/v1/verify", "{\"items\":[]}", null).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/verify", "{}", null).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/verify", "{\"items\":{}}", null).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/verify", "{\"items\":[{}],\"rules\":7}", null).errorCode())
                .isEqualTo("invalid-request");
        assertThat(server.post("/v1/verify", "[1]", null).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/verify", "{\"items\":[{}]} x", null).errorCode()).isEqualTo("malformed-json");
        assertThat(server.post("/v1/verify", "", null).errorCode()).isEqualTo("malformed-json");
    }
}
