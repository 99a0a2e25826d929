package dev.sigil.cpu;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Seeded random and adversarial items for the differential tests: valid signatures by a few keys and variants of
 * them (bit flips in r, s, message or signature bytes; s ↦ n − s; another key; r and s swapped; random scalars;
 * digest items; S + L) and, for Ed25519, signatures under keys with a torsion component (A' = aB + T, T of order 8,
 * S = r + k·a), which the cofactored check accepts and a cofactorless one rejects unless 8 divides k.
 */
final class AdversarialItems {
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger SQRT_M1 = BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
    /** An encoded point of order 8. */
    private static final byte[] T8 = HexFormat.of()
            .parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");

    private final Scheme scheme;
    private final Random rnd;
    private final List<SigningKey.Software> keys = new ArrayList<>();
    private final List<byte[]> messages = new ArrayList<>();
    private final List<byte[]> signatures = new ArrayList<>();
    private final List<Integer> signer = new ArrayList<>();
    private final List<EncodedItem> torsion = new ArrayList<>();

    AdversarialItems(Scheme scheme, long seed, int bases, CpuBackend reference) {
        this.scheme = scheme;
        this.rnd = new Random(seed);
        for (int k = 0; k < 8; k++) {
            keys.add(SoftwareKeys.generate("diff-" + k, scheme));
        }
        for (int k = 0; k < keys.size(); k++) {
            List<byte[]> inputs = new ArrayList<>();
            for (int b = k; b < bases; b += keys.size()) {
                byte[] m = new byte[rnd.nextInt(80)];
                rnd.nextBytes(m);
                messages.add(m);
                signer.add(k);
                inputs.add(switch (scheme) {
                    case ED25519, SCHNORR_SECP256K1 -> m;
                    case SM2 -> Sm2.e(Sm2.DEFAULT_USER_ID, (EcPublicKey) keys.get(k).publicKey(), m);
                    default -> Hashes.sha256(m);
                });
            }
            reference.sign(keys.get(k), inputs).forEach(s -> signatures.add(s.bytes()));
        }
        if (scheme == Scheme.ED25519) {
            for (int t = 0; t < Math.max(8, bases / 8); t++) {
                torsion.add(torsionItem());
            }
        }
    }

    /** The Ed25519 items whose key has a torsion component. */
    List<EncodedItem> torsionItems() {
        return List.copyOf(torsion);
    }

