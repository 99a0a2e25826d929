package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;

/**
 * An Ed25519 public key A: 32 bytes, the canonical encoding (y &lt; p) of a point of edwards25519.
 * Points of small order (the eight torsion points) are well-formed but are rejected as signers by
 * {@link #isSmallOrder()}, exactly as Bouncy Castle's {@code Ed25519.verify} rejects them.
 */
public final class Ed25519PublicKey implements PublicKey {
    /** 2^255 - 19. */
    public static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The order of the prime-order subgroup, 2^252 + 27742317777372353535851937790883648493. */
    public static final BigInteger L = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));
    static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    /** y coordinates of the points of order dividing 8 (y = 0, 1, p-1 and the two order-8 values). */
    private static final Set<BigInteger> SMALL_ORDER_Y = Set.of(
            BigInteger.ZERO, BigInteger.ONE, P.subtract(BigInteger.ONE),
            new BigInteger("2707385501144840649318225287225658788936804267575313519463743609750303402022"),
            new BigInteger("55188659117513257062467267217118295137698188065244968500265048394206261417927"));

    private final byte[] encoded;
    private final boolean smallOrder;

    private Ed25519PublicKey(byte[] encoded, boolean smallOrder) {
        this.encoded = encoded;
        this.smallOrder = smallOrder;
    }

    /** Parses and checks the 32-byte key; see {@link PublicKey#parse}. */
    public static Ed25519PublicKey parse(byte[] a) {
        if (a.length != 32) {
            throw new MalformedInputException(ProblemCode.MALFORMED_PUBLIC_KEY,
                    "an Ed25519 public key is 32 bytes, got " + a.length);
        }
        BigInteger y = yOf(a);
        if (y.compareTo(P) >= 0) {
            throw new MalformedInputException(ProblemCode.INVALID_PUBLIC_KEY, "public key is not canonical (y >= p)");
        }
        if (!decodes(a)) {
            throw new MalformedInputException(ProblemCode.INVALID_PUBLIC_KEY,
                    "public key is not a point on edwards25519");
        }
        return new Ed25519PublicKey(a.clone(), SMALL_ORDER_Y.contains(y));
    }

    /** The y coordinate of an encoded point (the low 255 bits, little-endian). */
    static BigInteger yOf(byte[] point) {
        byte[] be = Bytes.reversed(point);
        be[0] &= 0x7f;
        return new BigInteger(1, be);
    }

    /** True when the 32 bytes decode to a point (y may be non-canonical: it is taken as given). */
    public static boolean decodes(byte[] point) {
        BigInteger y = yOf(point).mod(P);
        boolean xOdd = (point[31] & 0x80) != 0;
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger u = y2.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(y2).add(BigInteger.ONE).mod(P);
        BigInteger x2 = u.multiply(v.modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
            if (!x.multiply(x).mod(P).equals(x2)) {
                return false;
            }
        }
        return !(x.signum() == 0 && xOdd);
    }

    /** True for the eight points of small order, which Bouncy Castle's verify rejects as public keys. */
    public boolean isSmallOrder() {
        return smallOrder;
    }

    @Override
    public Scheme scheme() {
        return Scheme.ED25519;
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519PublicKey k && Arrays.equals(k.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "ed25519:" + Hex.encode(encoded);
    }
}
