package dev.sigil.crypto.testing;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Ed25519 signatures with crafted small-order components, where cofactorless and cofactored verifiers may differ:
 * R' = rB + T with S = r + k a (so [S]B - R' - [k]A = -T), keys A' = aB + T (not of small order, so they pass the
 * builder), and both at once with T_R = -[k]T_A (so the equation holds exactly although A' has torsion). Plain
 * BigInteger arithmetic on the twisted Edwards curve, written for tests only.
 */
public final class Ed25519Torsion {
    static final BigInteger P = dev.sigil.crypto.Ed25519PublicKey.P;
    static final BigInteger L = dev.sigil.crypto.Ed25519PublicKey.L;
    static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    private static final BigInteger[] IDENTITY = {BigInteger.ZERO, BigInteger.ONE};
    private static final BigInteger[] BASE = point(BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P))
            .mod(P), false);
    /** A point of order 8. */
    static final BigInteger[] T8 = point(
            new BigInteger("2707385501144840649318225287225658788936804267575313519463743609750303402022"), false);
    private static final List<BigInteger[]> BASE_DOUBLINGS = doublings();

    private Ed25519Torsion() {
    }

    /** A crafted item, and whether the cofactorless equation [S]B = R + [k]A holds for it. */
    public record Crafted(EncodedItem item, boolean cofactorlessValid) {
    }

    static Crafted crafted(Random rnd) {
        while (true) {
            BigInteger a = new BigInteger(252, rnd);
            BigInteger r = new BigInteger(252, rnd);
            byte[] msg = new byte[1 + rnd.nextInt(40)];
            rnd.nextBytes(msg);
            BigInteger[] tA = mul(T8, BigInteger.valueOf(rnd.nextInt(8)));
            BigInteger[] tR = mul(T8, BigInteger.valueOf(rnd.nextInt(8)));
            BigInteger[] pubA = add(baseMul(a), tA);
            if (isIdentity(mul(pubA, BigInteger.valueOf(8)))) {
                continue;
            }
            byte[] aEnc = encode(pubA);
            BigInteger[] rB = baseMul(r);
            BigInteger[] pointR = add(rB, tR);
            BigInteger k = challenge(encode(pointR), aEnc, msg);
            if (rnd.nextInt(4) == 0) {
                // pick T_R = -[j]T_A and retry j until the challenge of the new R is j mod 8: the equation holds
                for (int j = 0; j < 64; j++) {
                    BigInteger[] cand = add(rB, negate(mul(tA, BigInteger.valueOf(j % 8))));
                    BigInteger kc = challenge(encode(cand), aEnc, msg);
                    if (kc.mod(BigInteger.valueOf(8)).intValue() == j % 8) {
                        tR = negate(mul(tA, BigInteger.valueOf(j % 8)));
                        pointR = cand;
                        k = kc;
                        break;
                    }
                }
            }
            BigInteger[] d = add(tR, mul(tA, k.mod(BigInteger.valueOf(8))));
            BigInteger s = r.add(k.multiply(a)).mod(L);
            byte[] sig = new byte[64];
            System.arraycopy(encode(pointR), 0, sig, 0, 32);
            System.arraycopy(littleEndian(s), 0, sig, 32, 32);
            return new Crafted(EncodedItem.ofMessage(aEnc, msg, sig), isIdentity(d));
        }
    }

    /** The signature with S replaced by S + L (same value mod L, not canonical). */
    static byte[] sPlusL(byte[] sig) {
        byte[] le = new byte[32];
        System.arraycopy(sig, 32, le, 0, 32);
        BigInteger s = new BigInteger(1, reverse(le)).add(L);
        byte[] out = sig.clone();
        System.arraycopy(littleEndian(s), 0, out, 32, 32);
        return out;
    }

    static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        BigInteger x1x2 = a[0].multiply(b[0]).mod(P);
        BigInteger y1y2 = a[1].multiply(b[1]).mod(P);
        BigInteger dxy = D.multiply(x1x2).mod(P).multiply(y1y2).mod(P);
        BigInteger x = a[0].multiply(b[1]).add(a[1].multiply(b[0])).multiply(BigInteger.ONE.add(dxy).modInverse(P));
        BigInteger y = y1y2.add(x1x2).multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P));
        return new BigInteger[] {x.mod(P), y.mod(P)};
    }

    static BigInteger[] mul(BigInteger[] p, BigInteger k) {
        BigInteger[] acc = IDENTITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = add(acc, acc);
            if (k.testBit(i)) {
                acc = add(acc, p);
            }
        }
        return acc;
    }

    /** [k]B, projectively: sums of the doublings 2^i B (built once), one inversion at the end. */
    private static BigInteger[] baseMul(BigInteger k) {
        BigInteger[] acc = {BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO};
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                BigInteger[] q = BASE_DOUBLINGS.get(i);
                BigInteger qt = q[0].multiply(q[1]).mod(P);
                BigInteger a = acc[0].multiply(q[0]).mod(P);
                BigInteger b = acc[1].multiply(q[1]).mod(P);
                BigInteger c = D.multiply(acc[3]).mod(P).multiply(qt).mod(P);
                BigInteger e = acc[0].add(acc[1]).multiply(q[0].add(q[1])).subtract(a).subtract(b).mod(P);
                BigInteger f = acc[2].subtract(c).mod(P);
                BigInteger g = acc[2].add(c).mod(P);
                BigInteger h = b.add(a).mod(P);
                acc = new BigInteger[] {e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P),
                        e.multiply(h).mod(P)};
            }
        }
        BigInteger zi = acc[2].modInverse(P);
        return new BigInteger[] {acc[0].multiply(zi).mod(P), acc[1].multiply(zi).mod(P)};
    }

    private static List<BigInteger[]> doublings() {
        List<BigInteger[]> out = new ArrayList<>();
        BigInteger[] p = BASE;
        for (int i = 0; i < 256; i++) {
            out.add(p);
            p = add(p, p);
        }
        return out;
    }

    /** The point with this y and the parity of x asked for. */
    private static BigInteger[] point(BigInteger y, boolean odd) {
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (!x.multiply(x).mod(P).equals(x2)) {
            throw new IllegalStateException("no point with y = " + y);
        }
        return new BigInteger[] {x.testBit(0) == odd ? x : P.subtract(x).mod(P), y};
    }

    private static BigInteger challenge(byte[] r, byte[] a, byte[] msg) {
        return new BigInteger(1, reverse(Hashes.ed25519Challenge(r, a, msg)));
    }

    private static BigInteger[] negate(BigInteger[] p) {
        return new BigInteger[] {p[0].negate().mod(P), p[1]};
    }

    private static boolean isIdentity(BigInteger[] p) {
        return p[0].signum() == 0 && p[1].equals(BigInteger.ONE);
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
}
