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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batch sizes around the work-group size (64) and the chunk size, on a second backend whose chunks are 256 items so
 * that a batch crosses many chunks and both pipeline slots; the largest batch runs on the shared backend.
 */
class OpenClBatchSizeTest {
    private static final Map<Scheme, AdversarialItems> GENERATORS = new EnumMap<>(Scheme.class);
    private static OpenClBackend smallChunks;

    private static synchronized OpenClBackend smallChunks() {
        if (smallChunks == null) {
            OpenClTestSupport.requireDevice();
            smallChunks = OpenClBackend.open(OpenClTestSupport.context()
                    .withSettings(Map.of("cacheDir", OpenClTestSupport.cacheDir().toString(), "chunkItems", 256)));
        }
        return smallChunks;
    }

    @AfterAll
    static void close() {
        if (smallChunks != null) {
            smallChunks.close();
        }
    }

    private static synchronized AdversarialItems generator(Scheme s) {
        return GENERATORS.computeIfAbsent(s, k -> new AdversarialItems(k, 4_242L + k.ordinal(), 200));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 63, 64, 65, 255, 256, 257, 4_095})
    void verify_batchOfThisSize_matchesCpuOnEveryItem_inEveryScheme(int size) {
        OpenClBackend gpu = smallChunks();
        List<String> failures = new ArrayList<>();
        for (Scheme s : Scheme.values()) {
            List<EncodedItem> items = generator(s).items(size);
            failures.addAll(Differential.compare(gpu, s, RuleSet.STANDARD, items, new EnumMap<>(Verdict.class)));
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void verify_batchOf100000_matchesCpuOnEveryItem() {
        List<EncodedItem> items = generator(Scheme.ECDSA_SECP256K1).items(100_000);
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        List<String> failures = Differential.compare(OpenClTestSupport.backend(), Scheme.ECDSA_SECP256K1,
                RuleSet.LOW_S, items, seen);
        assertThat(failures).isEmpty();
        assertThat(seen.get(Verdict.VALID)).isGreaterThan(10_000);
    }
}
