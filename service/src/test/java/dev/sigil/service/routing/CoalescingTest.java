package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CoalescingTest {

    private record Sent(VerifyBatch batch, Future<Router.Routed> result) {
    }

    /** Holds the device on a first one-item batch, queues requests behind it, then lets everything run. */
    private static List<Integer> runBehindGate(int maxBatch, List<VerifyBatch> queued, List<String> problems)
            throws Exception {
        ControlledBackend device = ControlledBackend.verifier("device", BackendKind.GPU, Shared.cpu(),
                Set.of(Scheme.ECDSA_SECP256K1, Scheme.ED25519));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RoutingConfig config = RoutingConfig.defaults().withCalibrate(false).withProbeIntervalMs(3_600_000)
                .withCoalescing(maxBatch, 20);
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
        try (Router router = Router.builder(List.of(device)).config(config).meterRegistry(registry).build()) {
            device.closeGate();
            VerifyBatch one = Shared.items().valid(Scheme.ECDSA_SECP256K1, RuleSet.LOW_S, 1);
            List<Sent> sent = new ArrayList<>();
            sent.add(new Sent(one, clients.submit(() -> router.verify(one, Optional.empty()))));
            assertThat(device.awaitEntered(10_000)).isTrue();
            long total = 1;
            for (VerifyBatch b : queued) {
                sent.add(new Sent(b, clients.submit(() -> router.verify(b, Optional.empty()))));
                total += b.pendingCount();
            }
            long expectedHeld = total;
            assertThat(Shared.eventually(10_000, () -> router.heldItems() == expectedHeld)).isTrue();
            device.openGate();
            for (Sent s : sent) {
                problems.addAll(Shared.differences(s.batch(), s.result().get().outcomes()));
                problems.addAll(Shared.partProblems(s.result().get(), s.batch().size()));
            }
            double requests = registry.find(Metrics.ROUTING_COALESCED_REQUESTS).summaries().stream()
                    .mapToDouble(DistributionSummary::totalAmount).sum();
            assertThat((long) requests).isEqualTo(sent.size());
            return device.batchSizes();
        } finally {
            device.openGate();
            clients.shutdownNow();
        }
    }

    @Test
    void coalescing_smallRequestsWaitingForTheDevice_runAsOneBatch() throws Exception {
        List<VerifyBatch> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(Shared.items().alternating(Scheme.ECDSA_SECP256K1, RuleSet.LOW_S, 2, i));
        }
        List<String> problems = new ArrayList<>();
        List<Integer> sizes = runBehindGate(64, queued, problems);
        assertThat(problems).isEmpty();
        assertThat(sizes).containsExactly(1, 20);
    }

    @Test
    void coalescing_neverPassesMaxBatchNorMixesSchemes() throws Exception {
        List<VerifyBatch> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(Shared.items().alternating(Scheme.ECDSA_SECP256K1, RuleSet.LOW_S, 3, i));
            queued.add(Shared.items().alternating(Scheme.ED25519, RuleSet.LOW_S, 2, i + 1));
        }
        List<String> problems = new ArrayList<>();
        List<Integer> sizes = runBehindGate(8, queued, problems);
        assertThat(problems).isEmpty();
        assertThat(sizes).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(8));
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1 + 10 * 3 + 10 * 2);
        assertThat(sizes.size()).isLessThan(1 + queued.size());
    }
}
