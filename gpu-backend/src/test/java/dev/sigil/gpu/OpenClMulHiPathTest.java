package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernels as GPUs compile them (products through mul_hi, no 128-bit integers), run on the CPU device: every
 * scheme agrees with the CPU backend.
 */
class OpenClMulHiPathTest {

    @Test
    void verify_withMulHiProducts_matchesCpuInEveryScheme() {
        OpenClTestSupport.requireDevice();
        List<String> failures = new ArrayList<>();
        try (OpenClBackend mulHi = OpenClBackend.open(OpenClTestSupport.context().withSettings(
                Map.of("cacheDir", OpenClTestSupport.cacheDir().toString(), "int128", false)))) {
            for (Scheme s : Scheme.values()) {
                var items = new AdversarialItems(s, 7_000L + s.ordinal(), 100).items(1_500);
                failures.addAll(Differential.compare(mulHi, s, RuleSet.STANDARD, items, new EnumMap<>(Verdict.class)));
            }
        }
        assertThat(failures).isEmpty();
    }
}
