package dev.sigil.gpu;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.Scheme;
import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The comb tables of the fixed base points: entry (i, d) = d * 16^i * G for i in [0, 64), d in [1, 16), in
 * the field's internal form (see {@link KernelConstants#fieldRep}). Weierstrass entries are affine (x, y), 16 words; Ed25519 entries are niels (y+x, y-x, 2dxy),
 * 24 words. Built once per process.
 */
final class BaseTables {
    private static final Map<Scheme, int[]> CACHE = new EnumMap<>(Scheme.class);

    private BaseTables() {
    }

    static synchronized int[] of(Scheme scheme) {
        return CACHE.computeIfAbsent(scheme, BaseTables::build);
    }

    private static int[] build(Scheme scheme) {
        if (scheme == Scheme.ED25519) {
            return comb(Edwards.BASE, Edwards::add, 24, BaseTables::niels);
        }
        Curve c = scheme.requireCurve();
        return comb(new BigInteger[] {c.gx(), c.gy()}, (a, b) -> Weierstrass.add(c, a, b), 16,
                pt -> new BigInteger[] {KernelConstants.fieldRep(scheme, pt[0]), KernelConstants.fieldRep(scheme, pt[1])});
    }

    private static int[] comb(BigInteger[] g, BinaryOperator<BigInteger[]> add, int entryWords,
            java.util.function.Function<BigInteger[], BigInteger[]> encode) {
        int[] out = new int[64 * 15 * entryWords];
        BigInteger[] base = g;
        for (int i = 0; i < 64; i++) {
            BigInteger[] m = base;
            for (int d = 1; d < 16; d++) {
                if (d > 1) {
                    m = add.apply(m, base);
                }
                BigInteger[] coords = encode.apply(m);
                int at = (i * 15 + d - 1) * entryWords;
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
