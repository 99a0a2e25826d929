package dev.sigil.service.routing;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.cpu.CpuKeys;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.SigningKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Small batches whose answers are known by construction, for probing a backend and timing it: per scheme, a few
 * signatures made on the CPU by a throw-away key (valid) and the same signatures over altered messages (invalid).
 * The key's private part is destroyed once the signatures are made.
 */
final class KnownAnswers {
    /** Valid items per scheme (as many invalid ones follow). */
    static final int PAIRS = 4;

    private record Item(PublicKey key, byte[] digestOrMessage, byte[] signature, boolean valid) {
    }

    private final Map<Scheme, List<Item>> items = new EnumMap<>(Scheme.class);

    private KnownAnswers() {
    }

    /** Makes the known answers for every scheme (a few milliseconds of CPU signing). */
    static KnownAnswers create() {
        KnownAnswers ka = new KnownAnswers();
        SecureRandom random = new SecureRandom();
        try (CpuBackend cpu = new CpuBackend(1)) {
            for (Scheme scheme : Scheme.values()) {
                ka.items.put(scheme, make(cpu, scheme, random));
            }
        }
        return ka;
    }

    private static List<Item> make(CpuBackend cpu, Scheme scheme, SecureRandom random) {
        SigningKey.Software key = CpuKeys.generate("known-answer", scheme);
        PublicKey ref = key.publicKey();
        List<Item> valid = new ArrayList<>();
        List<Item> invalid = new ArrayList<>();
        try {
            for (int i = 0; i < PAIRS; i++) {
                byte[] message = new byte[32 + i];
                random.nextBytes(message);
                byte[] input = signedInput(scheme, key, message);
                byte[] sig = cpu.sign(key, List.of(input)).getFirst().bytes();
                byte[] altered = message.clone();
                altered[i] ^= 1;
                valid.add(new Item(ref, input, sig, true));
                invalid.add(new Item(ref, signedInput(scheme, key, altered), sig, false));
            }
        } finally {
            key.privateKey().destroy();
        }
        valid.addAll(invalid);
        return List.copyOf(valid);
    }

    private static byte[] signedInput(Scheme scheme, SigningKey key, byte[] message) {
        return scheme == Scheme.ED25519 ? message
                : Hashes.signedDigest(scheme, (EcPublicKey) key.publicKey(), Sm2.DEFAULT_USER_ID, message);
    }

    /** The known-answer batch of a scheme: {@link #PAIRS} valid items, then as many invalid ones. */
    VerifyBatch batch(Scheme scheme) {
        return tiled(scheme, items.get(scheme).size());
    }

    /** What {@link #batch} must give. */
    Outcome[] expected(Scheme scheme) {
        return items.get(scheme).stream().map(i -> Outcome.of(i.valid())).toArray(Outcome[]::new);
    }

    /** {@code n} items of the scheme, all pending, cycling through the known answers. */
    VerifyBatch tiled(Scheme scheme, int n) {
        List<Item> list = items.get(scheme);
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, RuleSet.STANDARD, n);
        for (int i = 0; i < n; i++) {
            Item it = list.get(i % list.size());
            if (scheme == Scheme.ED25519) {
                b.addEd25519((Ed25519PublicKey) it.key(), it.digestOrMessage(), it.signature());
            } else {
                b.addEc((EcPublicKey) it.key(), it.digestOrMessage(), EcSignature.fromRaw(it.signature()));
            }
        }
        return b.build();
    }

    /** True when the outcomes are exactly the expected ones. */
    boolean matches(Scheme scheme, Outcome[] outcomes) {
        return Arrays.equals(expected(scheme), outcomes);
    }
}
