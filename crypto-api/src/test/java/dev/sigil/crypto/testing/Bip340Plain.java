package dev.sigil.crypto.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * BIP-340 verification transcribed from the BIP's reference code with plain {@link BigInteger} affine arithmetic,
 * independent of the project's code and of Bouncy Castle: the check the other implementations are held against in
 * tests. Slow; for tests only.
 */
public final class Bip340Plain {
    private static final BigInteger P = new BigInteger(
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f", 16);
    private static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final BigInteger[] G = {
        new BigInteger("79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16),
        new BigInteger("483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8", 16)};
    private static final BigInteger SEVEN = BigInteger.valueOf(7);

    private Bip340Plain() {
    }

    /** BIP-340's {@code Verify(pk, m, sig)}; false for wrong lengths too. */
    public static boolean verify(byte[] pk, byte[] m, byte[] sig) {
        if (pk.length != 32 || sig.length != 64) {
            return false;
        }
        BigInteger[] p = liftX(new BigInteger(1, pk));
        BigInteger r = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 0, 32));
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        if (p == null || r.compareTo(P) >= 0 || s.compareTo(N) >= 0) {
            return false;
        }
        BigInteger e = new BigInteger(1, taggedHash("BIP0340/challenge",
                java.util.Arrays.copyOfRange(sig, 0, 32), pk, m)).mod(N);
        BigInteger[] rr = add(mul(G, s), mul(p, N.subtract(e)));
        return rr != null && !rr[1].testBit(0) && rr[0].equals(r);
    }

    static BigInteger[] liftX(BigInteger x) {
        if (x.compareTo(P) >= 0) {
            return null;
        }
        BigInteger c = x.modPow(BigInteger.valueOf(3), P).add(SEVEN).mod(P);
        BigInteger y = c.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        if (!y.modPow(BigInteger.TWO, P).equals(c)) {
            return null;
        }
        return new BigInteger[] {x, y.testBit(0) ? P.subtract(y) : y};
    }

    private static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a[0].equals(b[0]) && !a[1].equals(b[1])) {
            return null;
        }
        BigInteger lam = a[0].equals(b[0])
                ? BigInteger.valueOf(3).multiply(a[0].pow(2)).multiply(a[1].shiftLeft(1).modInverse(P)).mod(P)
                : b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P)).mod(P);
        BigInteger x = lam.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
        return new BigInteger[] {x, lam.multiply(a[0].subtract(x)).subtract(a[1]).mod(P)};
    }

    private static BigInteger[] mul(BigInteger[] p, BigInteger k) {
        BigInteger[] acc = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            acc = add(acc, acc);
            if (k.testBit(i)) {
                acc = add(acc, p);
            }
        }
        return acc;
    }

    static byte[] taggedHash(String tag, byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] t = d.digest(tag.getBytes(StandardCharsets.UTF_8));
            d.update(t);
            d.update(t);
            for (byte[] x : parts) {
                d.update(x);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
