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
import dev.sigil.hsm.HsmBackendProvider;
import dev.sigil.pkcs11.testing.SoftHsm;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service configured with an {@code hsm:} section on a SoftHSM2 token: keys are made in the token over HTTP,
 * signed with over HTTP, and every signature is checked with the JDK's own ECDSA and EdDSA (an implementation
 * independent of both the token and Bouncy Castle), low-S.
 */
class HsmOverHttpTest {
    private static final String ADMIN = TestServer.ADMIN;
    private static final String PIN = "http-pin-8080";

    @TempDir
    static Path dir;
    static TestServer server;
    static String yaml;

    @BeforeAll
    static void start() throws Exception {
        SoftHsm hsm = SoftHsm.get();
        String label = hsm.newToken("http", PIN, "http-so-pin");
        Path pinFile = dir.resolve("hsm.pin");
        Files.writeString(pinFile, PIN + "\n");
        yaml = "hsm:\n  module: " + hsm.library() + "\n  tokenLabel: " + label + "\n  pin: file:" + pinFile
                + "\n  sessions: 2\n";
        server = TestServer.start(dir.resolve("data"), yaml, new HsmBackendProvider());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static JsonObject createKey(String keyId, Scheme scheme) {
        TestServer.Response r = server.post("/v1/keys", new JsonObject().put("keyId", keyId)
                .put("scheme", scheme.wireName()).put("store", "hsm").encode(), ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().getString("store")).isEqualTo("hsm");
        return r.json();
    }

    private static List<byte[]> messages(int n, String prefix) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add((prefix + " message " + i).getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    private static JsonObject sign(String keyId, String format, List<byte[]> messages) {
        JsonArray items = new JsonArray();
        messages.forEach(m -> items.add(new JsonObject().put("message", Hex.encode(m))));
        JsonObject body = new JsonObject().put("keyId", keyId).put("items", items);
        if (format != null) {
            body.put("signatureFormat", format);
        }
        TestServer.Response r = server.post("/v1/sign", body.encode(), ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("backend")).isEqualTo("hsm");
        return r.json();
    }

    @Test
    void p256Key_madeInTheToken_signsAThousandMessages_allVerifyWithTheJdk_lowS() throws Exception {
        JsonObject key = createKey("hsm-p256", Scheme.ECDSA_P256);
        EcPublicKey pub = (EcPublicKey) PublicKey.parse(Scheme.ECDSA_P256, Hex.decode("k", key.getString("publicKey")));
        List<byte[]> msgs = messages(1000, "p256");
        JsonArray sigs = sign("hsm-p256", "der", msgs).getJsonArray("signatures");
        assertThat(sigs).hasSize(1000);
        java.security.PublicKey jdkKey = jdkEcKey(pub);
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < msgs.size(); i++) {
            byte[] der = Hex.decode("sig", sigs.getString(i));
            Signature v = Signature.getInstance("SHA256withECDSA");
            v.initVerify(jdkKey);
            v.update(msgs.get(i));
            if (!v.verify(der) || EcSignature.fromDer(der).isHighS(Curve.P256)) {
                failures.add(i);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void secp256k1Key_rawRecoverable_recoversTheTokenKey_lowS() {
        JsonObject key = createKey("hsm-k1", Scheme.ECDSA_SECP256K1);
        EcPublicKey pub = (EcPublicKey) PublicKey.parse(Scheme.ECDSA_SECP256K1,
                Hex.decode("k", key.getString("publicKey")));
        List<byte[]> msgs = messages(200, "k1");
        JsonArray sigs = sign("hsm-k1", "raw-recoverable", msgs).getJsonArray("signatures");
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < msgs.size(); i++) {
            byte[] rsv = Hex.decode("sig", sigs.getString(i));
            EcSignature sig = EcSignature.fromRaw(Arrays.copyOf(rsv, 64));
            int v = rsv[64];
            byte[] digest = Hashes.sha256(msgs.get(i));
            if (rsv.length != 65 || sig.isHighS(Curve.SECP256K1)
                    || Secp256k1Recovery.recoveryId(pub, digest, sig.r(), sig.s()) != v) {
                failures.add(i);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void ed25519Key_signaturesVerifyWithTheJdk() throws Exception {
        JsonObject key = createKey("hsm-ed", Scheme.ED25519);
        byte[] a = Hex.decode("k", key.getString("publicKey"));
        List<byte[]> msgs = messages(200, "ed");
        JsonArray sigs = sign("hsm-ed", null, msgs).getJsonArray("signatures");
        java.security.PublicKey jdkKey = jdkEdKey(a);
        List<Integer> failures = new ArrayList<>();
        for (int i = 0; i < msgs.size(); i++) {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(jdkKey);
            v.update(msgs.get(i));
            if (!v.verify(Hex.decode("sig", sigs.getString(i)))) {
                failures.add(i);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void schnorrKey_inAnHsmWithoutABip340Mechanism_is422BackendUnavailable_andNotCreated() {
        TestServer.Response r = server.post("/v1/keys", new JsonObject().put("keyId", "hsm-taproot")
                .put("scheme", "schnorr-secp256k1").put("store", "hsm").encode(), ADMIN);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().getJsonObject("error").getString("code")).isEqualTo("backend-unavailable");
        assertThat(listedHsmKeys()).doesNotContain("hsm-taproot");
        assertThat(server.get("/v1/keys/hsm-taproot", ADMIN).status()).isEqualTo(404);
    }

    @Test
    void hsmKeys_areListed_andSurviveARestart() {
        createKey("hsm-listed", Scheme.ECDSA_P256);
        assertThat(listedHsmKeys()).contains("hsm-listed");
        TestServer.Response again = server.post("/v1/keys", new JsonObject().put("keyId", "hsm-listed")
                .put("scheme", "ecdsa-p256").put("store", "hsm").encode(), ADMIN);
        assertThat(again.status()).isEqualTo(409);
        server.close();
        server = TestServer.start(dir.resolve("data"), yaml, new HsmBackendProvider());
        assertThat(listedHsmKeys()).contains("hsm-listed");
        assertThat(server.get("/health/ready", null).status()).isEqualTo(200);
    }

    private static List<String> listedHsmKeys() {
        TestServer.Response r = server.get("/v1/keys", ADMIN);
        assertThat(r.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (Object o : r.json().getJsonArray("keys")) {
            JsonObject k = (JsonObject) o;
            if ("hsm".equals(k.getString("store"))) {
                ids.add(k.getString("keyId"));
            }
        }
        return ids;
    }

    private static java.security.PublicKey jdkEcKey(EcPublicKey pub) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(pub.x(), pub.y()), spec));
    }

    private static java.security.PublicKey jdkEdKey(byte[] a) throws Exception {
        byte[] le = a.clone();
        boolean xOdd = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        return KeyFactory.getInstance("Ed25519").generatePublic(
                new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, be))));
    }
}
