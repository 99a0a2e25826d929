package dev.sigil.gpu;

import dev.sigil.cpu.CpuBackend;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random verification items for differential tests: a set of base signatures made by the CPU backend, and from
 * each many variants (valid in DER and raw, compressed and uncompressed keys, message or digest, a flipped bit in
 * the signature or the message, high S, a wrong key, r and s swapped, random r and s; Ed25519: flipped bits in R,
 * S and the message, a wrong key, S + L). Seeded, so a failure can be replayed.
 */
final class RandomItems {
    private final Scheme scheme;
    private final Random rnd;
    private final List<SigningKey.Software> keys = new ArrayList<>();
    private final List<byte[]> messages = new ArrayList<>();
    private final List<byte[]> signatures = new ArrayList<>();
    private final List<Integer> signer = new ArrayList<>();

    RandomItems(Scheme scheme, long seed, int bases, CpuBackend cpu) {
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
                inputs.add(signingInput(keys.get(k), m));
            }
            cpu.sign(keys.get(k), inputs).forEach(s -> signatures.add(s.bytes()));
        }
    }

    private byte[] signingInput(SigningKey key, byte[] m) {
        return switch (scheme) {
            case ED25519 -> m;
            case SM2 -> Sm2.e(Sm2.DEFAULT_USER_ID, (EcPublicKey) key.publicKey(), m);
            default -> Hashes.sha256(m);
        };
    }

    List<EncodedItem> items(int count) {
        List<EncodedItem> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            int b = rnd.nextInt(messages.size());
            out.add(scheme == Scheme.ED25519 ? ed25519Variant(b) : weierstrassVariant(b));
        }
        return out;
    }

    private EncodedItem weierstrassVariant(int b) {
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

    private EncodedItem ed25519Variant(int b) {
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

    private byte[] flip(byte[] in) {
        byte[] out = in.clone();
        out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
        return out;
    }

    private static byte[] sPlusL(byte[] sig) {
        byte[] out = sig.clone();
        byte[] le = new byte[32];
        System.arraycopy(sig, 32, le, 0, 32);
        BigInteger s = new BigInteger(1, reverse(le)).add(Ed25519PublicKey.L);
        byte[] be = s.toByteArray();
        byte[] fixed = new byte[32];
        System.arraycopy(be, Math.max(0, be.length - 32), fixed, 32 - Math.min(32, be.length), Math.min(32, be.length));
        System.arraycopy(reverse(fixed), 0, out, 32, 32);
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
