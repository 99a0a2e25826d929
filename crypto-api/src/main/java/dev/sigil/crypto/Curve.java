package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.Optional;

/**
 * Domain parameters of the three short Weierstrass curves (y² = x³ + ax + b over GF(p), cofactor 1),
 * with the point checks the edge needs. All three primes are ≡ 3 (mod 4), so square roots are one power.
 */
public enum Curve {
    SECP256K1("secp256k1", "1.3.132.0.10",
            "fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2f",
            "0",
            "7",
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
            "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"),
    P256("secp256r1", "1.2.840.10045.3.1.7",
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff",
            "ffffffff00000001000000000000000000000000fffffffffffffffffffffffc",
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b",
            "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
            "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
            "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"),
    SM2P256V1("sm2p256v1", "1.2.156.10197.1.301",
            "fffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffff",
            "fffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffc",
            "28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93",
            "32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7",
            "bc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0",
            "fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123");

    /** Byte length of a field element and of a scalar. */
    public static final int BYTES = 32;

    private final String curveName;
    private final String oid;
    private final BigInteger p;
    private final BigInteger a;
    private final BigInteger b;
    private final BigInteger gx;
    private final BigInteger gy;
    private final BigInteger n;
    private final BigInteger halfN;
    private final BigInteger sqrtExponent;

    Curve(String curveName, String oid, String p, String a, String b, String gx, String gy, String n) {
        this.curveName = curveName;
        this.oid = oid;
        this.p = new BigInteger(p, 16);
        this.a = new BigInteger(a, 16);
        this.b = new BigInteger(b, 16);
        this.gx = new BigInteger(gx, 16);
        this.gy = new BigInteger(gy, 16);
        this.n = new BigInteger(n, 16);
        this.halfN = this.n.shiftRight(1);
        this.sqrtExponent = this.p.add(BigInteger.ONE).shiftRight(2);
    }

    /** The SEC 2 / GM/T name of the curve, as Bouncy Castle knows it. */
    public String curveName() {
        return curveName;
    }

    /** The ASN.1 object identifier of the named curve (dotted form). */
    public String oid() {
        return oid;
    }

    public BigInteger p() {
        return p;
    }

    public BigInteger a() {
        return a;
    }

    public BigInteger b() {
        return b;
    }

    public BigInteger gx() {
        return gx;
    }

    public BigInteger gy() {
        return gy;
    }

    /** The group order. */
    public BigInteger n() {
        return n;
    }

    /** floor(n / 2): an ECDSA s above this is "high S". */
    public BigInteger halfN() {
        return halfN;
    }

    /** True when (x, y) are field elements that satisfy the curve equation. */
    public boolean contains(BigInteger x, BigInteger y) {
        if (!isFieldElement(x) || !isFieldElement(y)) {
            return false;
        }
        return y.multiply(y).mod(p).equals(rhs(x));
    }

    /** The y with the given parity such that (x, y) is on the curve, if x is the abscissa of a point. */
    public Optional<BigInteger> decompress(BigInteger x, boolean yOdd) {
        if (!isFieldElement(x)) {
            return Optional.empty();
        }
        BigInteger alpha = rhs(x);
        BigInteger y = alpha.modPow(sqrtExponent, p);
        if (!y.multiply(y).mod(p).equals(alpha)) {
            return Optional.empty();
        }
        if (y.testBit(0) != yOdd) {
            if (y.signum() == 0) {
                return Optional.empty();
            }
            y = p.subtract(y);
        }
        return Optional.of(y);
    }

    private boolean isFieldElement(BigInteger v) {
        return v.signum() >= 0 && v.compareTo(p) < 0;
    }

    private BigInteger rhs(BigInteger x) {
        return x.multiply(x).add(a).multiply(x).add(b).mod(p);
    }
}
