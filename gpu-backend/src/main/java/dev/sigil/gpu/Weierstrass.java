package dev.sigil.gpu;

import dev.sigil.crypto.Curve;
import java.math.BigInteger;

/** Affine short Weierstrass arithmetic with BigInteger, for building the generator table once at start. */
final class Weierstrass {
    private Weierstrass() {
    }

    /** a + b for points that are not infinity and not negatives of each other. */
    static BigInteger[] add(Curve c, BigInteger[] a, BigInteger[] b) {
        BigInteger p = c.p();
        BigInteger lambda;
        if (a[0].equals(b[0])) {
            if (!a[1].equals(b[1]) || a[1].signum() == 0) {
                throw new ArithmeticException("sum is the point at infinity");
            }
            lambda = a[0].multiply(a[0]).multiply(BigInteger.valueOf(3)).add(c.a())
                    .multiply(a[1].shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).mod(p).modInverse(p)).mod(p);
        }
        BigInteger x = lambda.multiply(lambda).subtract(a[0]).subtract(b[0]).mod(p);
        BigInteger y = lambda.multiply(a[0].subtract(x)).subtract(a[1]).mod(p);
        return new BigInteger[] {x, y};
    }
}
