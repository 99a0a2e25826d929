package dev.sigil.gpu;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.Scheme;
import java.math.BigInteger;

/**
 * The GLV endomorphism of secp256k1, derived rather than typed: phi(x, y) = (beta x, y) acts as multiplication by
 * lambda, with lambda and beta nontrivial cube roots of unity modulo n and p matched on the generator. A scalar k
 * splits as k = k1 + lambda k2 (mod n) with |k1|, |k2| about 2^128, from the short lattice basis (a1, b1), (a2, b2)
 * of {(a, b) : a + b lambda = 0 mod n} found by the extended Euclidean algorithm (Guide to ECC, alg. 3.74).
 * The kernel computes c1 = round(k g1 / 2^382), c2 = round(k g2 / 2^382) and k2 = c1 K1 + c2 K2, k1 = k - lambda k2
 * (2^382 keeps g1 and g2 below 2^256 whichever basis the reduction finds).
 */
final class Glv {
    static final Curve CURVE = Curve.SECP256K1;
    static final BigInteger LAMBDA;
    static final BigInteger BETA;
    static final BigInteger G1;
    static final BigInteger G2;
    static final BigInteger K1;
    static final BigInteger K2;
    static final int SHIFT = 382;

    static {
        BigInteger n = CURVE.n();
        BigInteger p = CURVE.p();
        BigInteger[] pair = matchedRoots(n, p);
        LAMBDA = pair[0];
        BETA = pair[1];
        BigInteger[][] basis = basis(n, LAMBDA);
        BigInteger b1 = basis[0][1];
        BigInteger b2 = basis[1][1];
        BigInteger scale = BigInteger.ONE.shiftLeft(SHIFT);
        G1 = roundDiv(scale.multiply(b2.abs()), n);
        G2 = roundDiv(scale.multiply(b1.abs()), n);
        K1 = b1.multiply(BigInteger.valueOf(-b2.signum())).mod(n);
        K2 = b2.multiply(BigInteger.valueOf(b1.signum())).mod(n);
    }

    private Glv() {
    }

    /** k1 and k2 (signed) as the kernel computes them, for checks. */
    static BigInteger[] split(BigInteger k) {
        BigInteger n = CURVE.n();
        BigInteger c1 = k.multiply(G1).add(BigInteger.ONE.shiftLeft(SHIFT - 1)).shiftRight(SHIFT);
        BigInteger c2 = k.multiply(G2).add(BigInteger.ONE.shiftLeft(SHIFT - 1)).shiftRight(SHIFT);
        BigInteger k2 = c1.multiply(K1).add(c2.multiply(K2)).mod(n);
        BigInteger k1 = k.subtract(LAMBDA.multiply(k2)).mod(n);
        return new BigInteger[] {signed(k1, n), signed(k2, n)};
    }

    private static BigInteger signed(BigInteger v, BigInteger n) {
        return v.compareTo(n.shiftRight(1)) > 0 ? v.subtract(n) : v;
    }

    private static BigInteger roundDiv(BigInteger a, BigInteger b) {
        return a.add(b.shiftRight(1)).divide(b);
    }

    /** lambda (mod n) and beta (mod p) with lambda * G = (beta * Gx, Gy). */
    private static BigInteger[] matchedRoots(BigInteger n, BigInteger p) {
        BigInteger lambda = cubeRoot(n);
        BigInteger beta = cubeRoot(p);
        BigInteger[] lg = multiply(lambda, new BigInteger[] {CURVE.gx(), CURVE.gy()});
        for (BigInteger b : new BigInteger[] {beta, beta.multiply(beta).mod(p)}) {
            if (lg[0].equals(b.multiply(CURVE.gx()).mod(p)) && lg[1].equals(CURVE.gy())) {
                return new BigInteger[] {lambda, b};
            }
        }
        throw new IllegalStateException("no beta matches lambda on the generator");
    }

    /** A nontrivial cube root of unity modulo a prime m = 1 (mod 3). */
    private static BigInteger cubeRoot(BigInteger m) {
        BigInteger e = m.subtract(BigInteger.ONE).divide(BigInteger.valueOf(3));
        for (int g = 2; ; g++) {
            BigInteger r = BigInteger.valueOf(g).modPow(e, m);
            if (!r.equals(BigInteger.ONE)) {
                return r;
            }
        }
    }

    private static BigInteger[] multiply(BigInteger k, BigInteger[] pt) {
        BigInteger[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = acc == null ? null : EcArithmetic.add(Scheme.ECDSA_SECP256K1, acc, acc);
            if (k.testBit(i)) {
                acc = acc == null ? pt : EcArithmetic.add(Scheme.ECDSA_SECP256K1, acc, pt);
            }
        }
        return acc;
    }

    /** The two short basis vectors (a, b) with a + b lambda = 0 (mod n). */
    private static BigInteger[][] basis(BigInteger n, BigInteger lambda) {
        BigInteger sqrtN = n.sqrt();
        BigInteger r0 = n;
        BigInteger r1 = lambda;
        BigInteger t0 = BigInteger.ZERO;
        BigInteger t1 = BigInteger.ONE;
        while (r1.compareTo(sqrtN) >= 0) {
            BigInteger q = r0.divide(r1);
            BigInteger r2 = r0.subtract(q.multiply(r1));
            BigInteger t2 = t0.subtract(q.multiply(t1));
            r0 = r1;
            r1 = r2;
            t0 = t1;
            t1 = t2;
        }
        // r0 is the last remainder >= sqrt(n), r1 the first below it
        BigInteger q = r0.divide(r1);
        BigInteger r2 = r0.subtract(q.multiply(r1));
        BigInteger t2 = t0.subtract(q.multiply(t1));
        BigInteger[] v1 = {r1, t1.negate()};
        BigInteger[] va = {r0, t0.negate()};
        BigInteger[] vb = {r2, t2.negate()};
        BigInteger[] v2 = norm(va).compareTo(norm(vb)) <= 0 ? va : vb;
        return new BigInteger[][] {v1, v2};
    }

    private static BigInteger norm(BigInteger[] v) {
        return v[0].multiply(v[0]).add(v[1].multiply(v[1]));
    }
}
