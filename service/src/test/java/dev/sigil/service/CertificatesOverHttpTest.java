package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.testing.OpenSsl;
import dev.sigil.crypto.testing.TestCertificates;
import dev.sigil.gpu.OpenClBackendProvider;
import dev.sigil.hsm.HsmBackendProvider;
import dev.sigil.pkcs11.testing.SoftHsm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verify items whose key is a {@code certificate}, over HTTP, pinned in turn to every backend that verifies (the CPU,
 * OpenCL on PoCL, a SoftHSM2 token with {@code verify: true}): certificates made by openssl and by Bouncy Castle
 * give exactly the answers of their bare keys, and bad certificates get the contract's codes.
 */
class CertificatesOverHttpTest {
    private static final String PIN = "certificate-pin-1";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        List<BackendProvider> extra = new ArrayList<>();
        OpenClBackendProvider opencl = new OpenClBackendProvider();
        require(opencl.isAvailable(BackendContext.defaults()), "no OpenCL device (apt-get install pocl-opencl-icd)");
        extra.add(opencl);
        SoftHsm hsm = SoftHsm.get();
        String label = hsm.newToken("certs", PIN, "certs-so-pin");
        Path pinFile = dir.resolve("hsm.pin");
        Files.writeString(pinFile, PIN + "\n");
        extra.add(new HsmBackendProvider());
        String yaml = "routing:\n  calibrate: false\nhsm:\n  module: " + hsm.library() + "\n  tokenLabel: " + label
                + "\n  pin: file:" + pinFile + "\n  sessions: 2\n  verify: true\n";
        server = TestServer.start(dir.resolve("data"), yaml, extra.toArray(BackendProvider[]::new));
    }

    private static void require(boolean condition, String why) {
        if (!condition) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Every backend that verifies, with the schemes it verifies. */
    private static Map<String, List<String>> verifiers() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Object o : server.get("/v1/backends", null).json().getJsonArray("backends")) {
            JsonObject b = (JsonObject) o;
            if (b.getJsonArray("operations").contains("verify")) {
                List<String> schemes = new ArrayList<>();
                b.getJsonArray("schemes").forEach(s -> schemes.add((String) s));
                out.put(b.getString("id"), schemes);
            }
        }
        assertThat(out.keySet()).contains("cpu", "opencl", "hsm");
        return out;
    }

    @Test
    void opensslCertificates_verifyLikeTheirBareKeys_onEveryBackend() {
        OpenSsl openssl = OpenSsl.in(dir);
        Map<String, JsonArray> byScheme = new LinkedHashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (Scheme s : List.of(Scheme.ECDSA_P256, Scheme.ECDSA_SECP256K1, Scheme.SM2, Scheme.ED25519)) {
            JsonArray items = new JsonArray();
            List<String> want = new ArrayList<>();
            List<String> variants = s == Scheme.ED25519 ? List.of("") : List.of("", "compressed", "explicit");
            for (String v : variants) {
                OpenSsl.Identity id = openssl.identity(s, v);
                byte[] message = ("block 7 " + s + v).getBytes(StandardCharsets.UTF_8);
                String sig = Hex.encode(openssl.sign(id, message));
                JsonObject bare = new JsonObject().put("scheme", s.wireName()).put("publicKey",
                        Hex.encode(id.publicKey())).put("message", Hex.encode(message)).put("signature", sig);
                JsonObject cert = bare.copy().put("certificate", Hex.encode(id.certificate()));
                cert.remove("publicKey");
                items.add(cert).add(bare).add(Items.tampered(cert)).add(Items.tampered(bare));
                want.addAll(List.of("valid", "valid", "invalid", "invalid"));
            }
            byScheme.put(s.wireName(), items);
            expected.put(s.wireName(), want);
        }
        List<String> failures = new ArrayList<>();
        verifiers().forEach((backend, schemes) -> byScheme.forEach((scheme, items) -> {
            if (schemes.contains(scheme)) {
                JsonObject r = pinned(items, backend);
                if (!r.getJsonArray("results").getList().equals(expected.get(scheme))) {
                    failures.add(backend + " " + scheme + ": " + r.encode());
                }
            }
        }));
        assertThat(failures).isEmpty();
    }

    @Test
    void bcpkixCertificates_inAMixedBatch_answerExactlyAsTheirBareKeys_onEveryBackend() {
        Random random = new Random(20261202);
        List<String> failures = new ArrayList<>();
        verifiers().forEach((backend, schemes) -> {
            JsonArray bare = new JsonArray();
            for (String scheme : schemes) {
                Scheme s = Scheme.fromWire(scheme).orElseThrow();
                if (!dev.sigil.crypto.CertificateKeys.SCHEMES.contains(s)) {
                    continue; // the contract allows certificates for the four original schemes only
                }
                SigningKey.Software key = Items.key(s);
                for (int i = 0; i < 12; i++) {
                    JsonObject item = Items.signed(key, Items.randomMessage(random), i % 3 == 0);
                    bare.add(i % 4 == 1 ? Items.tampered(item) : item);
                }
                String badPoint = s == Scheme.ED25519 ? "ff".repeat(32) : "04" + "01".repeat(64);
                bare.add(bare.getJsonObject(bare.size() - 1).copy().put("publicKey", badPoint));
                bare.add(bare.getJsonObject(bare.size() - 1).copy().put("publicKey", "0011"));
            }
            JsonArray certs = new JsonArray();
            for (Object o : bare) {
                JsonObject item = ((JsonObject) o).copy();
                Scheme s = Scheme.fromWire(item.getString("scheme")).orElseThrow();
                byte[] key = Hex.decode("publicKey", (String) item.remove("publicKey"));
                certs.add(item.put("certificate", Hex.encode(TestCertificates.of(s, key))));
            }
            JsonObject want = pinned(bare, backend);
            JsonObject got = pinned(certs, backend);
            if (!want.getJsonArray("results").equals(got.getJsonArray("results"))
                    || !want.getJsonArray("problems").equals(got.getJsonArray("problems"))) {
                failures.add(backend + ": bare keys " + want.encode() + "\ncertificates " + got.encode());
            }
            assertThat(want.getJsonArray("results").getList()).contains("valid", "invalid", "malformed");
        });
        assertThat(failures).isEmpty();
    }

    @Test
    void badCertificates_areMalformedWithTheContractsCodes_andNeighboursStayValid() {
        SigningKey.Software p256 = Items.key(Scheme.ECDSA_P256);
        SigningKey.Software ed = Items.key(Scheme.ED25519);
        byte[] p256Cert = TestCertificates.of(Scheme.ECDSA_P256, p256.publicKey().encoded());
        JsonObject good = withCertificate(Items.signed(p256, new byte[] {1}, false), p256Cert);
        JsonObject edItem = Items.signed(ed, new byte[] {2}, false);
        byte[] garbage = new byte[300];
        new Random(5).nextBytes(garbage);
        Map<JsonObject, ProblemCode> cases = new LinkedHashMap<>();
        cases.put(withCertificate(edItem, p256Cert), ProblemCode.CERTIFICATE_KEY_MISMATCH);
        cases.put(good.copy().put("scheme", "sm2"), ProblemCode.CERTIFICATE_KEY_MISMATCH);
        cases.put(good.copy().put("scheme", "ecdsa-secp256k1"), ProblemCode.CERTIFICATE_KEY_MISMATCH);
        cases.put(withCertificate(good, java.util.Arrays.copyOf(p256Cert, p256Cert.length - 10)),
                ProblemCode.MALFORMED_CERTIFICATE);
        cases.put(withCertificate(good, garbage), ProblemCode.MALFORMED_CERTIFICATE);
        cases.put(withCertificate(good, ("-----BEGIN CERTIFICATE-----\n" + Base64.getEncoder()
                .encodeToString(p256Cert) + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII)),
                ProblemCode.MALFORMED_CERTIFICATE);
        cases.put(good.copy().put("certificate", Base64.getEncoder().encodeToString(p256Cert)),
                ProblemCode.MALFORMED_HEX);
        cases.put(withCertificate(good, TestCertificates.of(Scheme.ECDSA_P256,
                Hex.decode("k", "04" + "01".repeat(64)))), ProblemCode.INVALID_PUBLIC_KEY);
        cases.put(good.copy().put("publicKey", Hex.encode(p256.publicKey().encoded())), ProblemCode.MALFORMED_ITEM);
        cases.put(without(good, "certificate"), ProblemCode.MALFORMED_ITEM);
        cases.put(good.copy().put("certificate", 12), ProblemCode.MALFORMED_ITEM);
        JsonArray items = new JsonArray();
        List<String> want = new ArrayList<>();
        cases.forEach((item, code) -> {
            items.add(item).add(good);
            want.add(code.code());
            want.add("valid");
        });
        TestServer.Response r = server.post("/v1/verify", Items.body(items), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> got = new ArrayList<>();
        Map<Integer, String> problems = new LinkedHashMap<>();
        r.json().getJsonArray("problems").forEach(p -> problems.put(((JsonObject) p).getInteger("index"),
                ((JsonObject) p).getString("code")));
        JsonArray results = r.json().getJsonArray("results");
        for (int i = 0; i < results.size(); i++) {
            got.add("malformed".equals(results.getString(i)) ? problems.get(i) : results.getString(i));
        }
        assertThat(got).isEqualTo(want);
    }

    private static JsonObject withCertificate(JsonObject item, byte[] der) {
        return without(item, "publicKey").put("certificate", Hex.encode(der));
    }

    private static JsonObject without(JsonObject o, String field) {
        JsonObject copy = o.copy();
        copy.remove(field);
        return copy;
    }

    private static JsonObject pinned(JsonArray items, String backend) {
        TestServer.Response r = server.post("/v1/verify", Items.body(items, Map.of("backend", backend)), null);
        assertThat(r.status()).as(backend + ": " + r.body()).isEqualTo(200);
        return r.json();
    }
}
