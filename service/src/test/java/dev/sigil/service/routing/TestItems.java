package dev.sigil.service.routing;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.AdversarialItems.Kind;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/** The batches routing tests use, made by the shared seeded generator ({@link AdversarialItems}). */
final class TestItems {
    private final Map<Scheme, AdversarialItems> generators = new EnumMap<>(Scheme.class);

    private TestItems() {
    }

    /** {@code perScheme} valid base signatures for every scheme, by a few keys. */
    static TestItems create(int perScheme, long seed) {
        TestItems t = new TestItems();
        for (Scheme scheme : Scheme.values()) {
            t.generators.put(scheme, new AdversarialItems(scheme, seed, 3, perScheme));
        }
        return t;
    }

    static byte[] signedInput(Scheme scheme, SigningKey key, byte[] message) {
        return scheme == Scheme.ED25519 ? message
                : Hashes.signedDigest(scheme, (EcPublicKey) key.publicKey(), Sm2.DEFAULT_USER_ID, message);
    }

    /** {@code n} valid items of the scheme. */
    synchronized VerifyBatch valid(Scheme scheme, RuleSet rules, int n) {
        return generators.get(scheme).batch(rules, n, Kind.VALID);
    }

    /** {@code n} items of the scheme, valid and invalid (a flipped message bit) by turns from {@code offset}. */
    synchronized VerifyBatch alternating(Scheme scheme, RuleSet rules, int n, int offset) {
        return generators.get(scheme).batch(rules, n,
                offset % 2 == 0 ? new Kind[] {Kind.VALID, Kind.MESSAGE_BIT} : new Kind[] {Kind.MESSAGE_BIT, Kind.VALID});
    }

    /** {@code n} items of the scheme, each of a kind {@code rnd} picks among those that apply. */
    synchronized VerifyBatch mixed(Scheme scheme, RuleSet rules, int n, Random rnd) {
        Kind[] kinds = Arrays.stream(Kind.values()).filter(k -> k.appliesTo(scheme)).toArray(Kind[]::new);
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, n);
        for (int i = 0; i < n; i++) {
            b.add(generators.get(scheme).item(kinds[rnd.nextInt(kinds.length)]).item());
        }
        return b.build();
    }
}
