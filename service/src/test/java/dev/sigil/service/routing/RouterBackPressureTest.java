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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RouterBackPressureTest {

    @Test
    void verify_pastTheBound_isRefusedAtOnceAndAcceptedAgainOnceDrained() throws Exception {
        ControlledBackend gated = ControlledBackend.verifier("gated", BackendKind.TEST, Shared.cpu(),
                Set.of(Scheme.ECDSA_P256));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoutingConfig config = RoutingConfig.defaults().withCalibrate(false).withProbeIntervalMs(3_600_000)
                .withMaxQueuedItems(100);
        VerifyBatch eighty = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 80);
        VerifyBatch twenty = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 20);
        VerifyBatch thirty = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 30);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Router router = Router.builder(List.of(gated)).config(config).meterRegistry(registry).build()) {
            gated.closeGate();
            Future<Router.Routed> first = clients.submit(() -> router.verify(eighty, Optional.empty()));
            assertThat(Shared.eventually(10_000, () -> router.heldItems() == 80)).isTrue();

            assertThatThrownBy(() -> router.verify(thirty, Optional.empty()))
                    .isInstanceOfSatisfying(OverloadedException.class,
                            e -> assertThat(e.retryAfterSeconds()).isPositive());
            Future<Router.Routed> second = clients.submit(() -> router.verify(twenty, Optional.empty()));
            assertThat(Shared.eventually(10_000, () -> router.heldItems() == 100)).isTrue();
            assertThat(registry.find(Metrics.ROUTING_REJECTIONS).counter().count()).isEqualTo(1.0);

            gated.openGate();
            assertThat(Shared.differences(eighty, first.get().outcomes())).isEmpty();
            assertThat(Shared.differences(twenty, second.get().outcomes())).isEmpty();
            assertThat(router.heldItems()).isZero();
            Router.Routed later = router.verify(thirty, Optional.empty());
            assertThat(Shared.differences(thirty, later.outcomes())).isEmpty();
        } finally {
            gated.openGate();
            clients.shutdownNow();
        }
    }

    @Test
    void verify_singleRequestLargerThanTheBound_runsWhenNothingElseIsHeld() {
        ControlledBackend a = ControlledBackend.verifier("a", BackendKind.TEST, Shared.cpu(), Set.of(Scheme.SM2));
        RoutingConfig config = RoutingConfig.defaults().withCalibrate(false).withMaxQueuedItems(10);
        try (Router router = Router.builder(List.of(a)).config(config).build()) {
            VerifyBatch batch = Shared.items().valid(Scheme.SM2, RuleSet.STANDARD, 25);
            assertThat(Shared.differences(batch, router.verify(batch, Optional.empty()).outcomes())).isEmpty();
            assertThat(router.heldItems()).isZero();
        }
    }
}
