package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.pkcs11.Attribute;
import dev.sigil.pkcs11.Mechanism;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SM2 goes through the vendor mechanism named in {@code hsm.mechanisms.sm2}. SoftHSM2 has no SM2 mechanism, but it
 * does make EC keys on the sm2p256v1 curve: so the mapping is tested with such a key — unconfigured and configured
 * with a code the token lacks (a clear KeyFailure), and configured with a code the token has (CKM_ECDSA standing in
 * for a vendor mechanism: the token then runs exactly that mechanism, which the signature shows).
 */
class HsmSm2MappingTest {
    private static TestTokens.Token token;

    @BeforeAll
    static void tokenWithAnSm2CurveKey() {
        token = TestTokens.create("sm2");
        try (Pkcs11Module m = Pkcs11Module.open(SoftHsm.get().library())) {
            SessionHandle s = m.openSession(m.findToken(token.label()).orElseThrow(), true);
            m.login(s, CKU_USER, TestTokens.USER_PIN.getBytes(StandardCharsets.UTF_8));
            m.objects().generateKeyPair(s, Mechanism.of(CKM_EC_KEY_PAIR_GEN),
                    List.of(Attribute.of(CKA_TOKEN, true), Attribute.of(CKA_EC_PARAMS,
                            EcEncoding.ecParams(Scheme.SM2)), Attribute.of(CKA_LABEL, "sm2-key"),
                            Attribute.of(CKA_ID, new byte[] {0x52})),
                    List.of(Attribute.of(CKA_TOKEN, true), Attribute.of(CKA_SIGN, true),
                            Attribute.of(CKA_SENSITIVE, true), Attribute.of(CKA_LABEL, "sm2-key"),
                            Attribute.of(CKA_ID, new byte[] {0x52})));
        }
    }

    @Test
    void unconfigured_sm2KeyIsListed_butSigningFailsNamingTheSetting() {
        try (HsmBackend hsm = token.open("sessions", 1)) {
            SigningKey.Token key = sm2Key(hsm);
            assertThat(hsm.signableSchemes()).doesNotContain(Scheme.SM2);
            assertThat(hsm.canSignWith(key)).isFalse();
            assertThat(hsm.tokenKeys().orElseThrow().generatableSchemes()).doesNotContain(Scheme.SM2);
            assertThatThrownBy(() -> hsm.sign(key, List.of(new byte[32])))
                    .isInstanceOf(BackendException.KeyFailure.class).hasMessageContaining("hsm.mechanisms.sm2");
        }
    }

    @Test
    void configuredCodeTheTokenLacks_failsNamingTheCode() {
        try (HsmBackend hsm = token.open("sessions", 1, "mechanisms", Map.of("sm2", "0x80000000"))) {
            SigningKey.Token key = sm2Key(hsm);
            assertThat(hsm.signableSchemes()).doesNotContain(Scheme.SM2);
            assertThatThrownBy(() -> hsm.sign(key, List.of(new byte[32])))
                    .isInstanceOf(BackendException.KeyFailure.class).hasMessageContaining("0x80000000")
                    .hasMessageContaining("does not offer");
        }
    }

    @Test
    void configuredCodeTheTokenHas_isTheMechanismTheTokenRuns() {
        try (HsmBackend hsm = token.open("sessions", 1, "mechanisms", Map.of("sm2", CKM_ECDSA));
                CpuBackend cpu = new CpuBackend(1)) {
            SigningKey.Token key = sm2Key(hsm);
            assertThat(hsm.signableSchemes()).contains(Scheme.SM2);
            EcPublicKey pub = (EcPublicKey) key.publicKey();
            byte[] e = Sm2.e(Sm2.DEFAULT_USER_ID, pub, "mapped".getBytes(StandardCharsets.UTF_8));
            RawSignature sig = hsm.sign(key, List.of(e)).get(0);
            EcSignature rs = EcSignature.fromRaw(sig.bytes());
            assertThat(sig.recoveryId()).isEqualTo(-1);
            assertThat(ecdsaOverSm2Curve(pub, e, rs)).isTrue();
            VerifyBatch asSm2 = VerifyBatch.builder(Scheme.SM2, RuleSet.STANDARD).addEc(pub, e, rs).build();
            assertThat(cpu.verify(asSm2)[0]).isEqualTo(Outcome.INVALID);
        }
    }

    private static SigningKey.Token sm2Key(HsmBackend hsm) {
        List<SigningKey.Token> keys = hsm.tokenKeys().orElseThrow().list();
        assertThat(keys).extracting(SigningKey::keyId).containsExactly("sm2-key");
        assertThat(keys.get(0).scheme()).isEqualTo(Scheme.SM2);
        return keys.get(0);
    }

    /** Plain ECDSA verification on sm2p256v1 with Bouncy Castle. */
    private static boolean ecdsaOverSm2Curve(EcPublicKey pub, byte[] digest, EcSignature sig) {
        X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
        ECDomainParameters d = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
        ECDSASigner v = new ECDSASigner();
        v.init(false, new ECPublicKeyParameters(d.getCurve().decodePoint(pub.uncompressed()), d));
        BigInteger s = sig.s();
        return Curve.SM2P256V1.n().equals(x9.getN()) && v.verifySignature(digest, sig.r(), s);
    }
}
