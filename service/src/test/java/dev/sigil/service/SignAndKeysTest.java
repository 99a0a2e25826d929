package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.conformance.Secp256k1Recovery;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignAndKeysTest {
    private static final String ADMIN = TestServer.ADMIN;

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "");
        for (Scheme s : Scheme.values()) {
            TestServer.Response r = server.post("/v1/keys", new JsonObject().put("keyId", "k-" + s.wireName())
                    .put("scheme", s.wireName()).put("store", "software").encode(), ADMIN);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonObject sign(String keyId, String format, JsonArray items) {
        JsonObject body = new JsonObject().put("keyId", keyId).put("items", items);
        if (format != null) {
            body.put("signatureFormat", format);
        }
        TestServer.Response r = server.post("/v1/sign", body.encode(), ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String hex(String s) {
        return Hex.encode(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sign_everySchemeAndFormat_givesSignaturesThatVerifyUnderLowS() {
        JsonArray toVerify = new JsonArray();
        for (Scheme s : Scheme.values()) {
            List<String> formats = !s.isWeierstrass() ? Arrays.asList((String) null)
                    : Arrays.asList(null, "der", "raw");
            for (String f : formats) {
                JsonArray items = new JsonArray().add(new JsonObject().put("message", hex("one " + f)))
                        .add(new JsonObject().put("message", ""));
                JsonObject res = sign("k-" + s.wireName(), f, items);
                assertThat(res.getString("scheme")).isEqualTo(s.wireName());
                assertThat(res.getString("backend")).isEqualTo("cpu");
                for (int i = 0; i < 2; i++) {
                    JsonObject v = new JsonObject().put("scheme", s.wireName())
                            .put("publicKey", res.getString("publicKey"))
                            .put("message", items.getJsonObject(i).getString("message"))
                            .put("signature", res.getJsonArray("signatures").getString(i));
                    if ("raw".equals(f)) {
                        v.put("signatureFormat", "raw");
                    }
                    toVerify.add(v);
                }
            }
        }
        JsonObject verified = server.post("/v1/verify", new JsonObject().put("rules", "low-s")
                .put("items", toVerify).encode(), null).json();
        assertThat(verified.getJsonArray("results").stream()).hasSize(22).allMatch("valid"::equals);
    }

    @Test
    void sign_schnorr_givesBip340SignaturesOverTheMessage_withFreshAuxiliaryRandomness() {
        JsonArray items = new JsonArray();
        List<byte[]> messages = List.of(new byte[0], "taproot".getBytes(StandardCharsets.UTF_8), new byte[32],
                new byte[300], "taproot".getBytes(StandardCharsets.UTF_8));
        messages.forEach(m -> items.add(new JsonObject().put("message", Hex.encode(m))));
        JsonObject res = sign("k-schnorr-secp256k1", null, items);
        assertThat(res.getString("scheme")).isEqualTo("schnorr-secp256k1");
        byte[] pk = Hex.decode("pk", res.getString("publicKey"));
        assertThat(pk).hasSize(32);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            byte[] sig = Hex.decode("sig", res.getJsonArray("signatures").getString(i));
            if (sig.length != 64 || !dev.sigil.crypto.testing.Bip340Plain.verify(pk, messages.get(i), sig)) {
                failures.add("item " + i);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(res.getJsonArray("signatures").getString(4)).as("the same message signed twice")
                .isNotEqualTo(res.getJsonArray("signatures").getString(1));
        assertThat(server.get("/v1/keys/k-schnorr-secp256k1", ADMIN).json().getString("publicKey"))
                .isEqualTo(res.getString("publicKey"));
    }

    @Test
    void sign_schnorr_refusesDigestsUserIdsAndOtherFormats() {
        JsonObject body = new JsonObject().put("keyId", "k-schnorr-secp256k1");
        for (JsonObject bad : List.of(
                body.copy().put("items", new JsonArray().add(new JsonObject().put("digest", "00".repeat(32)))),
                body.copy().put("items", new JsonArray().add(new JsonObject().put("message", "00")
                        .put("userId", "31"))),
                body.copy().put("signatureFormat", "der").put("items", new JsonArray()
                        .add(new JsonObject().put("message", "00"))))) {
            TestServer.Response r = server.post("/v1/sign", bad.encode(), ADMIN);
            assertThat(r.status()).as(bad.encode()).isEqualTo(400);
            assertThat(r.json().getJsonObject("error").getString("code")).isEqualTo("invalid-request");
        }
    }

    @Test
    void sign_rawRecoverable_secp256k1_givesLowSAndTheRecoveryIdOfTheKey() {
        String digest = Hex.encode(Hashes.sha256("tx".getBytes(StandardCharsets.UTF_8)));
        JsonArray items = new JsonArray();
        for (int i = 0; i < 16; i++) {
            items.add(new JsonObject().put("message", hex("tx " + i)));
        }
        items.add(new JsonObject().put("digest", digest));
        JsonObject res = sign("k-ecdsa-secp256k1", "raw-recoverable", items);
        EcPublicKey key = (EcPublicKey) PublicKey.parse(Scheme.ECDSA_SECP256K1,
                Hex.decode("pk", res.getString("publicKey")));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            byte[] sig = Hex.decode("sig", res.getJsonArray("signatures").getString(i));
            byte[] d = i < 16 ? Hashes.sha256(("tx " + i).getBytes(StandardCharsets.UTF_8)) : Hex.decode("d", digest);
            EcSignature rs = EcSignature.fromRaw(Arrays.copyOf(sig, 64));
            int v = sig[64];
            if (sig.length != 65 || rs.isHighS(Curve.SECP256K1) || (v != 0 && v != 1)
                    || Secp256k1Recovery.recoveryId(key, d, rs.r(), rs.s()) != v) {
                failures.add("item " + i + ": " + Hex.encode(sig));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void sign_sm2WithUserId_verifiesWithThatUserIdOnly() {
        String uid = hex("ALICE123@YAHOO.COM");
        JsonObject res = sign("k-sm2", null, new JsonArray().add(new JsonObject().put("message", hex("m"))
                .put("userId", uid)));
        JsonObject item = new JsonObject().put("scheme", "sm2").put("publicKey", res.getString("publicKey"))
                .put("message", hex("m")).put("signature", res.getJsonArray("signatures").getString(0));
        JsonArray items = new JsonArray().add(item.copy().put("userId", uid)).add(item);
        assertThat(server.post("/v1/verify", new JsonObject().put("items", items).encode(), null).json()
                .getJsonArray("results").getList()).containsExactly("valid", "invalid");
    }

    @Test
    void sign_badRequests_areRejectedWithTheirCodes() {
        assertThat(server.post("/v1/sign", new JsonObject().put("keyId", "nope").put("items",
                new JsonArray().add(new JsonObject().put("message", ""))).encode(), ADMIN).errorCode())
                .isEqualTo("unknown-key");
        JsonArray digestItem = new JsonArray().add(new JsonObject().put("digest", "00".repeat(32)));
        assertThat(server.post("/v1/sign", new JsonObject().put("keyId", "k-ed25519").put("items", digestItem)
                .encode(), ADMIN).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/sign", new JsonObject().put("keyId", "k-ecdsa-p256")
                .put("signatureFormat", "raw-recoverable").put("items", digestItem).encode(), ADMIN).errorCode())
                .isEqualTo("invalid-request");
        assertThat(server.post("/v1/sign", new JsonObject().put("keyId", "k-ecdsa-p256").put("items",
                new JsonArray().add(new JsonObject().put("digest", "00"))).encode(), ADMIN).errorCode())
                .isEqualTo("invalid-request");
        assertThat(server.post("/v1/sign", new JsonObject().put("keyId", "k-ecdsa-p256").put("items",
                new JsonArray().add(new JsonObject())).encode(), ADMIN).errorCode()).isEqualTo("invalid-request");
        assertThat(server.post("/v1/sign", "{\"keyId\":\"k-sm2\",\"items\":[]}", ADMIN).errorCode())
                .isEqualTo("invalid-request");
    }

    @Test
    void keys_createListGet_andConflicts() {
        TestServer.Response again = server.post("/v1/keys", new JsonObject().put("keyId", "k-sm2")
                .put("scheme", "ecdsa-p256").encode(), ADMIN);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("key-exists");
        TestServer.Response bad = server.post("/v1/keys", new JsonObject().put("keyId", "a/b")
                .put("scheme", "sm2").encode(), ADMIN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid-request");
        TestServer.Response hsm = server.post("/v1/keys", new JsonObject().put("keyId", "in-hsm")
                .put("scheme", "ecdsa-p256").put("store", "hsm").encode(), ADMIN);
        assertThat(hsm.status()).isEqualTo(422);
        assertThat(hsm.errorCode()).isEqualTo("backend-unavailable");
        JsonArray keys = server.get("/v1/keys", ADMIN).json().getJsonArray("keys");
        assertThat(keys.stream().map(k -> ((JsonObject) k).getString("keyId")))
                .contains("k-ecdsa-secp256k1", "k-ecdsa-p256", "k-sm2", "k-ed25519").doesNotContain("in-hsm");
        JsonObject one = server.get("/v1/keys/k-ed25519", ADMIN).json();
        assertThat(one.fieldNames()).containsExactlyInAnyOrder("keyId", "scheme", "publicKey", "store");
        assertThat(one.getString("store")).isEqualTo("software");
        assertThat(one.getString("publicKey")).hasSize(64);
        TestServer.Response missing = server.get("/v1/keys/absent", ADMIN);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("unknown-key");
    }

    @Test
    void keys_listing_showsNoPrivateMaterial() {
        String listing = server.get("/v1/keys", ADMIN).body();
        assertThat(listing).contains("k-sm2").doesNotContain("private", "sealed", "secret");
    }
}
