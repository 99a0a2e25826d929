package dev.sigil.gpu;

import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ed25519 signatures with crafted small-order components, where cofactorless verifiers may differ: R' = rB + T
 * with S = r + k a (so [S]B - R' - [k]A = -T), keys A' = aB + T (not of small order, so they pass the builder),
 * and both at once with T_R = -[k]T_A (so the equation holds exactly although A' has torsion).
 */
final class TorsionVectors {
    static final BigInteger L = dev.sigil.crypto.Ed25519PublicKey.L;
    private static final BigInteger P = Edwards.P;
    private static final BigInteger[] IDENTITY = {BigInteger.ZERO, BigInteger.ONE};
    /** A point of order 8 (its y is one of the small-order y values). */
    static final BigInteger[] T8 = order8Point();

    private TorsionVectors() {
    }

    /** A crafted item, and whether the cofactorless equation [S]B = R + [k]A holds for it. */
    record Crafted(EncodedItem item, boolean cofactorlessValid) {
    }

    static List<Crafted> build(long seed, int count) {
        Random rnd = new Random(seed);
        List<Crafted> out = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            BigInteger a = new BigInteger(252, rnd);
            BigInteger r = new BigInteger(252, rnd);
            byte[] msg = new byte[1 + rnd.nextInt(40)];
            rnd.nextBytes(msg);
            BigInteger[] tA = mul(T8, BigInteger.valueOf(rnd.nextInt(8)));
            BigInteger[] tR = mul(T8, BigInteger.valueOf(rnd.nextInt(8)));
            BigInteger[] pubA = EcArithmetic.add(Scheme.ED25519, baseMul(a), tA);
            if (isSmallOrder(pubA)) {
                continue;
            }
            byte[] aEnc = encode(pubA);
            BigInteger[] rB = baseMul(r);
            BigInteger[] pointR = EcArithmetic.add(Scheme.ED25519, rB, tR);
            BigInteger k = challenge(encode(pointR), aEnc, msg);
            if (rnd.nextInt(4) == 0) {
                // T_R = -[k]T_A for the k of the new R would need a fixed point; instead pick T_R first and
                // retry a few R until the challenge makes the equation hold exactly
                for (int tries = 0; tries < 64; tries++) {
                    BigInteger[] cand = EcArithmetic.add(Scheme.ED25519, rB, negate(mul(tA, BigInteger.valueOf(tries % 8))));
                    BigInteger kc = challenge(encode(cand), aEnc, msg);
                    if (kc.mod(BigInteger.valueOf(8)).intValue() == tries % 8) {
                        tR = negate(mul(tA, BigInteger.valueOf(tries % 8)));
                        pointR = cand;
                        k = kc;
                        break;
                    }
                }
            }
            BigInteger[] d = EcArithmetic.add(Scheme.ED25519, tR, mul(tA, k.mod(BigInteger.valueOf(8))));
            BigInteger s = r.add(k.multiply(a)).mod(L);
            byte[] sig = new byte[64];
            System.arraycopy(encode(pointR), 0, sig, 0, 32);
            System.arraycopy(littleEndian(s), 0, sig, 32, 32);
            out.add(new Crafted(EncodedItem.ofMessage(aEnc, msg, sig), isIdentity(d)));
        }
        return out;
    }

    /** [k]B, projectively: sums of the doublings 2^i B (built once), one inversion at the end. */
    static BigInteger[] baseMul(BigInteger k) {
        BigInteger[] acc = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                acc = addExtended(acc, BASE_DOUBLINGS.get(i));
            }
        }
        BigInteger zi = acc[2].modInverse(P);
        return new BigInteger[] {acc[0].multiply(zi).mod(P), acc[1].multiply(zi).mod(P)};
    }

    private static final List<BigInteger[]> BASE_DOUBLINGS = doublings();

    private static List<BigInteger[]> doublings() {
        List<BigInteger[]> out = new ArrayList<>();
        BigInteger[] p = Edwards.BASE;
        for (int i = 0; i < 256; i++) {
            out.add(p);
            p = EcArithmetic.add(Scheme.ED25519, p, p);
        }
        return out;
    }

    /** (X : Y : Z : T) + affine (x, y), add-2008-hwcd with a = -1. */
    private static BigInteger[] addExtended(BigInteger[] p, BigInteger[] q) {
        BigInteger qt = q[0].multiply(q[1]).mod(P);
        BigInteger a = p[0].multiply(q[0]).mod(P);
        BigInteger b = p[1].multiply(q[1]).mod(P);
        BigInteger c = Edwards.D.multiply(p[3]).mod(P).multiply(qt).mod(P);
        BigInteger d = p[2];
        BigInteger e = p[0].add(p[1]).multiply(q[0].add(q[1])).subtract(a).subtract(b).mod(P);
        BigInteger f = d.subtract(c).mod(P);
        BigInteger g = d.add(c).mod(P);
        BigInteger h = b.add(a).mod(P);
        return new BigInteger[] {e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P),
                e.multiply(h).mod(P)};
    }

    private static BigInteger challenge(byte[] r, byte[] a, byte[] msg) {
        return new BigInteger(1, reverse(Hashes.ed25519Challenge(r, a, msg)));
    }

    static BigInteger[] mul(BigInteger[] p, BigInteger k) {
        BigInteger[] acc = IDENTITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = EcArithmetic.add(Scheme.ED25519, acc, acc);
            if (k.testBit(i)) {
                acc = EcArithmetic.add(Scheme.ED25519, acc, p);
            }
        }
        return acc;
    }

    private static BigInteger[] negate(BigInteger[] p) {
        return new BigInteger[] {p[0].negate().mod(P), p[1]};
    }

    private static boolean isSmallOrder(BigInteger[] p) {
        BigInteger[] q = mul(p, BigInteger.valueOf(8));
        return q[0].signum() == 0 && q[1].equals(BigInteger.ONE);
    }

    static byte[] encode(BigInteger[] p) {
        byte[] out = littleEndian(p[1]);
        if (p[0].testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static byte[] littleEndian(BigInteger v) {
        byte[] out = new byte[32];
        for (int i = 0; i < 32; i++) {
            out[i] = v.shiftRight(8 * i).byteValue();
        }
        return out;
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    private static BigInteger[] order8Point() {
        BigInteger y = new BigInteger("2707385501144840649318225287225658788936804267575313519463743609750303402022");
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE)
                .multiply(Edwards.D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(Edwards.SQRT_M1).mod(P);
        }
        BigInteger[] pt = {x, y};
        if (!x.multiply(x).mod(P).equals(x2) || isIdentity(mul(pt, BigInteger.valueOf(4)))
                || !isIdentity(mul(pt, BigInteger.valueOf(8)))) {
            throw new IllegalStateException("not a point of order 8");
        }
        return pt;
    }

    private static boolean isIdentity(BigInteger[] p) {
        return p[0].signum() == 0 && p[1].equals(BigInteger.ONE);
    }
}
