package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cancelled request stops using the backends: its items not started are dropped and counted, others go on. */
class CancellationTest {
    private static final Set<Scheme> P256 = Set.of(Scheme.ECDSA_P256);

    private static double cancelled(SimpleMeterRegistry registry) {
        return registry.find(Metrics.ROUTING_CANCELLED_ITEMS).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void cancelledMidRequest_itsQueuedChunksAreDropped_andCounted() throws Exception {
        // the prior of a test backend is 100 µs per item: chunks of 500 items (50 ms)
        ControlledBackend gated = ControlledBackend.verifier("gated", BackendKind.TEST, Shared.cpu(), P256);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gated.closeGate();
        try (Router router = Shared.uncalibrated(gated).meterRegistry(registry).build()) {
            VerifyBatch batch = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 2_000, new Random(4));
            Cancellation cancellation = new Cancellation();
            Router.Ticket ticket = router.admit(Operation.VERIFY, Map.of(Scheme.ECDSA_P256, batch.pendingCount()), cancellation);
            CompletableFuture<Router.Routed> request = CompletableFuture.supplyAsync(
                    () -> router.verify(batch, Optional.empty(), ticket), r -> Thread.ofVirtual().start(r));
            assertThat(gated.awaitEntered(30_000)).isTrue();
            cancellation.cancel();
            gated.openGate();
            assertThatThrownBy(() -> request.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
            ticket.close();

            assertThat(gated.calls()).isEqualTo(1);
            assertThat(gated.itemsVerified()).isEqualTo(500);
            assertThat(cancelled(registry)).isEqualTo(batch.pendingCount() - 500);
            assertThat(router.heldItems()).isZero();
            assertThat(router.snapshot().getFirst().queuedItems()).isZero();

            // the router serves the next request as usual
            VerifyBatch next = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 100, new Random(5));
            assertThat(Shared.differences(next, router.verify(next, Optional.empty()).outcomes())).isEmpty();
        }
    }

    @Test
    void cancelledWhileWaitingInACoalescingLane_isDropped_andTheOthersBatchedWithItKeepTheirItems() throws Exception {
        ControlledBackend device = ControlledBackend.verifier("device", BackendKind.GPU, Shared.cpu(), P256);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        device.closeGate();
        try (Router router = Shared.uncalibrated(device).meterRegistry(registry).build()) {
            // the first request holds the lane's worker at the gate; the next two wait to be joined
            VerifyBatch first = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 10, new Random(6));
            VerifyBatch kept = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 20, new Random(7));
            VerifyBatch dropped = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 30, new Random(8));
            CompletableFuture<Router.Routed> a = async(router, first, new Cancellation());
            assertThat(device.awaitEntered(30_000)).isTrue();
            CompletableFuture<Router.Routed> b = async(router, kept, new Cancellation());
            Cancellation cancellation = new Cancellation();
            CompletableFuture<Router.Routed> c = async(router, dropped, cancellation);
            long held = first.pendingCount() + kept.pendingCount() + dropped.pendingCount();
            assertThat(Shared.eventually(30_000, () -> router.heldItems() == held)).isTrue();
            cancellation.cancel();
            assertThatThrownBy(() -> c.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
            device.openGate();

            assertThat(Shared.differences(first, a.get(30, TimeUnit.SECONDS).outcomes())).isEmpty();
            assertThat(Shared.differences(kept, b.get(30, TimeUnit.SECONDS).outcomes())).isEmpty();
            assertThat(device.itemsVerified()).isEqualTo(first.pendingCount() + kept.pendingCount());
            assertThat(cancelled(registry)).isEqualTo(dropped.pendingCount());
            assertThat(Shared.eventually(10_000, () -> router.heldItems() == 0)).isTrue();
        }
    }

    private static CompletableFuture<Router.Routed> async(Router router, VerifyBatch batch, Cancellation cancel) {
        return CompletableFuture.supplyAsync(() -> {
            try (Router.Ticket t = router.admit(Operation.VERIFY, Map.of(batch.scheme(), batch.pendingCount()),
                    cancel)) {
                return router.verify(batch, Optional.empty(), t);
            }
        }, r -> Thread.ofVirtual().start(r));
    }
}
