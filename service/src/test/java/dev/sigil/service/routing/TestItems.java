package dev.sigil.service.routing;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Signed test items made by the CPU backend, and random batches built from them: valid signatures, signatures over
 * altered messages (invalid), high-S twins of ECDSA signatures (invalid under {@code low-s} only), and signatures
 * that are not strict DER (malformed).
 */
final class TestItems {
    /** A valid signature with its key and message. */
    record Signed(SigningKey.Software key, byte[] message, byte[] signature) {
    }

    private final Map<Scheme, List<Signed>> pool = new EnumMap<>(Scheme.class);

    private TestItems() {
    }

    /** {@code perScheme} valid items for every scheme, by a few keys. */
    static TestItems create(CpuBackend cpu, int perScheme, long seed) {
        TestItems t = new TestItems();
        Random rnd = new Random(seed);
        for (Scheme scheme : Scheme.values()) {
            List<SigningKey.Software> keys = List.of(SoftwareKeys.generate("t1", scheme), SoftwareKeys.generate("t2", scheme),
                    SoftwareKeys.generate("t3", scheme));
            List<Signed> list = new ArrayList<>();
            for (int i = 0; i < perScheme; i++) {
                SigningKey.Software k = keys.get(i % keys.size());
                byte[] msg = new byte[8 + rnd.nextInt(64)];
                rnd.nextBytes(msg);
                byte[] raw = cpu.sign(k, List.of(signedInput(scheme, k, msg))).getFirst().bytes();
                list.add(new Signed(k, msg, scheme == Scheme.ED25519 ? raw : EcSignature.fromRaw(raw).toDer()));
            }
            t.pool.put(scheme, List.copyOf(list));
        }
        return t;
    }

    static byte[] signedInput(Scheme scheme, SigningKey key, byte[] message) {
        return scheme == Scheme.ED25519 ? message
                : Hashes.signedDigest(scheme, (EcPublicKey) key.publicKey(), Sm2.DEFAULT_USER_ID, message);
    }

    /** {@code n} valid items of the scheme. */
    VerifyBatch valid(Scheme scheme, RuleSet rules, int n) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, n);
        List<Signed> list = pool.get(scheme);
        for (int i = 0; i < n; i++) {
            Signed s = list.get(i % list.size());
            b.add(EncodedItem.ofMessage(s.key().publicKey().encoded(), s.message(), s.signature()));
        }
        return b.build();
    }

    /** {@code n} pending items of the scheme, valid and invalid (altered message) by turns from {@code offset}. */
    VerifyBatch alternating(Scheme scheme, RuleSet rules, int n, int offset) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, n);
        List<Signed> list = pool.get(scheme);
        for (int i = 0; i < n; i++) {
            Signed s = list.get((i + offset) % list.size());
            b.add(variant(scheme, s, (i + offset) % 2 == 0 ? 9 : 0));
        }
        return b.build();
    }

    /** {@code n} items of the scheme, each at random valid, invalid, high-S or malformed. */
    VerifyBatch mixed(Scheme scheme, RuleSet rules, int n, Random rnd) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, n);
        List<Signed> list = pool.get(scheme);
        for (int i = 0; i < n; i++) {
            b.add(variant(scheme, list.get(rnd.nextInt(list.size())), rnd.nextInt(10)));
        }
        return b.build();
    }

    private static EncodedItem variant(Scheme scheme, Signed s, int dice) {
        byte[] pub = s.key().publicKey().encoded();
        byte[] msg = s.message();
        byte[] sig = s.signature();
        if (dice == 0 || dice == 1) {
            msg = msg.clone();
            msg[0] ^= 0x40;
        } else if (dice == 2) {
            sig = scheme == Scheme.ED25519 ? tamperEd(sig) : notStrictDer(sig);
        } else if (dice == 3 && scheme != Scheme.ED25519) {
            sig = highS(scheme, sig);
        }
        return EncodedItem.ofMessage(pub, msg, sig);
    }

    private static byte[] tamperEd(byte[] sig) {
        byte[] out = sig.clone();
        out[5] ^= 1;
        return out;
    }

    /** The DER signature with a superfluous trailing byte: not strict DER. */
    private static byte[] notStrictDer(byte[] der) {
        byte[] out = java.util.Arrays.copyOf(der, der.length + 1);
        return out;
    }

    private static byte[] highS(Scheme scheme, byte[] der) {
        EcSignature sig = EcSignature.fromDer(der);
        BigInteger n = scheme.requireCurve().n();
        return new EcSignature(sig.r(), n.subtract(sig.s())).toDer();
    }
}
