package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.Ed25519Torsion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the device decides and what the host decides after it: random and adversarial batches (every kind but the
 * crafted Ed25519 small-order components) are decided on the device alone, item for item as the CPU backend decides
 * them; the crafted small-order items are the ones counted as decided on the host.
 */
class OpenClHostDecidedTest {
    private static final int ITEMS = 3_000;

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void verify_randomBatch_isDecidedOnTheDeviceAlone(Scheme scheme) {
        OpenClBackend gpu = OpenClTestSupport.backend();
        AdversarialItems gen = new AdversarialItems(scheme, 0x40571L + scheme.ordinal(), 256);
        AdversarialItems.Kind[] kinds = Arrays.stream(AdversarialItems.Kind.values())
                .filter(k -> k.appliesTo(scheme) && k != AdversarialItems.Kind.TORSION)
                .toArray(AdversarialItems.Kind[]::new);
        List<EncodedItem> items = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            items.add(gen.item(kinds[i % kinds.length]).item());
        }
        long before = gpu.hostDecidedItems(scheme);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        List<String> failures = Differential.compare(gpu, scheme, RuleSet.STANDARD, items, seen);
        assertThat(failures).isEmpty();
        assertThat(seen.getOrDefault(Verdict.VALID, 0)).isPositive();
        assertThat(gpu.hostDecidedItems(scheme) - before).as("items decided on the host").isZero();
    }

    @Test
    void verify_craftedSmallOrderItems_areCountedAsDecidedOnTheHost() {
        OpenClBackend gpu = OpenClTestSupport.backend();
        List<Ed25519Torsion.Crafted> crafted = AdversarialItems.torsion(4_242L, 120);
        VerifyBatchBuilder b = VerifyBatch.builder(Scheme.ED25519, RuleSet.STANDARD, crafted.size());
        crafted.forEach(c -> b.add(c.item()));
        VerifyBatch batch = b.build();
        long cofactorlessInvalid = crafted.stream().filter(c -> !c.cofactorlessValid()).count();
        long before = gpu.hostDecidedItems(Scheme.ED25519);
        gpu.verify(batch);
        long onHost = gpu.hostDecidedItems(Scheme.ED25519) - before;
        assertThat(cofactorlessInvalid).isPositive();
        assertThat(onHost).as("items with a nonzero small-order remainder").isPositive()
                .isLessThanOrEqualTo(crafted.size());
        assertThat(gpu.hostDecidedItems(Scheme.ECDSA_P256)).isZero();
    }
}