    List<EncodedItem> items(int count) {
        List<EncodedItem> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int b = rnd.nextInt(messages.size());
            out.add(scheme != Scheme.ED25519 ? weierstrass(b)
                    : rnd.nextInt(10) == 0 ? torsion.get(rnd.nextInt(torsion.size())) : ed25519(b));
        }
        return out;
    }

    private EncodedItem weierstrass(int b) {
        Curve c = scheme.requireCurve();
        EcPublicKey key = (EcPublicKey) keys.get(signer.get(b)).publicKey();
        byte[] msg = messages.get(b);
        EcSignature sig = EcSignature.fromRaw(signatures.get(b));
        int variant = rnd.nextInt(10);
        switch (variant) {
            case 3 -> sig = EcSignature.fromRaw(flip(sig.toRaw()));
            case 4 -> msg = flip(msg.length == 0 ? new byte[1] : msg);
            case 5 -> sig = new EcSignature(sig.r(), c.n().subtract(sig.s()));
            case 6 -> key = (EcPublicKey) keys.get((signer.get(b) + 1) % keys.size()).publicKey();
            case 7 -> sig = new EcSignature(sig.s(), sig.r());
            case 8 -> sig = new EcSignature(new BigInteger(256, rnd).mod(c.n()), new BigInteger(256, rnd).mod(c.n()));
            default -> { }
        }
        byte[] pk = rnd.nextBoolean() ? key.compressed() : key.uncompressed();
        boolean der = rnd.nextBoolean();
        byte[] sigBytes = der ? sig.toDer() : sig.toRaw();
        if (variant == 9) {
            sigBytes = flip(sigBytes);
        }
        EncodedItem item = rnd.nextInt(3) == 0 && scheme != Scheme.SM2
                ? EncodedItem.ofDigest(pk, Hashes.sha256(msg), sigBytes)
                : EncodedItem.ofMessage(pk, msg, sigBytes);
        return item.withFormat(der ? SignatureFormat.DER : SignatureFormat.RAW);
    }

    private EncodedItem ed25519(int b) {
        byte[] pk = keys.get(signer.get(b)).publicKey().encoded();
        byte[] msg = messages.get(b);
        byte[] sig = signatures.get(b).clone();
        switch (rnd.nextInt(9)) {
            case 3 -> sig[rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
            case 4 -> sig[32 + rnd.nextInt(32)] ^= (byte) (1 << rnd.nextInt(8));
            case 5 -> msg = flip(msg.length == 0 ? new byte[1] : msg);
            case 6 -> pk = keys.get((signer.get(b) + 1) % keys.size()).publicKey().encoded();
            case 7 -> sig = sPlusL(sig);
            case 8 -> rnd.nextBytes(sig);
            default -> { }
        }
        return EncodedItem.ofMessage(pk, msg, sig);
    }

    /** A' = aB + T, R = rB, S = r + k·a with k = H(R ‖ A' ‖ M): aB and rB from Bouncy Castle's key generation. */
    private EncodedItem torsionItem() {
        byte[] seedA = new byte[32];
        byte[] seedR = new byte[32];
        rnd.nextBytes(seedA);
        rnd.nextBytes(seedR);
        BigInteger a = clampedScalar(seedA);
        BigInteger r = clampedScalar(seedR);
        byte[] pubA = new byte[32];
        byte[] pointR = new byte[32];
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seedA, 0, pubA, 0);
        org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seedR, 0, pointR, 0);
        byte[] aPrime = encode(add(decode(pubA), decode(T8)));
        byte[] msg = new byte[1 + rnd.nextInt(40)];
        rnd.nextBytes(msg);
        BigInteger k = new BigInteger(1, reverse(Hashes.ed25519Challenge(pointR, aPrime, msg)));
        BigInteger s = r.add(k.multiply(a)).mod(Ed25519PublicKey.L);
        byte[] sig = new byte[64];
        System.arraycopy(pointR, 0, sig, 0, 32);
        System.arraycopy(littleEndian(s), 0, sig, 32, 32);
        return EncodedItem.ofMessage(aPrime, msg, sig);
    }

    private static BigInteger clampedScalar(byte[] seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-512").digest(seed);
            h[0] &= (byte) 248;
            h[31] &= 127;
            h[31] |= 64;
            return new BigInteger(1, reverse(java.util.Arrays.copyOf(h, 32)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger[] decode(byte[] enc) {
        byte[] le = enc.clone();
        boolean sign = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        BigInteger y = new BigInteger(1, reverse(le));
        BigInteger y2 = y.multiply(y).mod(P);
        BigInteger x2 = y2.subtract(BigInteger.ONE).multiply(D.multiply(y2).add(BigInteger.ONE).modInverse(P)).mod(P);
        BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
        if (!x.multiply(x).mod(P).equals(x2)) {
            x = x.multiply(SQRT_M1).mod(P);
        }
        if (x.testBit(0) != sign) {
            x = P.subtract(x).mod(P);
        }
        return new BigInteger[] {x, y};
    }

    private static BigInteger[] add(BigInteger[] p, BigInteger[] q) {
        BigInteger t = D.multiply(p[0]).multiply(q[0]).multiply(p[1]).multiply(q[1]).mod(P);
        BigInteger x = p[0].multiply(q[1]).add(p[1].multiply(q[0]))
                .multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
        BigInteger y = p[1].multiply(q[1]).add(p[0].multiply(q[0]))
                .multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x, y};
    }

    private static byte[] encode(BigInteger[] pt) {
        byte[] out = littleEndian(pt[1]);
        if (pt[0].testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private byte[] flip(byte[] in) {
        byte[] out = in.clone();
        out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
        return out;
    }

    private static byte[] sPlusL(byte[] sig) {
        byte[] out = sig.clone();
        BigInteger s = new BigInteger(1, reverse(java.util.Arrays.copyOfRange(sig, 32, 64))).add(Ed25519PublicKey.L);
        System.arraycopy(littleEndian(s), 0, out, 32, 32);
        return out;
    }

    private static byte[] littleEndian(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        for (int i = 0; i < Math.min(32, be.length); i++) {
            out[i] = be[be.length - 1 - i];
        }
        return out;
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }
}
