package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RouterRandomizedTest {
    private static final int CLIENTS = 16;
    private static final int REQUESTS_PER_CLIENT = 125;

    @Test
    void verify_thousandsOfConcurrentRequestsWithAFlakyDevice_everyResultMatchesTheCpuBackend() throws Exception {
        Set<Scheme> all = Set.of(Scheme.values());
        ControlledBackend device = ControlledBackend.verifier("device", BackendKind.GPU, Shared.cpu(), all)
                .speed(300, 300);
        ControlledBackend flaky = ControlledBackend.verifier("flaky", BackendKind.TEST, Shared.cpu(), all)
                .speed(50, 400);
        flaky.failureRate(0.2);
        device.failureRate(0.02);
        RoutingConfig config = RoutingConfig.defaults().withProbeIntervalMs(10).withCoalescing(256, 1)
                .withMinSplitItems(4);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (Router router = Router.builder(List.of(Shared.cpu(), device, flaky)).config(config)
                .meterRegistry(registry).build()) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long seed = 1_000 + c;
                done.add(clients.submit(() -> client(router, new Random(seed), problems)));
            }
            for (Future<?> f : done) {
                f.get();
            }
            assertThat(problems).isEmpty();
            assertThat(registry.find(Metrics.BACKEND_FAILURES).tag("backend", "flaky").counter())
                    .as("the flaky backend failed some batches").isNotNull();
            assertThat(registry.find(Metrics.ROUTING_ITEMS).tag("backend", "device").counters())
                    .as("the device took work").isNotEmpty();
            assertThat(router.heldItems()).isZero();
            assertThat(router.snapshot()).allSatisfy(s -> assertThat(s.queuedItems()).isZero());
        } finally {
            clients.shutdownNow();
        }
    }

    private static void client(Router router, Random rnd, List<String> problems) {
        Scheme[] schemes = Scheme.values();
        for (int r = 0; r < REQUESTS_PER_CLIENT; r++) {
            Scheme scheme = schemes[rnd.nextInt(schemes.length)];
            RuleSet rules = rnd.nextBoolean() ? RuleSet.STANDARD : RuleSet.LOW_S;
            int size = rnd.nextInt(20) == 0 ? 64 + rnd.nextInt(192) : 1 + rnd.nextInt(8);
            VerifyBatch batch = Shared.items().mixed(scheme, rules, size, rnd);
            Optional<String> pin = rnd.nextInt(20) == 0 ? Optional.of("cpu") : Optional.empty();
            try {
                Router.Routed routed = router.verify(batch, pin);
                problems.addAll(Shared.differences(batch, routed.outcomes()));
                problems.addAll(Shared.partProblems(routed, batch.size()));
            } catch (RuntimeException e) {
                problems.add("request " + r + " of " + size + " " + scheme + " failed: " + e);
            }
        }
    }
}
