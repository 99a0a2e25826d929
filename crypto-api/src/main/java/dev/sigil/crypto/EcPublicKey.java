package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/** A point of a short Weierstrass curve, parsed from SEC1 (0x02/0x03 compressed or 0x04 uncompressed). */
public final class EcPublicKey implements PublicKey {
    private final Scheme scheme;
    private final byte[] encoded;
    private final BigInteger x;
    private final BigInteger y;

    private EcPublicKey(Scheme scheme, byte[] encoded, BigInteger x, BigInteger y) {
        this.scheme = scheme;
        this.encoded = encoded;
        this.x = x;
        this.y = y;
    }

    /** Parses and checks a SEC1 key; see {@link PublicKey#parse}. */
    public static EcPublicKey parse(Scheme scheme, byte[] sec1) {
        Curve curve = scheme.requireCurve();
        if (sec1.length == 0) {
            throw malformed("public key is empty");
        }
        int prefix = sec1[0] & 0xff;
        return switch (prefix) {
            case 0x02, 0x03 -> parseCompressed(scheme, curve, sec1, prefix == 0x03);
            case 0x04 -> parseUncompressed(scheme, curve, sec1);
            case 0x06, 0x07 -> throw malformed("hybrid SEC1 encodings are not accepted");
            case 0x00 -> throw malformed("the point at infinity is not a public key");
            default -> throw malformed("unknown SEC1 prefix 0x" + Integer.toHexString(prefix));
        };
    }

    private static EcPublicKey parseCompressed(Scheme scheme, Curve curve, byte[] sec1, boolean odd) {
        if (sec1.length != 1 + Curve.BYTES) {
            throw malformed("a compressed key is 33 bytes, got " + sec1.length);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(sec1, 1, 33));
        BigInteger y = curve.decompress(x, odd)
                .orElseThrow(() -> new MalformedInputException(ProblemCode.INVALID_PUBLIC_KEY,
                        "public key is not a point on " + curve.curveName()));
        return new EcPublicKey(scheme, sec1.clone(), x, y);
    }

    private static EcPublicKey parseUncompressed(Scheme scheme, Curve curve, byte[] sec1) {
        if (sec1.length != 1 + 2 * Curve.BYTES) {
            throw malformed("an uncompressed key is 65 bytes, got " + sec1.length);
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(sec1, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(sec1, 33, 65));
        if (!curve.contains(x, y)) {
            throw new MalformedInputException(ProblemCode.INVALID_PUBLIC_KEY,
                    "public key is not a point on " + curve.curveName());
        }
        return new EcPublicKey(scheme, sec1.clone(), x, y);
    }

    /** Builds the key of the affine point (x, y), which must be on the scheme's curve. */
    public static EcPublicKey ofPoint(Scheme scheme, BigInteger x, BigInteger y) {
        byte[] sec1 = new byte[65];
        sec1[0] = 0x04;
        Bytes.putUnsigned(x, sec1, 1, 32);
        Bytes.putUnsigned(y, sec1, 33, 32);
        return parseUncompressed(scheme, scheme.requireCurve(), sec1);
    }

    private static MalformedInputException malformed(String message) {
        return new MalformedInputException(ProblemCode.MALFORMED_PUBLIC_KEY, message);
    }

    @Override
    public Scheme scheme() {
        return scheme;
    }

    public Curve curve() {
        return scheme.requireCurve();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    /** True when the key was given in compressed form. */
    public boolean isCompressed() {
        return encoded.length == 33;
    }

    public BigInteger x() {
        return x;
    }

    public BigInteger y() {
        return y;
    }

    /** The 65-byte uncompressed SEC1 encoding. */
    public byte[] uncompressed() {
        byte[] out = new byte[65];
        out[0] = 0x04;
        Bytes.putUnsigned(x, out, 1, 32);
        Bytes.putUnsigned(y, out, 33, 32);
        return out;
    }

    /** The 33-byte compressed SEC1 encoding. */
    public byte[] compressed() {
        byte[] out = new byte[33];
        out[0] = (byte) (y.testBit(0) ? 0x03 : 0x02);
        Bytes.putUnsigned(x, out, 1, 32);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcPublicKey k && k.scheme == scheme && k.x.equals(x) && k.y.equals(y);
    }

    @Override
    public int hashCode() {
        return 31 * x.hashCode() + y.hashCode() + scheme.hashCode();
    }

    @Override
    public String toString() {
        return scheme + ":" + Hex.encode(encoded);
    }
}
