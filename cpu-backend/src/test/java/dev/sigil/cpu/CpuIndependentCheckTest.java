package dev.sigil.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.Sm3;
import dev.sigil.crypto.conformance.Secp256k1Recovery;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.junit.jupiter.api.Test;

/** Signatures of the CPU backend checked by independent implementations (the JDK's ECDSA, BC's SM2Signer). */
class CpuIndependentCheckTest {
    private static final CpuBackend CPU = new CpuBackend(1);

    @Test
    void p256Signatures_verifyWithTheJdk_andAreLowS() throws Exception {
        SigningKey.Software key = SoftwareKeys.generate("p", Scheme.ECDSA_P256);
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        java.security.PublicKey jdkKey = KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(new ECPoint(pub.x(), pub.y()), spec));
        for (int i = 0; i < 50; i++) {
            byte[] msg = ("message " + i).getBytes(StandardCharsets.UTF_8);
            RawSignature sig = CPU.sign(key, List.of(Hashes.sha256(msg))).getFirst();
            EcSignature ec = EcSignature.fromRaw(sig.bytes());
            Signature v = Signature.getInstance("SHA256withECDSA");
            v.initVerify(jdkKey);
            v.update(msg);
            assertThat(v.verify(ec.toDer())).as("message %d", i).isTrue();
            assertThat(ec.isHighS(pub.curve())).isFalse();
        }
    }

    @Test
    void ecdsaSigning_isDeterministic_rfc6979() {
        SigningKey.Software key = SoftwareKeys.generate("d", Scheme.ECDSA_SECP256K1);
        byte[] digest = Hashes.sha256(new byte[] {1, 2, 3});
        assertThat(CPU.sign(key, List.of(digest)).getFirst().bytes())
                .isEqualTo(CPU.sign(key, List.of(digest)).getFirst().bytes());
    }

    @Test
    void rfc6979_p256_knownAnswer() {
        // RFC 6979 A.2.5, P-256, SHA-256, message "sample"; s normalized to low-S.
        PrivateKeyMaterial d = PrivateKeyMaterial.of(new BigInteger(
                "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721", 16).toByteArray());
        SigningKey.Software key = new SigningKey.Software("rfc", SoftwareKeys.publicKeyOf(Scheme.ECDSA_P256, d), d);
        EcSignature sig = EcSignature.fromRaw(CPU.sign(key,
                List.of(Hashes.sha256("sample".getBytes(StandardCharsets.US_ASCII)))).getFirst().bytes());
        BigInteger s = new BigInteger("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8", 16);
        assertThat(sig.r()).isEqualTo(new BigInteger(
                "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716", 16));
        assertThat(sig.s()).isEqualTo(s.min(dev.sigil.crypto.Curve.P256.n().subtract(s)));
    }

    @Test
    void secp256k1_recoveryId_recoversTheSigner() {
        Random rnd = new Random(3);
        SigningKey.Software key = SoftwareKeys.generate("r", Scheme.ECDSA_SECP256K1);
        int[] seen = new int[2];
        for (int i = 0; i < 40; i++) {
            byte[] digest = new byte[32];
            rnd.nextBytes(digest);
            RawSignature sig = CPU.sign(key, List.of(digest)).getFirst();
            EcSignature ec = EcSignature.fromRaw(sig.bytes());
            assertThat(sig.recoveryId()).isIn(0, 1);
            seen[sig.recoveryId()]++;
            org.bouncycastle.math.ec.ECPoint q = Secp256k1Recovery.recover(digest, ec.r(), ec.s(), sig.recoveryId());
            assertThat(q.getAffineXCoord().toBigInteger()).isEqualTo(((EcPublicKey) key.publicKey()).x());
        }
        assertThat(seen[0]).isPositive();
        assertThat(seen[1]).isPositive();
    }

    @Test
    void sm2Signatures_verifyWithBouncyCastleSm2Signer_withDefaultAndCustomIds() {
        SigningKey.Software key = SoftwareKeys.generate("s", Scheme.SM2);
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        for (byte[] uid : List.of(Sm2.DEFAULT_USER_ID, "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII))) {
            byte[] msg = "message digest".getBytes(StandardCharsets.US_ASCII);
            RawSignature sig = CPU.sign(key, List.of(Sm2.e(uid, pub, msg))).getFirst();
            SM2Signer bc = new SM2Signer();
            bc.init(false, new ParametersWithID(BcCurves.toParams(pub), uid));
            bc.update(msg, 0, msg.length);
            assertThat(bc.verifySignature(EcSignature.fromRaw(sig.bytes()).toDer())).isTrue();
        }
    }

    @Test
    void sm3_matchesBouncyCastle_onRandomInputs() {
        Random rnd = new Random(11);
        for (int i = 0; i < 200; i++) {
            byte[] data = new byte[rnd.nextInt(300)];
            rnd.nextBytes(data);
            SM3Digest d = new SM3Digest();
            d.update(data, 0, data.length);
            byte[] expected = new byte[32];
            d.doFinal(expected, 0);
            assertThat(Sm3.digest(data)).isEqualTo(expected);
        }
    }

    @Test
    void bcKeyParams_matchTheParsedPoint() {
        SigningKey.Software key = SoftwareKeys.generate("b", Scheme.ECDSA_SECP256K1);
        ECPublicKeyParameters p = BcCurves.toParams((EcPublicKey) key.publicKey());
        assertThat(p.getQ().isValid()).isTrue();
    }
}
