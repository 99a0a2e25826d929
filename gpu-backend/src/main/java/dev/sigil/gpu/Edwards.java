package dev.sigil.gpu;

import dev.sigil.crypto.Ed25519PublicKey;
import java.math.BigInteger;

/** edwards25519 constants and the base point, for the kernel header and the base-point table. */
final class Edwards {
    static final BigInteger P = Ed25519PublicKey.P;
    static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    /** The base point B: y = 4/5, x even. */
    static final BigInteger[] BASE = base();

    private Edwards() {
    }

    private static BigInteger[] base() {
        BigInteger y = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (x.testBit(0)) {
            x = P.subtract(x);
        }
        return new BigInteger[] {x, y};
    }
}
