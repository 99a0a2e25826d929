package dev.sigil.gpu;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Scheme;
import java.math.BigInteger;

/**
 * The constants the kernels are compiled with, computed from the domain parameters in crypto-api: each program
 * gets a header of {@code __constant} arrays (moduli, Montgomery constants, exponents, curve coefficients), so no
 * number is typed twice.
 */
final class KernelConstants {
    static final BigInteger R = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger LIMB = BigInteger.ONE.shiftLeft(64);

    private KernelConstants() {
    }

    /** The generated header of the program for a scheme. */
    static String header(Scheme scheme) {
        StringBuilder h = new StringBuilder("/* generated from the domain parameters of ").append(scheme)
                .append(" */\n");
        h.append("#define COMB_BITS ").append(BaseTables.COMB_BITS).append('\n');
        h.append("#define COMB_WINDOWS ").append(BaseTables.WINDOWS).append('\n');
        h.append("#define COMB_ENTRIES ").append(BaseTables.ENTRIES).append("u\n");
        h.append("#define RESULT_INVALID ").append(ResultDecoder.INVALID).append("\n#define RESULT_VALID ")
                .append(ResultDecoder.VALID).append("\n#define RESULT_TORSION ").append(ResultDecoder.TORSION)
                .append("\n#define RESULT_DEVICE_ERROR ").append(ResultDecoder.DEVICE_ERROR).append('\n');
        if (scheme == Scheme.ED25519) {
            BigInteger p = Ed25519PublicKey.P;
            field(h, scheme, p);
            array(h, "ed_d_m", fieldRep(scheme, Edwards.D));
            array(h, "ed_d2_m", fieldRep(scheme, Edwards.D.shiftLeft(1).mod(p)));
            array(h, "ed_sqrtm1_m", fieldRep(scheme, Edwards.SQRT_M1));
            array(h, "ed_pm5d8", p.subtract(BigInteger.valueOf(5)).shiftRight(3));
            return h.toString();
        }
        Curve c = scheme.requireCurve();
        BigInteger p = c.p();
        h.append("#define CURVE_A_IS_ZERO ").append(c.a().signum() == 0 ? 1 : 0).append('\n');
        if (c.a().signum() != 0 && !c.a().equals(p.subtract(BigInteger.valueOf(3)))) {
            throw new IllegalStateException("the doubling formula needs a = 0 or a = -3");
        }
        field(h, scheme, p);
        array(h, "fp_sqrt_exp", p.add(BigInteger.ONE).shiftRight(2));
        array(h, "fp_pm2", p.subtract(BigInteger.TWO));
        array(h, "curve_a_m", fieldRep(scheme, c.a()));
        array(h, "curve_b_m", fieldRep(scheme, c.b()));
        BigInteger n = c.n();
        modulus(h, "sc", "SC", n);
        array(h, "sc_one_m", R.mod(n));
        array(h, "sc_nm2", n.subtract(BigInteger.TWO));
        array(h, "sc_half_n_plus1", n.shiftRight(1).add(BigInteger.ONE));
        boolean glv = c == Curve.SECP256K1;
        h.append("#define CURVE_GLV ").append(glv ? 1 : 0).append('\n');
        if (glv) {
            array(h, "glv_g1", Glv.G1);
            array(h, "glv_g2", Glv.G2);
            array(h, "glv_k1_m", mont(Glv.K1, n));
            array(h, "glv_k2_m", mont(Glv.K2, n));
            array(h, "glv_lambda_m", mont(Glv.LAMBDA, n));
            array(h, "glv_beta", fieldRep(scheme, Glv.BETA));
        }
        return h.toString();
    }

    /**
     * True for the primes with a fast fold, 2^256 = C (mod p) for a one-limb C: secp256k1 (p = 2^256 - 2^32 - 977;
     * ECDSA and BIP-340) and 2^255 - 19. Their elements are kept as plain values; the others in Montgomery form.
     */
    static boolean pseudoMersenne(Scheme scheme) {
        return scheme == Scheme.ED25519 || scheme.curve().orElse(null) == Curve.SECP256K1;
    }

    /** A field element in the kernels' internal form for the scheme. */
    static BigInteger fieldRep(Scheme scheme, BigInteger v) {
        BigInteger p = scheme == Scheme.ED25519 ? Ed25519PublicKey.P : scheme.requireCurve().p();
        return pseudoMersenne(scheme) ? v.mod(p) : mont(v, p);
    }

    private static void field(StringBuilder h, Scheme scheme, BigInteger p) {
        boolean pm = pseudoMersenne(scheme);
        h.append("#define FP_PSEUDO_MERSENNE ").append(pm ? 1 : 0).append('\n');
        h.append("#define FP_FOLD_255 ").append(scheme == Scheme.ED25519 ? 1 : 0).append('\n');
        if (pm) {
            h.append("#define FP_C 0x").append(R.mod(p).toString(16)).append("ul\n");
        }
        modulus(h, "fp", "FP", p);
        array(h, "fp_one_m", fieldRep(scheme, BigInteger.ONE));
    }

    private static void modulus(StringBuilder h, String prefix, String macro, BigInteger m) {
        array(h, prefix + (prefix.equals("fp") ? "_p" : "_n"), m);
        array(h, prefix + "_r2", R.multiply(R).mod(m));
        BigInteger minv = m.modInverse(LIMB).negate().mod(LIMB);
        h.append("#define ").append(macro).append("_MINV 0x").append(minv.toString(16)).append("ul\n");
    }

    private static void array(StringBuilder h, String name, BigInteger v) {
        h.append("__constant ulong ").append(name).append("[4] = {");
        int[] w = words(v);
        for (int j = 0; j < 4; j++) {
            long limb = (w[2 * j] & 0xffffffffL) | ((long) w[2 * j + 1] << 32);
            h.append(j == 0 ? "" : ", ").append("0x").append(Long.toHexString(limb)).append("ul");
        }
        h.append("};\n");
    }

    /** v * 2^256 mod m. */
    static BigInteger mont(BigInteger v, BigInteger m) {
        return v.mod(m).multiply(R).mod(m);
    }

    /** The eight little-endian 32-bit words of a value below 2^256. */
    static int[] words(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) {
            throw new IllegalArgumentException("not a 256-bit value");
        }
        int[] w = new int[8];
        for (int j = 0; j < 8; j++) {
            w[j] = v.shiftRight(32 * j).intValue();
        }
        return w;
    }
}
