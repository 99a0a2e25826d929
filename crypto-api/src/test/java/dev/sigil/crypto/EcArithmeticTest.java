package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.conformance.Secp256k1Recovery;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.junit.jupiter.api.Test;

class EcArithmeticTest {
    private static final PrivateKeyMaterial.Access TEST = new PrivateKeyMaterial.Access("test");

    /** A low-S ECDSA signature made directly with Bouncy Castle. */
    private static EcSignature sign(SigningKey.Software key, byte[] digest) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        Curve c = key.scheme().requireCurve();
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.privateKey().reveal(TEST)),
                EcArithmetic.domain(c)));
        BigInteger[] rs = signer.generateSignature(digest);
        return new EcSignature(rs[0], rs[1]).normalizedLowS(c);
    }

    @Test
    void recoveryId_matchesKeyRecoveryOnRandomSignatures() {
        List<String> failures = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            SigningKey.Software key = SoftwareKeys.generate("k" + k, Scheme.ECDSA_SECP256K1);
            EcPublicKey pub = (EcPublicKey) key.publicKey();
            for (int i = 0; i < 10; i++) {
                byte[] digest = Hashes.sha256(("message " + k + "/" + i).getBytes());
                EcSignature sig = sign(key, digest);
                int expected = Secp256k1Recovery.recoveryId(pub, digest, sig.r(), sig.s());
                int got = EcArithmetic.recoveryId(pub, digest, sig);
                if (got != expected || got < 0) {
                    failures.add("key " + k + " sig " + i + ": got " + got + ", expected " + expected);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void recoveryId_flipsWhenSIsNegated() {
        SigningKey.Software key = SoftwareKeys.generate("k", Scheme.ECDSA_SECP256K1);
        byte[] digest = Hashes.sha256("flip".getBytes());
        EcSignature sig = sign(key, digest);
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        int v = EcArithmetic.recoveryId(pub, digest, sig);
        int flipped = EcArithmetic.recoveryId(pub, digest,
                new EcSignature(sig.r(), Curve.SECP256K1.n().subtract(sig.s())));
        assertThat(v).isIn(0, 1);
        assertThat(flipped).isEqualTo(1 - v);
    }

    @Test
    void recoveryId_ofSignatureThatDoesNotVerify_isNotValid() {
        SigningKey.Software key = SoftwareKeys.generate("k", Scheme.ECDSA_SECP256K1);
        EcSignature sig = sign(key, Hashes.sha256("signed".getBytes()));
        byte[] other = Hashes.sha256("not signed".getBytes());
        assertThat(EcArithmetic.recoveryId((EcPublicKey) key.publicKey(), other, sig))
                .isEqualTo(EcArithmetic.NOT_VALID);
        assertThat(EcArithmetic.recoveryId((EcPublicKey) key.publicKey(), other, new EcSignature(sig.r(),
                BigInteger.ZERO))).isEqualTo(EcArithmetic.NOT_VALID);
    }

    @Test
    void publicKey_ofScalarOutOfRange_isRejected() {
        assertThatThrownBy(() -> SoftwareKeys.publicKeyOf(Scheme.ECDSA_P256, PrivateKeyMaterial.of(new byte[32])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of range");
        assertThatThrownBy(() -> EcArithmetic.publicKey(Scheme.SM2, Curve.SM2P256V1.n()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void add_agreesWithScalarMultiplication_onEveryWeierstrassCurve() {
        for (Scheme s : List.of(Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.SM2)) {
            Curve c = s.requireCurve();
            BigInteger[] g = {c.gx(), c.gy()};
            BigInteger[] three = EcArithmetic.add(s, EcArithmetic.add(s, g, g), g);
            EcPublicKey expected = EcArithmetic.publicKey(s, BigInteger.valueOf(3));
            assertThat(three).as(s.wireName()).containsExactly(expected.x(), expected.y());
            BigInteger[] minusG = {c.gx(), c.p().subtract(c.gy())};
            assertThatThrownBy(() -> EcArithmetic.add(s, g, minusG)).isInstanceOf(ArithmeticException.class);
        }
    }
}
