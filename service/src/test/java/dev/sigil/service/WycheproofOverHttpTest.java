package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.crypto.testing.TestCertificates;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared conformance vectors, sent through the HTTP API with bare keys and with keys in certificates: every
 * verdict must be the file's.
 */
class WycheproofOverHttpTest {
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
    void wycheproof_p256Der_overHttp_matchesEveryVector() {
        assertThat(failures("ecdsa-p256", Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json",
                SignatureFormat.DER))).isEmpty();
    }

    @Test
    void wycheproof_p256P1363_overHttp_matchesEveryVector() {
        assertThat(failures("ecdsa-p256", Vectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json",
                SignatureFormat.RAW))).isEmpty();
    }

    @Test
    void wycheproof_ed25519_overHttp_matchesEveryVector() {
        assertThat(failures("ed25519", Vectors.wycheproof("ed25519_test.json", null))).isEmpty();
    }

    @Test
    void sm2_standardExample_overHttp_isValid() {
        assertThat(failures("sm2", Vectors.sm2Example())).isEmpty();
    }

    /**
     * Each vector's key wrapped in a self-signed bcpkix certificate (the contract reads only the key, so the
     * certificate's own signature is not what is tested): every verdict must still be the file's.
     */
    @Test
    void wycheproof_p256Der_keysInCertificates_overHttp_matchesEveryVector() {
        assertThat(failures("ecdsa-p256", certified(Scheme.ECDSA_P256, Vectors.wycheproof(
                "ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER)))).isEmpty();
    }

    @Test
    void wycheproof_p256P1363_keysInCertificates_overHttp_matchesEveryVector() {
        assertThat(failures("ecdsa-p256", certified(Scheme.ECDSA_P256, Vectors.wycheproof(
                "ecdsa_secp256r1_sha256_p1363_test.json", SignatureFormat.RAW)))).isEmpty();
    }

    @Test
    void wycheproof_ed25519_keysInCertificates_overHttp_matchesEveryVector() {
        assertThat(failures("ed25519", certified(Scheme.ED25519, Vectors.wycheproof("ed25519_test.json", null))))
                .isEmpty();
    }

    @Test
    void sm2_standardExample_keyInACertificate_overHttp_isValid() {
        assertThat(failures("sm2", certified(Scheme.SM2, Vectors.sm2Example()))).isEmpty();
    }

    private static List<Vectors.Vector> certified(Scheme scheme, List<Vectors.Vector> vectors) {
        return vectors.stream().map(v -> new Vectors.Vector(v.name() + " (certificate)",
                TestCertificates.wrap(scheme, v.item()), v.valid())).toList();
    }

    @Test
    void bip340_officialVectors_overHttp_areValidOrInvalidAsTheFileSays_underBothRuleSets() {
        List<Vectors.Vector> vectors = Vectors.bip340().stream().map(Vectors.Bip340Vector::vector).toList();
        assertThat(vectors).hasSize(19);
        for (String rules : List.of("standard", "low-s")) {
            JsonArray items = new JsonArray();
            vectors.forEach(v -> items.add(json("schnorr-secp256k1", v.item())));
            TestServer.Response r = server.post("/v1/verify", new JsonObject().put("rules", rules)
                    .put("backend", "cpu").put("items", items).encode(), null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonArray results = r.json().getJsonArray("results");
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < vectors.size(); i++) {
                String expected = vectors.get(i).valid() ? "valid" : "invalid";
                if (!expected.equals(results.getString(i))) {
                    failures.add(rules + " " + vectors.get(i).name() + ": got " + results.getString(i));
                }
            }
            assertThat(failures).isEmpty();
            assertThat(r.json().getJsonObject("backends").getInteger("cpu")).isEqualTo(19);
        }
    }

    private static List<String> failures(String scheme, List<Vectors.Vector> vectors) {
        assertThat(vectors).isNotEmpty();
        JsonArray items = new JsonArray();
        for (Vectors.Vector v : vectors) {
            items.add(json(scheme, v.item()));
        }
        TestServer.Response r = server.post("/v1/verify", Items.body(items), null);
        assertThat(r.status()).isEqualTo(200);
        JsonArray results = r.json().getJsonArray("results");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            boolean valid = "valid".equals(results.getString(i));
            if (valid != vectors.get(i).valid()) {
                failures.add(vectors.get(i).name() + ": got " + results.getString(i));
            }
        }
        return failures;
    }

    private static JsonObject json(String scheme, EncodedItem item) {
        JsonObject o = new JsonObject().put("scheme", scheme).put("signature", Hex.encode(item.signature()));
        if (item.publicKey() != null) {
            o.put("publicKey", Hex.encode(item.publicKey()));
        }
        if (item.certificate() != null) {
            o.put("certificate", Hex.encode(item.certificate()));
        }
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
}
