package dev.sigil.cpu;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.XOnlyPublicKey;
import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The reference verification of one pending item, with Bouncy Castle: {@code ECDSASigner} for ECDSA, the
 * GB/T 32918.2 equations over BC's curve arithmetic for SM2 (BC's {@code SM2Signer} hashes the message itself and
 * cannot take a precomputed e), {@code Ed25519.verify} for Ed25519, and BIP-340 as the BIP writes it (lift_x,
 * tagged hashes, even-y R) over BC's secp256k1 arithmetic. Thread-safe.
 */
final class CpuVerifier {
    private final DecodedKeyCache<EcPublicKey, ECPublicKeyParameters> ecKeys =
            new DecodedKeyCache<>(16_384, BcCurves::toParams);
    private final DecodedKeyCache<XOnlyPublicKey, ECPoint> xOnlyKeys = new DecodedKeyCache<>(16_384,
            k -> EcArithmetic.domain(Curve.SECP256K1).getCurve().createPoint(k.x(), k.y()));
    private final DecodedKeyCache<Ed25519PublicKey, Ed25519.PublicPoint> edKeys =
            new DecodedKeyCache<>(16_384, k -> Ed25519.validatePublicKeyPartialExport(k.encoded(), 0));

    /** Fills the outcomes of the pending items in [from, to). */
    void verifyRange(VerifyBatch batch, Outcome[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (batch.isPending(i)) {
                out[i] = Outcome.of(verifyOne(batch, i));
            }
        }
    }

    /** Whether pending item i verifies. */
    boolean verifyOne(VerifyBatch batch, int i) {
        return switch (batch.scheme()) {
            case ECDSA_SECP256K1, ECDSA_P256 -> ecdsa(batch, i);
            case SM2 -> sm2(batch, i);
            case ED25519 -> ed25519(batch, i);
            case SCHNORR_SECP256K1 -> schnorr(batch, i);
        };
    }

    private boolean ecdsa(VerifyBatch b, int i) {
        ECDSASigner signer = new ECDSASigner();
        signer.init(false, ecKeys.get((EcPublicKey) b.key(i)));
        return signer.verifySignature(VerifyBatch.slot(b.digests(), i), scalar(b.r(), i), scalar(b.s(), i));
    }

    private boolean sm2(VerifyBatch b, int i) {
        ECPublicKeyParameters key = ecKeys.get((EcPublicKey) b.key(i));
        ECDomainParameters d = key.getParameters();
        BigInteger n = d.getN();
        BigInteger r = scalar(b.r(), i);
        BigInteger s = scalar(b.s(), i);
        BigInteger t = r.add(s).mod(n);
        if (t.signum() == 0) {
            return false;
        }
        ECPoint x1y1 = ECAlgorithms.sumOfTwoMultiplies(d.getG(), s, key.getQ(), t).normalize();
        if (x1y1.isInfinity()) {
            return false;
        }
        BigInteger e = scalar(b.digests(), i);
        return e.add(x1y1.getAffineXCoord().toBigInteger()).mod(n).equals(r);
    }

    private boolean ed25519(VerifyBatch b, int i) {
        Ed25519.PublicPoint a = edKeys.get((Ed25519PublicKey) b.key(i));
        if (a == null) {
            return false;
        }
        byte[] sig = new byte[64];
        System.arraycopy(b.r(), 32 * i, sig, 0, 32);
        System.arraycopy(b.s(), 32 * i, sig, 32, 32);
        int[] offs = b.messageOffsets();
        return Ed25519.verify(sig, 0, a, b.messages(), offs[i], offs[i + 1] - offs[i]);
    }

    /**
     * BIP-340 {@code Verify}, step by step: P = lift_x(x(pk)) (done when the key was parsed: a key that cannot be
     * lifted, r ≥ p and s ≥ n never get here), e = int(hash_BIP0340/challenge(r ‖ x(P) ‖ m)) mod n, R = s·G − e·P;
     * fail if R is infinity, if y(R) is odd, or if x(R) ≠ r.
     */
    private boolean schnorr(VerifyBatch b, int i) {
        ECPoint p = xOnlyKeys.get((XOnlyPublicKey) b.key(i));
        ECDomainParameters d = EcArithmetic.domain(Curve.SECP256K1);
        BigInteger n = d.getN();
        int[] offs = b.messageOffsets();
        BigInteger e = Bip340.challenge(b.r(), 32 * i, p.getAffineXCoord().getEncoded(), b.messages(), offs[i],
                offs[i + 1] - offs[i]);
        ECPoint r = ECAlgorithms.sumOfTwoMultiplies(d.getG(), scalar(b.s(), i), p, n.subtract(e).mod(n)).normalize();
        return !r.isInfinity() && !r.getAffineYCoord().testBitZero()
                && r.getAffineXCoord().toBigInteger().equals(scalar(b.r(), i));
    }

    private static BigInteger scalar(byte[] column, int i) {
        return new BigInteger(1, VerifyBatch.slot(column, i));
    }
}
