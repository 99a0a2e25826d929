package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aBatchThatFillsTheSharedCores_neverRunsBesideAnotherBackendsBatch_andEveryItemIsRight() throws Exception {
        ControlledBackend cpu = ControlledBackend.verifier("cpu", BackendKind.CPU, Shared.cpu(), P256).speed(0, 40);
        ControlledBackend pocl = ControlledBackend.verifier("pocl", BackendKind.CPU, Shared.cpu(), P256).speed(0, 40)
                .fillingDevice();
        cpu.watching(pocl);
        pocl.watching(cpu);
        List<String> problems = new CopyOnWriteArrayList<>();
        try (Router router = Shared.uncalibrated(cpu, pocl).coalescing(b -> false).build();
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sent = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                Optional<String> pin = Optional.of(c % 2 == 0 ? "cpu" : "pocl");
                Random random = new Random(c);
                sent.add(clients.submit(() -> {
                    for (int r = 0; r < 8; r++) {
                        VerifyBatch batch = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 60, random);
                        problems.addAll(Shared.differences(batch, router.verify(batch, pin).outcomes()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(cpu.calls()).isGreaterThanOrEqualTo(24);
        assertThat(pocl.calls()).isGreaterThanOrEqualTo(24);
        // every call of either started while the other was idle: the gate gave the device-filling batch the cores alone
        assertThat(cpu.overlaps()).isZero();
        assertThat(pocl.overlaps()).isZero();
    }
}
