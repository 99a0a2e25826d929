package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * A BIP-340 public key: 32 bytes, the x coordinate of a secp256k1 point whose y is even. A key of the right length is
 * always well-formed; whether BIP-340's {@code lift_x} finds a point for it ({@link #isLiftable()}: x below p and
 * x³ + 7 a square) is part of verification, where a key that cannot be lifted makes every signature fail
 * ({@code invalid}, as the BIP says, not {@code malformed}).
 */
public final class XOnlyPublicKey implements PublicKey {
    /** Bytes of an x-only key. */
    public static final int BYTES = 32;

    private final byte[] encoded;
    private final BigInteger x;
    private final BigInteger y;

    private XOnlyPublicKey(byte[] encoded, BigInteger x, BigInteger y) {
        this.encoded = encoded;
        this.x = x;
        this.y = y;
    }

    /**
     * Parses 32 bytes; see {@link PublicKey#parse}.
     *
     * @throws MalformedInputException {@link ProblemCode#MALFORMED_PUBLIC_KEY} for a length other than 32
     */
    public static XOnlyPublicKey parse(byte[] x32) {
        if (x32.length != BYTES) {
            throw new MalformedInputException(ProblemCode.MALFORMED_PUBLIC_KEY,
                    "a schnorr-secp256k1 public key is 32 bytes (x-only), got " + x32.length);
        }
        BigInteger x = new BigInteger(1, x32);
        return new XOnlyPublicKey(x32.clone(), x, liftX(x).orElse(null));
    }

    /**
     * BIP-340's {@code lift_x}: the even y with (x, y) on secp256k1, or empty when x is not below p or x³ + 7 is not a
     * square mod p.
     */
    public static Optional<BigInteger> liftX(BigInteger x) {
        return Curve.SECP256K1.decompress(x, false);
    }

    /** True when {@code lift_x} finds a point for this key, so that a signature under it can verify. */
    public boolean isLiftable() {
        return y != null;
    }

    /** The x coordinate (may be ≥ p for a key that is not liftable). */
    public BigInteger x() {
        return x;
    }

    /**
     * The even y of the lifted point.
     *
     * @throws IllegalStateException when the key is not liftable
     */
    public BigInteger y() {
        if (y == null) {
            throw new IllegalStateException("x-only key " + this + " is not the x of a curve point");
        }
        return y;
    }

    @Override
    public Scheme scheme() {
        return Scheme.SCHNORR_SECP256K1;
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XOnlyPublicKey k && Arrays.equals(k.encoded, encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return Scheme.SCHNORR_SECP256K1 + ":" + Hex.encode(encoded);
    }
}
