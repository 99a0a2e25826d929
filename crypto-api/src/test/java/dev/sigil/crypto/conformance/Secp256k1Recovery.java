package dev.sigil.crypto.conformance;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import java.math.BigInteger;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * An independent check of the recovery id v of a secp256k1 signature (Ethereum's {@code v - 27}), for tests: found
 * by recovering the public key from (r, s, e) for v = 0 and 1 and comparing with the signer's key. R.x ≥ n (probability about
 * 2^-128) is not represented by v in {0, 1}.
 */
public final class Secp256k1Recovery {
    private Secp256k1Recovery() {
    }

    /** Returns 0 or 1, or -1 when neither recovers the key (the signature does not verify). */
    public static int recoveryId(EcPublicKey key, byte[] digest, BigInteger r, BigInteger s) {
        for (int v = 0; v < 2; v++) {
            ECPoint q = recover(digest, r, s, v);
            if (q != null && q.getAffineXCoord().toBigInteger().equals(key.x())
                    && q.getAffineYCoord().toBigInteger().equals(key.y())) {
                return v;
            }
        }
        return -1;
    }

    /** Q = r⁻¹(sR − eG) with R = (r, y) and y of parity v; null when r is not an abscissa. */
    public static ECPoint recover(byte[] digest, BigInteger r, BigInteger s, int v) {
        ECDomainParameters d = EcArithmetic.domain(Curve.SECP256K1);
        BigInteger n = d.getN();
        byte[] enc = new byte[33];
        enc[0] = (byte) (v == 1 ? 0x03 : 0x02);
        dev.sigil.crypto.Bytes.putUnsigned(r, enc, 1, 32);
        ECPoint bigR;
        try {
            bigR = d.getCurve().decodePoint(enc);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger rInv = r.modInverse(n);
        BigInteger e = new BigInteger(1, digest);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(bigR, s.multiply(rInv).mod(n), d.getG(),
                e.negate().multiply(rInv).mod(n)).normalize();
        return q.isInfinity() ? null : q;
    }
}
