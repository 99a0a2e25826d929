package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import java.util.EnumMap;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Two workers share a batch and together give the CPU's outcomes. It needs two OpenCL devices, or
 * {@code SIGIL_TEST_SHARED_DEVICE=true} to put both workers on one device as two contexts: PoCL 3.1 has been seen
 * to crash the process, rarely, when two contexts on its one CPU device compile and run at once, which no
 * deployment does (one worker per device), so that form is not part of the default run.
 */
class OpenClMultiDeviceTest {

    @Test
    void verify_batchSplitAcrossTwoDevices_matchesCpuOnEveryItem() {
        OpenClTestSupport.requireDevice();
        List<DeviceInfo> devices = Devices.find(Devices.DEFAULT_TYPES);
        boolean shared = "true".equals(System.getenv("SIGIL_TEST_SHARED_DEVICE"));
        Assumptions.assumeTrue(devices.size() > 1 || shared,
                "one OpenCL device: set SIGIL_TEST_SHARED_DEVICE=true to split over two contexts on it");
        DeviceInfo first = devices.getFirst();
        DeviceInfo second = devices.size() > 1 ? devices.get(1) : first;
        ProgramBuilder builder = new ProgramBuilder(OpenClTestSupport.cacheDir());
        try (OpenClBackend two = OpenClBackend.ofWorkers(List.of(DeviceWorker.open(first, builder, 128, 64),
                DeviceWorker.open(second, builder, 128, 64)))) {
            assertThat(two.device()).isEqualTo(first.name() + ", " + second.name());
            for (Scheme s : List.of(Scheme.ECDSA_P256, Scheme.ED25519)) {
                List<EncodedItem> items = new RandomItems(s, 99L + s.ordinal(), 64, OpenClTestSupport.cpu())
                        .items(1_000);
                assertThat(Differential.compare(two, s, RuleSet.STANDARD, items, new EnumMap<>(Verdict.class)))
                        .isEmpty();
            }
        }
    }
}
