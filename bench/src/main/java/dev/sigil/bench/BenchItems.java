package dev.sigil.bench;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Reproducible benchmark inputs: valid signatures by a few keys over random messages, signed by the CPU backend. */
public final class BenchItems {
    private BenchItems() {
    }

    /** A signed item with the key that made it. */
    public record Signed(SigningKey.Software key, byte[] message, byte[] signature) {
        public EncodedItem encoded() {
            return EncodedItem.ofMessage(key.publicKey().encoded(), message, signature);
        }
    }

    /** {@code count} valid items by {@code keys} distinct keys; ECDSA/SM2 signatures in DER. */
    public static List<Signed> generate(Scheme scheme, int count, int keys, long seed) {
        Random rnd = new Random(seed);
        List<SigningKey.Software> ks = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            ks.add(SoftwareKeys.generate("bench-" + i, scheme));
        }
        List<Signed> out = new ArrayList<>(count);
        try (CpuBackend cpu = new CpuBackend(1)) {
            for (int i = 0; i < count; i++) {
                SigningKey.Software k = ks.get(i % keys);
                byte[] msg = new byte[32 + rnd.nextInt(96)];
                rnd.nextBytes(msg);
                byte[] input = scheme == Scheme.ED25519 ? msg
                        : Hashes.signedDigest(scheme, (EcPublicKey) k.publicKey(), Sm2.DEFAULT_USER_ID, msg);
                byte[] raw = cpu.sign(k, List.of(input)).getFirst().bytes();
                out.add(new Signed(k, msg, scheme == Scheme.ED25519 ? raw : EcSignature.fromRaw(raw).toDer()));
            }
        }
        return out;
    }

    public static VerifyBatch batch(Scheme scheme, RuleSet rules, List<Signed> items) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, items.size());
        items.forEach(s -> b.add(s.encoded()));
        return b.build();
    }
}
