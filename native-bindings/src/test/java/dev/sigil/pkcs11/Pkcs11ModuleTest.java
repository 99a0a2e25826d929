package dev.sigil.pkcs11;

import static dev.sigil.pkcs11.gen.pkcs11_h.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.pkcs11.testing.SoftHsm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.ECParameterSpec;
import java.security.AlgorithmParameters;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Pkcs11ModuleTest {
    private static final byte[] P256_OID = HexFormat.of().parseHex("06082a8648ce3d030107");
    private static final byte[] EDWARDS25519 = HexFormat.of().parseHex("130c656477617264733235353139");
    private static final String PIN = "4711-user";

    private static Pkcs11Module module;
    private static SlotId slot;
    private static SlotId otherSlot;
    private static SessionHandle session;

    @BeforeAll
    static void openToken() {
        SoftHsm hsm = SoftHsm.get();
        String label = hsm.newToken("bindings", PIN, "4711-so");
        String other = hsm.newToken("bindings-pin", PIN, "4711-so");
        module = Pkcs11Module.open(hsm.library());
        slot = module.findToken(label).orElseThrow();
        otherSlot = module.findToken(other).orElseThrow();
        session = module.openSession(slot, true);
    }

    @AfterAll
    static void close() {
        if (module != null) {
            module.close();
        }
    }

    @Test
    void info_describesSoftHsm() {
        assertThat(module.info().manufacturerId()).contains("SoftHSM");
        assertThat(module.info().cryptokiMajor()).isGreaterThanOrEqualTo(2);
        assertThat(module.info().functionListMajor()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void mechanisms_includeEcdsaAndEddsa() {
        assertThat(module.mechanisms(slot)).contains(CKM_ECDSA(), CKM_EC_KEY_PAIR_GEN(), CKM_EDDSA(),
                CKM_EC_EDWARDS_KEY_PAIR_GEN());
    }

    @Test
    void login_wrongPin_raisesPinIncorrect() {
        SessionHandle s = module.openSession(otherSlot, false);
        try {
            assertThatThrownBy(() -> module.login(s, CKU_USER(), "wrong".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(Pkcs11Exception.class, e -> {
                        assertThat(e.name()).isEqualTo("CKR_PIN_INCORRECT");
                        assertThat(e.function()).isEqualTo("C_Login");
                        assertThat(e.getMessage()).doesNotContain("wrong");
                    });
        } finally {
            module.closeSession(s);
        }
    }

    @Test
    void ecdsaP256_signedInToken_verifiesInTokenAndWithTheJdk() throws Exception {
        login();
        KeyPairHandles pair = module.objects().generateKeyPair(session, Mechanism.of(CKM_EC_KEY_PAIR_GEN()),
                List.of(Attribute.of(CKA_EC_PARAMS(), P256_OID), Attribute.of(CKA_TOKEN(), false),
                        Attribute.of(CKA_VERIFY(), true)),
                List.of(Attribute.of(CKA_TOKEN(), false), Attribute.of(CKA_SIGN(), true),
                        Attribute.of(CKA_SENSITIVE(), true), Attribute.of(CKA_EXTRACTABLE(), false)));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8));
        byte[] sig = module.objects().sign(session, Mechanism.of(CKM_ECDSA()), pair.privateKey(), digest);

        assertThat(sig).hasSize(64);
        assertThat(module.objects().verify(session, Mechanism.of(CKM_ECDSA()), pair.publicKey(), digest, sig)).isTrue();
        byte[] tampered = sig.clone();
        tampered[10] ^= 1;
        assertThat(module.objects().verify(session, Mechanism.of(CKM_ECDSA()), pair.publicKey(), digest, tampered))
                .isFalse();
        byte[] point = module.objects().attributes(session, pair.publicKey(), CKA_EC_POINT()).get(CKA_EC_POINT());
        assertThat(jdkVerifiesP256(point, digest, sig)).isTrue();
    }

    @Test
    void attributes_ofSensitiveKey_leaveOutTheSecretValue() {
        login();
        KeyPairHandles pair = module.objects().generateKeyPair(session, Mechanism.of(CKM_EC_KEY_PAIR_GEN()),
                List.of(Attribute.of(CKA_EC_PARAMS(), P256_OID), Attribute.of(CKA_TOKEN(), false)),
                List.of(Attribute.of(CKA_TOKEN(), false), Attribute.of(CKA_SENSITIVE(), true),
                        Attribute.of(CKA_LABEL(), "secret-test")));
        Map<Long, byte[]> attrs = module.objects().attributes(session, pair.privateKey(), CKA_LABEL(), CKA_VALUE(),
                CKA_KEY_TYPE());
        assertThat(attrs).containsOnlyKeys(CKA_LABEL(), CKA_KEY_TYPE());
        assertThat(new String(attrs.get(CKA_LABEL()), StandardCharsets.UTF_8)).isEqualTo("secret-test");
        assertThat(Attribute.asLong(attrs.get(CKA_KEY_TYPE()))).isEqualTo(CKK_EC());
    }

    @Test
    void ed25519_withPrintableCurveName_signsAndTheJdkVerifies() throws Exception {
        login();
        KeyPairHandles pair = module.objects().generateKeyPair(session, Mechanism.of(CKM_EC_EDWARDS_KEY_PAIR_GEN()),
                List.of(Attribute.of(CKA_EC_PARAMS(), EDWARDS25519), Attribute.of(CKA_TOKEN(), false)),
                List.of(Attribute.of(CKA_TOKEN(), false), Attribute.of(CKA_SIGN(), true)));
        byte[] message = "an Ed25519 message".getBytes(StandardCharsets.UTF_8);
        byte[] sig = module.objects().sign(session, Mechanism.of(CKM_EDDSA()), pair.privateKey(), message);
        byte[] point = module.objects().attributes(session, pair.publicKey(), CKA_EC_POINT()).get(CKA_EC_POINT());

        assertThat(sig).hasSize(64);
        assertThat(point).hasSize(34).startsWith(0x04, 0x20);
        assertThat(jdkVerifiesEd25519(Arrays.copyOfRange(point, 2, 34), message, sig)).isTrue();
    }

    @Test
    void find_byLabel_returnsOnlyMatchingObjects() {
        login();
        String label = "find-" + System.nanoTime();
        module.objects().generateKeyPair(session, Mechanism.of(CKM_EC_KEY_PAIR_GEN()),
                List.of(Attribute.of(CKA_EC_PARAMS(), P256_OID), Attribute.of(CKA_TOKEN(), false),
                        Attribute.of(CKA_LABEL(), label)),
                List.of(Attribute.of(CKA_TOKEN(), false), Attribute.of(CKA_LABEL(), label)));
        assertThat(module.objects().find(session, List.of(Attribute.of(CKA_LABEL(), label)))).hasSize(2);
        assertThat(module.objects().find(session, List.of(Attribute.of(CKA_LABEL(), label),
                Attribute.of(CKA_CLASS(), CKO_PRIVATE_KEY())))).hasSize(1);
    }

    @Test
    void sessionInfo_afterLogin_reportsUserFunctions() {
        login();
        assertThat(module.sessionInfo(session).userLoggedIn()).isTrue();
        assertThat(module.sessionInfo(session).slot()).isEqualTo(slot);
        assertThat(module.tokenPresent(slot)).isTrue();
    }

    @Test
    void open_missingLibrary_throwsModuleLoadException() {
        assertThatThrownBy(() -> Pkcs11Module.open(Path.of("/nonexistent/libpkcs11.so")))
                .isInstanceOf(ModuleLoadException.class)
                .hasMessageContaining("/nonexistent/libpkcs11.so");
    }

    private static void login() {
        if (!module.sessionInfo(session).userLoggedIn()) {
            module.login(session, CKU_USER(), PIN.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static boolean jdkVerifiesP256(byte[] ecPoint, byte[] digest, byte[] raw) throws Exception {
        byte[] sec1 = Arrays.copyOfRange(ecPoint, 2, ecPoint.length);
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(sec1, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(sec1, 33, 65)));
        ECPublicKey key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
        Signature v = Signature.getInstance("NONEwithECDSAinP1363Format");
        v.initVerify(key);
        v.update(digest);
        return v.verify(raw);
    }

    private static boolean jdkVerifiesEd25519(byte[] a, byte[] message, byte[] sig) throws Exception {
        byte[] spki = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(a, 0, spki, 12, 32);
        java.security.PublicKey key = KeyFactory.getInstance("Ed25519")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        Signature v = Signature.getInstance("Ed25519");
        v.initVerify(key);
        v.update(message);
        return v.verify(sig);
    }
}
