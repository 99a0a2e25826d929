package dev.sigil.hsm;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import java.math.BigInteger;

/**
 * The recovery id of a secp256k1 signature, computed on the host with plain {@link BigInteger} arithmetic (the
 * token never reveals its nonce). The verification point R = u1·G + u2·Q (u1 = e/s, u2 = r/s) is the nonce point
 * of the signature as given, so v is the parity of R.y. Computing R also checks the token's signature: a signature
 * whose R.x mod n is not r does not verify. Variable-time: only public values go in.
 */
final class RecoveryId {
    /** Marks a signature that does not verify under the key. */
    static final int NOT_VALID = -2;
    /** R.x ≥ n (probability about 2^-128): no recovery id in {0, 1} describes it. */
    static final int UNREPRESENTABLE = -1;

    private static final Curve C = Curve.SECP256K1;
    private static final BigInteger P = C.p();
    private static final BigInteger THREE = BigInteger.valueOf(3);

    private RecoveryId() {
    }

    /** 0 or 1 (the parity of R.y), {@link #UNREPRESENTABLE}, or {@link #NOT_VALID}. */
    static int of(EcPublicKey key, byte[] digest, BigInteger r, BigInteger s) {
        BigInteger n = C.n();
        BigInteger e = new BigInteger(1, digest);
        BigInteger w = s.modInverse(n);
        BigInteger[] rp = toAffine(shamir(e.multiply(w).mod(n), r.multiply(w).mod(n), key.x(), key.y()));
        if (rp == null || !rp[0].mod(n).equals(r)) {
            return NOT_VALID;
        }
        return rp[0].equals(r) ? (rp[1].testBit(0) ? 1 : 0) : UNREPRESENTABLE;
    }

    /** a·G + b·Q in Jacobian coordinates {X, Y, Z}; Z = 0 is the point at infinity. */
    private static BigInteger[] shamir(BigInteger a, BigInteger b, BigInteger qx, BigInteger qy) {
        BigInteger[] gq = toAffine(addAffine(jacobian(C.gx(), C.gy()), qx, qy));
        BigInteger[] acc = infinity();
        for (int i = Math.max(a.bitLength(), b.bitLength()) - 1; i >= 0; i--) {
            acc = dbl(acc);
            boolean ba = a.testBit(i);
            boolean bb = b.testBit(i);
            if (ba && bb) {
                acc = gq == null ? acc : addAffine(acc, gq[0], gq[1]);
            } else if (ba) {
                acc = addAffine(acc, C.gx(), C.gy());
            } else if (bb) {
                acc = addAffine(acc, qx, qy);
            }
        }
        return acc;
    }

    private static BigInteger[] infinity() {
        return new BigInteger[] {BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
    }

    private static BigInteger[] jacobian(BigInteger x, BigInteger y) {
        return new BigInteger[] {x, y, BigInteger.ONE};
    }

    /** Doubling on y² = x³ + 7 (a = 0). */
    private static BigInteger[] dbl(BigInteger[] p) {
        if (p[2].signum() == 0 || p[1].signum() == 0) {
            return infinity();
        }
        BigInteger a = p[0].multiply(p[0]).mod(P);
        BigInteger b = p[1].multiply(p[1]).mod(P);
        BigInteger c = b.multiply(b).mod(P);
        BigInteger d = p[0].add(b).pow(2).subtract(a).subtract(c).shiftLeft(1).mod(P);
        BigInteger e = a.multiply(THREE).mod(P);
        BigInteger x3 = e.multiply(e).subtract(d.shiftLeft(1)).mod(P);
        BigInteger y3 = e.multiply(d.subtract(x3)).subtract(c.shiftLeft(3)).mod(P);
        BigInteger z3 = p[1].multiply(p[2]).shiftLeft(1).mod(P);
        return new BigInteger[] {x3, y3, z3};
    }

    /** Jacobian p plus affine (x2, y2). */
    private static BigInteger[] addAffine(BigInteger[] p, BigInteger x2, BigInteger y2) {
        if (p[2].signum() == 0) {
            return jacobian(x2, y2);
        }
        BigInteger z1z1 = p[2].multiply(p[2]).mod(P);
        BigInteger u2 = x2.multiply(z1z1).mod(P);
        BigInteger s2 = y2.multiply(p[2]).multiply(z1z1).mod(P);
        BigInteger h = u2.subtract(p[0]).mod(P);
        BigInteger rr = s2.subtract(p[1]).mod(P);
        if (h.signum() == 0) {
            return rr.signum() == 0 ? dbl(p) : infinity();
        }
        BigInteger hh = h.multiply(h).mod(P);
        BigInteger hhh = hh.multiply(h).mod(P);
        BigInteger v = p[0].multiply(hh).mod(P);
        BigInteger x3 = rr.multiply(rr).subtract(hhh).subtract(v.shiftLeft(1)).mod(P);
        BigInteger y3 = rr.multiply(v.subtract(x3)).subtract(p[1].multiply(hhh)).mod(P);
        BigInteger z3 = p[2].multiply(h).mod(P);
        return new BigInteger[] {x3, y3, z3};
    }

    /** {x, y}, or null for infinity. */
    private static BigInteger[] toAffine(BigInteger[] p) {
        if (p[2].signum() == 0) {
            return null;
        }
        BigInteger zi = p[2].modInverse(P);
        BigInteger zi2 = zi.multiply(zi).mod(P);
        return new BigInteger[] {p[0].multiply(zi2).mod(P), p[1].multiply(zi2).multiply(zi).mod(P)};
    }
}
