package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.error.OverloadedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Admission by cost: the estimated wait for the work already admitted (items × the estimates, here the test
 * backend's prior of 100 µs per item, 10 000 items/s) decides, against {@code routing.maxQueueDelayMs}.
 */
class AdmissionTest {
    private static final Set<Scheme> P256 = Set.of(Scheme.ECDSA_P256);

    @Test
    void requestsAreAdmittedWhileTheWaitIsUnderTheTarget_thenRefusedAtOnceWithRetryAfterFromTheSameEstimate()
            throws Exception {
        ControlledBackend gated = ControlledBackend.verifier("gated", BackendKind.TEST, Shared.cpu(), P256);
        gated.closeGate();
        RoutingConfig config = RoutingConfig.defaults().withCalibrate(false).withProbeIntervalMs(3_600_000)
                .withMaxQueueDelayMs(500);
        try (Router router = Router.builder(List.of(gated)).config(config).build()) {
            VerifyBatch batch = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 2_000);
            List<CompletableFuture<Router.Routed>> admitted = new ArrayList<>();
            // 0, 200 and 400 ms of work ahead: admitted; 600 ms ahead: over the 500 ms target
            for (int i = 0; i < 3; i++) {
                admitted.add(CompletableFuture.supplyAsync(() -> router.verify(batch, Optional.empty()),
                        r -> Thread.ofVirtual().start(r)));
                int expected = batch.pendingCount() * (i + 1);
                assertThat(Shared.eventually(30_000, () -> router.heldItems() == expected)).isTrue();
            }
            assertThatThrownBy(() -> router.verify(batch, Optional.empty()))
                    .isInstanceOfSatisfying(OverloadedException.class,
                            e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
            gated.openGate();
            for (CompletableFuture<Router.Routed> f : admitted) {
                assertThat(Shared.differences(batch, f.get(60, TimeUnit.SECONDS).outcomes())).isEmpty();
            }
            assertThat(router.heldItems()).isZero();
        }
    }

    @Test
    void retryAfter_isTheTimeUntilTheWaitIsBackUnderTheTarget() {
        ControlledBackend gated = ControlledBackend.verifier("gated", BackendKind.TEST, Shared.cpu(), P256);
        gated.closeGate();
        RoutingConfig config = RoutingConfig.defaults().withCalibrate(false).withProbeIntervalMs(3_600_000)
                .withMaxQueueDelayMs(100);
        try (Router router = Router.builder(List.of(gated)).config(config).build()) {
            VerifyBatch big = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 40_000);
            CompletableFuture<Router.Routed> first = CompletableFuture.supplyAsync(
                    () -> router.verify(big, Optional.empty()), r -> Thread.ofVirtual().start(r));
            try {
                assertThat(Shared.eventually(30_000, () -> router.heldItems() == 40_000)).isTrue();
                // 4 s of work ahead, target 0.1 s: retry in 3.9 s, rounded up
                assertThatThrownBy(() -> router.verify(big, Optional.empty()))
                        .isInstanceOfSatisfying(OverloadedException.class,
                                e -> assertThat(e.retryAfterSeconds()).isEqualTo(4));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                gated.openGate();
                first.join();
            }
        }
    }
}
