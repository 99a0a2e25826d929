package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * The curve arithmetic every backend shares, on Bouncy Castle (the reference, with its fast custom field arithmetic):
 * domain parameters, public-key derivation, affine point addition for tables built once, and the secp256k1
 * recovery id. Variable-time: only public values go in, except the scalar of {@link #publicKey}.
 */
public final class EcArithmetic {
    /** A {@link #recoveryId} for a signature that does not verify under the key. */
    public static final int NOT_VALID = -2;
    /** A {@link #recoveryId} for R.x &ge; n (probability about 2^-128): no id in {0, 1} describes it. */
    public static final int UNREPRESENTABLE = -1;
    private static final Map<Curve, ECDomainParameters> DOMAINS = new EnumMap<>(Curve.class);

    static {
        for (Curve c : Curve.values()) {
            X9ECParameters x9 = CustomNamedCurves.getByName(c.curveName());
            if (x9 == null || !x9.getN().equals(c.n())) {
                throw new IllegalStateException("Bouncy Castle lacks curve " + c.curveName());
            }
            DOMAINS.put(c, new ECDomainParameters(x9));
        }
    }

    private EcArithmetic() {
    }

    public static ECDomainParameters domain(Curve curve) {
        return DOMAINS.get(curve);
    }

    /**
     * The public key d·G of a Weierstrass scheme.
     *
     * @throws IllegalArgumentException when d is not in [1, n-1]
     */
    public static EcPublicKey publicKey(Scheme scheme, BigInteger d) {
        Curve c = scheme.requireCurve();
        if (d.signum() <= 0 || d.compareTo(c.n()) >= 0) {
            throw new IllegalArgumentException("private scalar out of range");
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(domain(c).getG(), d).normalize();
        return EcPublicKey.ofPoint(scheme, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    /**
     * a + b for affine points {x, y} of the scheme's curve: with Bouncy Castle on the Weierstrass curves, by the
     * complete addition law on edwards25519.
     *
     * @throws ArithmeticException when the sum is the point at infinity (Weierstrass)
     */
    public static BigInteger[] add(Scheme scheme, BigInteger[] a, BigInteger[] b) {
        if (scheme == Scheme.ED25519) {
            BigInteger p = Ed25519PublicKey.P;
            BigInteger x1x2 = a[0].multiply(b[0]).mod(p);
            BigInteger y1y2 = a[1].multiply(b[1]).mod(p);
            BigInteger dxy = Ed25519PublicKey.D.multiply(x1x2).mod(p).multiply(y1y2).mod(p);
            BigInteger x = a[0].multiply(b[1]).add(a[1].multiply(b[0]))
                    .multiply(BigInteger.ONE.add(dxy).modInverse(p)).mod(p);
            BigInteger y = y1y2.add(x1x2).multiply(BigInteger.ONE.subtract(dxy).mod(p).modInverse(p)).mod(p);
            return new BigInteger[] {x, y};
        }
        var curve = domain(scheme.requireCurve()).getCurve();
        ECPoint sum = curve.createPoint(a[0], a[1]).add(curve.createPoint(b[0], b[1])).normalize();
        if (sum.isInfinity()) {
            throw new ArithmeticException("sum is the point at infinity");
        }
        return new BigInteger[] {sum.getAffineXCoord().toBigInteger(), sum.getAffineYCoord().toBigInteger()};
    }

    /**
     * The recovery id v of a secp256k1 signature (Ethereum's {@code v - 27}): the parity of the y of the nonce point
     * R = u1·G + u2·Q (u1 = e/s, u2 = r/s), which computing also checks the signature. Negating s flips it.
     *
     * @return 0 or 1, {@link #UNREPRESENTABLE}, or {@link #NOT_VALID}
     */
    public static int recoveryId(EcPublicKey key, byte[] digest, EcSignature sig) {
        ECDomainParameters d = domain(Curve.SECP256K1);
        BigInteger n = d.getN();
        if (!sig.inRange(Curve.SECP256K1)) {
            return NOT_VALID;
        }
        BigInteger w = sig.s().modInverse(n);
        BigInteger e = new BigInteger(1, digest);
        ECPoint q = d.getCurve().createPoint(key.x(), key.y());
        ECPoint r = ECAlgorithms.sumOfTwoMultiplies(d.getG(), e.multiply(w).mod(n), q, sig.r().multiply(w).mod(n))
                .normalize();
        if (r.isInfinity()) {
            return NOT_VALID;
        }
        BigInteger x = r.getAffineXCoord().toBigInteger();
        if (!x.mod(n).equals(sig.r())) {
            return NOT_VALID;
        }
        return x.equals(sig.r()) ? (r.getAffineYCoord().toBigInteger().testBit(0) ? 1 : 0) : UNREPRESENTABLE;
    }

    /**
     * The secp256k1 public key that made the signature (r, s) with recovery id v over the digest (Ethereum's
     * {@code ecrecover}, v being its {@code v - 27}): R = (r, y) with y of the parity v, Q = r⁻¹(s·R − e·G), e the
     * digest as an integer. High S is accepted (the rule set decides it before). Variable-time: public values only.
     *
     * @return the affine {x, y} of Q; empty when r or s is not in [1, n-1], r is not the abscissa of a point, or Q is
     *     the point at infinity
     * @throws IllegalArgumentException when the digest is not 32 bytes or v is not 0 or 1
     */
    public static Optional<BigInteger[]> recoverPublicKey(byte[] digest, BigInteger r, BigInteger s, int v) {
        if (digest.length != 32 || (v != 0 && v != 1)) {
            throw new IllegalArgumentException("recovery takes a 32-byte digest and v in {0, 1}");
        }
        Curve c = Curve.SECP256K1;
        if (!new EcSignature(r, s).inRange(c)) {
            return Optional.empty();
        }
        Optional<BigInteger> y = c.decompress(r, v == 1);
        if (y.isEmpty()) {
            return Optional.empty();
        }
        ECDomainParameters d = domain(c);
        BigInteger n = d.getN();
        BigInteger rInv = r.modInverse(n);
        BigInteger u1 = n.subtract(new BigInteger(1, digest).multiply(rInv).mod(n)).mod(n);
        BigInteger u2 = s.multiply(rInv).mod(n);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(d.getG(), u1, d.getCurve().createPoint(r, y.get()), u2)
                .normalize();
        if (q.isInfinity()) {
            return Optional.empty();
        }
        return Optional.of(new BigInteger[] {q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()});
    }
}
