package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterFailoverTest {
    private static final Set<Scheme> ALL = Set.of(Scheme.values());

    private static ControlledBackend backend(String id, BackendKind kind) {
        return ControlledBackend.verifier(id, kind, Shared.cpu(), ALL).speed(0, 50);
    }

    private static Router.BackendSnapshot state(Router router, String id) {
        return router.snapshot().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void verify_backendFailsHalfwayThroughItsShare_everyItemIsStillAnsweredCorrectly() {
        ControlledBackend steady = backend("steady", BackendKind.TEST);
        ControlledBackend flaky = backend("flaky", BackendKind.TEST);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Router router = Shared.uncalibrated(steady, flaky).meterRegistry(registry).build()) {
            flaky.failNextCalls(1);
            VerifyBatch batch = Shared.items().mixed(Scheme.SM2, RuleSet.STANDARD, 300, new Random(4));
            Router.Routed routed = router.verify(batch, Optional.empty());

            assertThat(flaky.calls()).isEqualTo(1);
            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
            assertThat(Shared.partProblems(routed, batch.size())).isEmpty();
            assertThat(routed.itemsByBackend()).containsOnlyKeys("steady");
            assertThat(steady.itemsVerified()).isEqualTo(batch.pendingCount());
            assertThat(state(router, "flaky").inRotation()).isFalse();
            assertThat(registry.find(Metrics.BACKEND_FAILURES).tag("backend", "flaky").counter().count())
                    .isEqualTo(1.0);
            assertThat(router.heldItems()).isZero();
            assertThat(state(router, "flaky").queuedItems()).isZero();
        }
    }

    @Test
    void verify_coalescingDeviceFails_itsRequestsAreReRunElsewhere() {
        ControlledBackend steady = backend("steady", BackendKind.TEST);
        ControlledBackend device = backend("device", BackendKind.GPU);
        try (Router router = Shared.uncalibrated(steady, device).build()) {
            device.broken(true);
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, 50, new Random(5));
            Router.Routed routed = router.verify(batch, Optional.of("device"));

            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
            assertThat(routed.itemsByBackend()).containsOnlyKeys("steady");
            assertThat(state(router, "device").inRotation()).isFalse();
        }
    }

    @Test
    void verify_everyBackendFails_theRequestGetsAnExplicitError() {
        ControlledBackend a = backend("a", BackendKind.TEST);
        ControlledBackend b = backend("b", BackendKind.GPU);
        try (Router router = Shared.uncalibrated(a, b).build()) {
            a.broken(true);
            b.broken(true);
            VerifyBatch batch = Shared.items().valid(Scheme.ECDSA_SECP256K1, RuleSet.LOW_S, 100);
            assertThatThrownBy(() -> router.verify(batch, Optional.empty())).isInstanceOf(BackendException.class);
            assertThat(a.calls()).isPositive();
            assertThat(b.calls()).isPositive();
            assertThat(router.heldItems()).isZero();
        }
    }

    @Test
    void verify_backendBug_endsTheRequestWithoutFailover() {
        ControlledBackend steady = backend("steady", BackendKind.TEST);
        ControlledBackend buggy = backend("buggy", BackendKind.TEST);
        try (Router router = Shared.uncalibrated(steady, buggy).build()) {
            buggy.buggy(true);
            VerifyBatch batch = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 5);
            assertThatThrownBy(() -> router.verify(batch, Optional.of("buggy")))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(steady.calls()).isZero();
            assertThat(state(router, "buggy").inRotation()).isTrue();
            assertThat(router.heldItems()).isZero();
        }
    }

    @Test
    void probe_bringsBackendBackOnlyOnceItIsHealthyAndAnswersCorrectly() {
        ControlledBackend steady = backend("steady", BackendKind.TEST);
        ControlledBackend flaky = backend("flaky", BackendKind.TEST);
        try (Router router = Shared.uncalibrated(steady, flaky).build()) {
            flaky.broken(true);
            VerifyBatch batch = Shared.items().valid(Scheme.ECDSA_P256, RuleSet.STANDARD, 10);
            router.verify(batch, Optional.of("flaky"));
            assertThat(state(router, "flaky").inRotation()).isFalse();

            router.probeNow();
            assertThat(state(router, "flaky").inRotation()).as("still failing").isFalse();
            flaky.broken(false);
            flaky.lying(true);
            router.probeNow();
            assertThat(state(router, "flaky").inRotation()).as("answers wrongly").isFalse();
            flaky.lying(false);
            flaky.healthy(false);
            router.probeNow();
            assertThat(state(router, "flaky").inRotation()).as("health check fails").isFalse();
            flaky.healthy(true);
            router.probeNow();
            assertThat(state(router, "flaky").inRotation()).isTrue();

            Router.Routed routed = router.verify(batch, Optional.of("flaky"));
            assertThat(routed.itemsByBackend()).containsOnlyKeys("flaky");
            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
        }
    }

    @Test
    void probe_onSchedule_takesOutUnhealthyBackendAndBringsItBack() throws InterruptedException {
        ControlledBackend steady = backend("steady", BackendKind.TEST);
        ControlledBackend flaky = backend("flaky", BackendKind.GPU);
        RoutingConfig config = RoutingConfig.defaults().withCalibrate(false).withProbeIntervalMs(20);
        try (Router router = Router.builder(List.of(steady, flaky)).config(config).build()) {
            flaky.healthy(false);
            assertThat(Shared.eventually(10_000, () -> !state(router, "flaky").inRotation())).isTrue();
            flaky.healthy(true);
            assertThat(Shared.eventually(10_000, () -> state(router, "flaky").inRotation())).isTrue();
        }
    }
}
