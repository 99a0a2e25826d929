package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Random and adversarial items: the OpenCL backend gives the CPU backend's outcome on every single item. */
class OpenClDifferentialTest {
    private static final int ITEMS = 20_000;
    private static final int LOW_S_ITEMS = 2_000;

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void verify_randomItems_matchCpuBackendItemByItem(Scheme scheme) {
        OpenClBackend gpu = OpenClTestSupport.backend();
        long seed = 0x5161L * 31 + scheme.ordinal();
        AdversarialItems gen = new AdversarialItems(scheme, seed, 1_000);
        List<EncodedItem> items = gen.items(ITEMS);
        List<String> failures = new ArrayList<>();
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        failures.addAll(Differential.compare(gpu, scheme, RuleSet.STANDARD, items, seen));
        failures.addAll(Differential.compare(gpu, scheme, RuleSet.LOW_S, items.subList(0, LOW_S_ITEMS), seen));
        assertThat(failures).as("seed %d", seed).isEmpty();
        assertThat(seen.getOrDefault(Verdict.VALID, 0)).isGreaterThan(ITEMS / 5);
        assertThat(seen.getOrDefault(Verdict.INVALID, 0)).isGreaterThan(ITEMS / 5);
    }
}
