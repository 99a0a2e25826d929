package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two workers share a batch and together give the CPU's outcomes. With one OpenCL device (PoCL in CI) the two
 * workers are two contexts on it. PoCL compiles a kernel for its work-group size at the first launch, and two
 * contexts compiling at once on its one CPU device have been seen to crash it; so each worker first runs every
 * kernel alone, and only then do the two run at once.
 */
class OpenClMultiDeviceTest {

    @Test
    void verify_batchSplitAcrossTwoDevices_matchesCpuOnEveryItem() {
        OpenClTestSupport.requireDevice();
        List<DeviceInfo> devices = Devices.find(Devices.DEFAULT_TYPES);
        DeviceInfo first = devices.getFirst();
        DeviceInfo second = devices.size() > 1 ? devices.get(1) : first;
        ProgramBuilder builder = new ProgramBuilder(OpenClTestSupport.cacheDir());
        DeviceWorker one = DeviceWorker.open(first, builder, 128, 64);
        DeviceWorker other = DeviceWorker.open(second, builder, 128, 64);
        try (OpenClBackend two = OpenClBackend.ofWorkers(List.of(one, other))) {
            assertThat(two.device()).isEqualTo(first.name() + ", " + second.name());
            for (Scheme s : List.of(Scheme.ECDSA_P256, Scheme.ED25519)) {
                List<EncodedItem> items = new AdversarialItems(s, 99L + s.ordinal(), 64).items(1_000);
                for (DeviceWorker w : List.of(one, other)) {
                    assertThat(Differential.compare(OpenClBackend.ofWorkers(List.of(w)), s, RuleSet.STANDARD,
                            items.subList(0, 100), new EnumMap<>(Verdict.class))).isEmpty();
                }
                assertThat(Differential.compare(two, s, RuleSet.STANDARD, items, new EnumMap<>(Verdict.class)))
                        .isEmpty();
            }
        }
    }
}
