package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterSplitTest {
    private static final Set<Scheme> P256 = Set.of(Scheme.ECDSA_P256);

    private static ControlledBackend backend(String id, BackendKind kind, long fixedMicros, long perItemMicros) {
        return ControlledBackend.verifier(id, kind, Shared.cpu(), P256).speed(fixedMicros, perItemMicros);
    }

    @Test
    void verify_largeBatch_isSplitInProportionToMeasuredThroughput() throws InterruptedException {
        ControlledBackend fast = backend("fast", BackendKind.TEST, 200, 1_000);
        ControlledBackend slow = backend("slow", BackendKind.TEST, 200, 4_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Router router = Router.builder(List.of(fast, slow)).meterRegistry(registry)
                .config(RoutingConfig.defaults().withMinSplitItems(16)).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(60))).isTrue();
            long fastBefore = fast.itemsVerified();
            long slowBefore = slow.itemsVerified();
            VerifyBatch batch = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 300, new Random(1));
            Router.Routed routed = router.verify(batch, Optional.empty());

            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
            assertThat(Shared.partProblems(routed, batch.size())).isEmpty();
            long toFast = fast.itemsVerified() - fastBefore;
            long toSlow = slow.itemsVerified() - slowBefore;
            assertThat(toFast + toSlow).isEqualTo(batch.pendingCount());
            assertThat(toSlow).isPositive();
            assertThat(toFast).isGreaterThan(toSlow * 3 / 2);
            double routedToFast = registry.find(Metrics.ROUTING_ITEMS).tag("backend", "fast").counter()
                    .count();
            assertThat((long) routedToFast).isEqualTo(toFast);
        }
    }

    @Test
    void verify_pinnedBackend_runsTheWholeBatchThere() {
        ControlledBackend fast = backend("fast", BackendKind.TEST, 0, 0);
        ControlledBackend slow = backend("slow", BackendKind.TEST, 0, 500);
        try (Router router = Shared.uncalibrated(fast, slow).build()) {
            VerifyBatch batch = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.LOW_S, 200, new Random(2));
            Router.Routed routed = router.verify(batch, Optional.of("slow"));

            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
            assertThat(routed.parts()).containsExactly(new Router.Part("slow", 0, batch.size()));
            assertThat(slow.itemsVerified()).isEqualTo(batch.pendingCount());
            assertThat(fast.calls()).isZero();
        }
    }

    @Test
    void verify_pinnedToUnknownOrUnableBackend_isRefusedBeforeRunning() {
        ControlledBackend a = backend("a", BackendKind.TEST, 0, 0);
        try (Router router = Shared.uncalibrated(a).build()) {
            VerifyBatch p256 = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 3);
            VerifyBatch sm2 = Shared.items().valid(Scheme.SM2, RuleSet.STANDARD, 3);
            assertThatThrownBy(() -> router.verify(p256, Optional.of("nope")))
                    .isInstanceOf(PinnedBackendUnavailableException.class);
            assertThatThrownBy(() -> router.verify(sm2, Optional.of("a")))
                    .isInstanceOf(PinnedBackendUnavailableException.class).hasMessageContaining("sm2");
            assertThat(a.calls()).isZero();
            assertThat(router.heldItems()).isZero();
        }
    }

    @Test
    void verify_pinnedToBackendOutOfRotation_isTriedAgainAndFailsOverWhileBroken() {
        ControlledBackend a = backend("a", BackendKind.TEST, 0, 0);
        ControlledBackend b = backend("b", BackendKind.TEST, 0, 0);
        try (Router router = Shared.uncalibrated(a, b).build()) {
            VerifyBatch p256 = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 3);
            b.broken(true);
            assertThat(router.verify(p256, Optional.of("b")).itemsByBackend()).containsOnlyKeys("a");
            assertThat(router.snapshot().get(1).inRotation()).isFalse();
            assertThat(router.verify(p256, Optional.of("b")).itemsByBackend()).containsOnlyKeys("a");
            assertThat(b.calls()).isEqualTo(2);
            b.broken(false);
            Router.Routed routed = router.verify(p256, Optional.of("b"));
            assertThat(routed.itemsByBackend()).containsOnlyKeys("b");
            assertThat(Shared.differences(p256, routed.outcomes())).isEmpty();
        }
    }

    @Test
    void verify_singleItem_goesToTheLowLatencyBackendAndLargeBatchMostlyToTheDevice() throws InterruptedException {
        ControlledBackend cpuLike = backend("cpu-like", BackendKind.TEST, 20, 3_000);
        ControlledBackend device = backend("device", BackendKind.GPU, 30_000, 0);
        try (Router router = Router.builder(List.of(cpuLike, device))
                .config(RoutingConfig.defaults().withCoalescing(1024, 1)).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(60))).isTrue();
            long deviceBefore = device.itemsVerified();
            VerifyBatch one = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 1);
            Router.Routed single = router.verify(one, Optional.empty());
            assertThat(single.parts()).containsExactly(new Router.Part("cpu-like", 0, 1));

            VerifyBatch large = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 400, new Random(3));
            Router.Routed routed = router.verify(large, Optional.empty());
            assertThat(Shared.differences(large, routed.outcomes())).isEmpty();
            assertThat(Shared.partProblems(routed, large.size())).isEmpty();
            assertThat(device.itemsVerified() - deviceBefore).isGreaterThan(large.pendingCount() / 2);
        }
    }

    @Test
    void verify_batchWithoutPendingItems_needsNoBackend() {
        ControlledBackend a = backend("a", BackendKind.TEST, 0, 0);
        try (Router router = Shared.uncalibrated(a).build()) {
            VerifyBatch batch = VerifyBatch.builder(Scheme.ECDSA_P256, RuleSet.STANDARD)
                    .addMalformed(dev.sigil.crypto.ProblemCode.MALFORMED_SIGNATURE, "not DER").build();
            Router.Routed routed = router.verify(batch, Optional.empty());
            assertThat(routed.outcomes()).hasSize(1);
            assertThat(routed.outcomes()[0].verdict()).isEqualTo(dev.sigil.crypto.Verdict.MALFORMED);
            assertThat(a.calls()).isZero();
        }
    }

    @Test
    void snapshot_afterCalibration_reportsMeasuredEstimatesAndEmptyQueues() throws InterruptedException {
        try (Router router = Router.builder(List.of(Shared.cpu())).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(60))).isTrue();
            List<Router.BackendSnapshot> snapshot = router.snapshot();
            assertThat(snapshot).hasSize(1);
            Router.BackendSnapshot cpu = snapshot.getFirst();
            assertThat(cpu.id()).isEqualTo("cpu");
            assertThat(cpu.inRotation()).isTrue();
            assertThat(cpu.coalescing()).isFalse();
            assertThat(cpu.queuedItems()).isZero();
            assertThat(cpu.verify()).containsOnlyKeys(Scheme.values());
            assertThat(cpu.verify().values()).allSatisfy(e -> {
                assertThat(e.measured()).isTrue();
                assertThat(e.itemsPerSecond()).isPositive();
                assertThat(e.fixedMillis()).isGreaterThanOrEqualTo(0);
            });
        }
    }
}
