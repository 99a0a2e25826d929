package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Backends whose devices report the host's CPU share it, known from what they report, without any timing. */
class SharedHardwareTest {
    private static final Set<Scheme> P256 = Set.of(Scheme.ECDSA_P256);

    @Test
    void backendsReportingTheCpu_shareHardware_andABatchIsNeverSplitAcrossThem() {
        ControlledBackend cpu = ControlledBackend.verifier("cpu", BackendKind.CPU, Shared.cpu(), P256).speed(0, 100);
        ControlledBackend pocl = ControlledBackend.verifier("pocl", BackendKind.CPU, Shared.cpu(), P256)
                .speed(0, 100);
        ControlledBackend gpu = ControlledBackend.verifier("gpu", BackendKind.GPU, Shared.cpu(), P256).speed(0, 100);
        try (Router router = Shared.uncalibrated(cpu, pocl, gpu).coalescing(b -> false).build()) {
            assertThat(router.snapshot()).extracting(Router.BackendSnapshot::id, Router.BackendSnapshot::sharesHardwareWith)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("cpu", Set.of("pocl")),
                            org.assertj.core.groups.Tuple.tuple("pocl", Set.of("cpu")),
                            org.assertj.core.groups.Tuple.tuple("gpu", Set.of()));
            VerifyBatch batch = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 200, new Random(3));
            Router.Routed routed = router.verify(batch, Optional.empty());
            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
            // equal estimates everywhere: split between the CPU (one of its two backends) and the GPU, never both
            assertThat(routed.itemsByBackend()).containsOnlyKeys("cpu", "gpu");
        }
    }
}
