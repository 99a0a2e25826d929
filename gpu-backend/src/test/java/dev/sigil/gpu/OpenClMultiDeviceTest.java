package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two workers (two contexts on the first device) share a batch and together give the CPU's outcomes. */
class OpenClMultiDeviceTest {

    @Test
    void verify_batchSplitAcrossTwoDevices_matchesCpuOnEveryItem() {
        OpenClTestSupport.requireDevice();
        DeviceInfo device = Devices.find(Devices.DEFAULT_TYPES).getFirst();
        ProgramBuilder builder = new ProgramBuilder(OpenClTestSupport.cacheDir());
        try (OpenClBackend two = OpenClBackend.ofWorkers(List.of(DeviceWorker.open(device, builder, 128, 64),
                DeviceWorker.open(device, builder, 128, 64)))) {
            assertThat(two.device()).isEqualTo(device.name() + ", " + device.name());
            for (Scheme s : List.of(Scheme.ECDSA_P256, Scheme.ED25519)) {
                List<EncodedItem> items = new RandomItems(s, 99L + s.ordinal(), 64, OpenClTestSupport.cpu())
                        .items(1_000);
                assertThat(Differential.compare(two, s, RuleSet.STANDARD, items, new EnumMap<>(Verdict.class)))
                        .isEmpty();
            }
        }
    }
}
