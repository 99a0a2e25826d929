package dev.sigil.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every native engine against the Bouncy Castle reference on 100 000 random and adversarial items per scheme under
 * the standard rules and 20 000 under low-s: the outcomes must be identical, item by item.
 */
class EngineDifferentialTest {
    static final Path CACHE = Path.of("target", "native-cache");
    private static final CpuBackend NATIVE = new CpuBackend(2, new Engines.Options(Engines.Choice.AUTO, CACHE, null));
    private static final CpuBackend REFERENCE =
            new CpuBackend(2, new Engines.Options(Engines.Choice.BOUNCYCASTLE, CACHE, null));

    @AfterAll
    static void close() {
        NATIVE.close();
        REFERENCE.close();
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"ECDSA_SECP256K1", "ECDSA_P256", "ED25519"})
    void nativeEngine_agreesWithBouncyCastle_onEveryItem(Scheme scheme) {
        assertThat(NATIVE.fallbacks()).as("native libraries load on this machine").isEmpty();
        assertThat(NATIVE.library(scheme)).doesNotStartWith("Bouncy Castle");
        AdversarialItems gen = new AdversarialItems(scheme, 1000 + scheme.ordinal(), 2_000, REFERENCE);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        List<String> failures = new ArrayList<>();
        for (int chunk = 0; chunk < 10; chunk++) {
            failures.addAll(compare(scheme, RuleSet.STANDARD, gen.items(10_000), seen));
        }
        for (int chunk = 0; chunk < 2; chunk++) {
            failures.addAll(compare(scheme, RuleSet.LOW_S, gen.items(10_000), seen));
        }
        assertThat(failures).as("first differences").hasSizeLessThan(1).isEmpty();
        assertThat(seen.getOrDefault(Verdict.VALID, 0)).isGreaterThan(10_000);
        assertThat(seen.getOrDefault(Verdict.INVALID, 0)).isGreaterThan(10_000);
    }

    /**
     * libsecp256k1's BIP-340 against the reference written from the BIP, on items of the shared generator: random
     * and adversarial (unliftable x-only keys, r ≥ p, s ≥ n, wrong parities, bit flips, wrong keys).
     */
    @org.junit.jupiter.api.Test
    void nativeSchnorr_agreesWithBouncyCastle_onEveryItem() {
        Scheme scheme = Scheme.SCHNORR_SECP256K1;
        assertThat(NATIVE.library(scheme)).startsWith("libsecp256k1");
        var gen = new dev.sigil.crypto.testing.AdversarialItems(scheme, 2026, 16, 1_000);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        List<String> failures = new ArrayList<>();
        for (int chunk = 0; chunk < 4; chunk++) {
            failures.addAll(compare(scheme, chunk == 3 ? RuleSet.LOW_S : RuleSet.STANDARD, gen.items(5_000), seen));
        }
        assertThat(failures).as("first differences").isEmpty();
        assertThat(seen.getOrDefault(Verdict.VALID, 0)).isGreaterThan(5_000);
        assertThat(seen.getOrDefault(Verdict.INVALID, 0)).isGreaterThan(5_000);
    }

    private static List<String> compare(Scheme scheme, RuleSet rules, List<EncodedItem> items,
            Map<Verdict, Integer> seen) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, items.size());
        items.forEach(b::add);
        VerifyBatch batch = b.build();
        Outcome[] got = NATIVE.verify(batch);
        Outcome[] want = REFERENCE.verify(batch);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < items.size() && failures.size() < 20; i++) {
            seen.merge(want[i].verdict(), 1, Integer::sum);
            if (!want[i].equals(got[i])) {
                failures.add(scheme + "/" + rules + " item " + i + ": reference " + want[i] + ", native " + got[i]);
            }
        }
        return failures;
    }
}
