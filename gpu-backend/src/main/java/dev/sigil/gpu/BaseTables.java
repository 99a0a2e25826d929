package dev.sigil.gpu;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.Scheme;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The comb tables of the fixed base points: entry (i, d) = d * 2^(8i) * G for i in [0, 32), d in [1, 256), in
 * the field's internal form (see {@link KernelConstants#fieldRep}). Weierstrass entries are affine (x, y), 16 words; Ed25519 entries are niels (y+x, y-x, 2dxy),
 * 24 words. Built once per process.
 */
final class BaseTables {
    /** Bits per comb digit; the kernels get it, and the derived sizes, from the generated header. */
    static final int COMB_BITS = 8;
    static final int WINDOWS = 256 / COMB_BITS;
    static final int ENTRIES = (1 << COMB_BITS) - 1;
    private static final Map<Scheme, int[]> CACHE = new EnumMap<>(Scheme.class);

    private BaseTables() {
    }

    /** The comb table of G for the scheme's program (BIP-340 shares secp256k1 ECDSA's). */
    static synchronized int[] of(Scheme scheme) {
        return CACHE.computeIfAbsent(scheme == Scheme.SCHNORR_SECP256K1 ? Scheme.ECDSA_SECP256K1 : scheme,
                BaseTables::build);
    }

    private static int[] build(Scheme scheme) {
        if (scheme == Scheme.ED25519) {
            return comb(Edwards.BASE, (a, b) -> EcArithmetic.add(scheme, a, b), 24, BaseTables::niels);
        }
        Curve c = scheme.requireCurve();
        return comb(new BigInteger[] {c.gx(), c.gy()}, (a, b) -> EcArithmetic.add(scheme, a, b), 16,
                pt -> new BigInteger[] {KernelConstants.fieldRep(scheme, pt[0]), KernelConstants.fieldRep(scheme, pt[1])});
    }

    private static int[] comb(BigInteger[] g, BinaryOperator<BigInteger[]> add, int entryWords,
            java.util.function.Function<BigInteger[], BigInteger[]> encode) {
        int[] out = new int[WINDOWS * ENTRIES * entryWords];
        BigInteger[] base = g;
        for (int i = 0; i < WINDOWS; i++) {
            BigInteger[] m = base;
            for (int d = 1; d <= ENTRIES; d++) {
                if (d > 1) {
                    m = add.apply(m, base);
                }
                BigInteger[] coords = encode.apply(m);
                int at = (i * ENTRIES + d - 1) * entryWords;
                for (int c = 0; c < coords.length; c++) {
                    System.arraycopy(KernelConstants.words(coords[c]), 0, out, at + 8 * c, 8);
                }
            }
            base = add.apply(m, base);
        }
        return out;
    }

    private static BigInteger[] niels(BigInteger[] pt) {
        BigInteger p = Edwards.P;
        BigInteger ypx = pt[1].add(pt[0]).mod(p);
        BigInteger ymx = pt[1].subtract(pt[0]).mod(p);
        BigInteger t2d = pt[0].multiply(pt[1]).multiply(Edwards.D).shiftLeft(1).mod(p);
        return new BigInteger[] {KernelConstants.fieldRep(Scheme.ED25519, ypx),
                KernelConstants.fieldRep(Scheme.ED25519, ymx), KernelConstants.fieldRep(Scheme.ED25519, t2d)};
    }
}
