package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The router's estimates converge to what the backends really do, also for backends it is not choosing, and follow
 * them when their speeds change. Time is simulated ({@link VirtualTime}): every backend costs exactly what it is
 * set to, whatever the machine's speed, and the assertions are on the share of the best achievable throughput each
 * window of batches reached, computed from those costs.
 */
class RouterConvergenceTest {
    private static final Set<Scheme> ED = Set.of(Scheme.ED25519);
    private static final int ITEMS = 64;
    private static final int WINDOW = 25;

    /** How long a routed batch took in simulated time, and the shortest any routing could have made it. */
    private record Batch(long tookNanos, long bestNanos, Map<String, Integer> items) {
    }

    /** A simulated backend that verifies Ed25519 at the given speed (µs per batch and per item). */
    private static ControlledBackend backend(String id, BackendKind kind, VirtualTime time, long fixedMicros,
            long perItemMicros) {
        return ControlledBackend.verifier(id, kind, Shared.cpu(), ED).speed(fixedMicros, perItemMicros)
                .timedBy(time);
    }

    /** Defaults, but no probes during the run, and splits down to 8 items (the batches are small to keep it quick). */
    private static RoutingConfig config() {
        return RoutingConfig.defaults().withProbeIntervalMs(3_600_000).withMinSplitItems(8);
    }

    /** Routes one batch; checks every outcome; the time it took and the best possible, on independent hardware. */
    private static Batch independent(Router router, VerifyBatch batch, ControlledBackend a, ControlledBackend b) {
        Router.Routed routed = router.verify(batch, Optional.empty());
        assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
        Map<String, Integer> items = pendingByBackend(batch, routed);
        long took = Math.max(a.costNanos(items.getOrDefault(a.id(), 0)) * sign(items, a),
                b.costNanos(items.getOrDefault(b.id(), 0)) * sign(items, b));
        int pending = batch.pendingCount();
        long best = Long.MAX_VALUE;
        for (int k = 0; k <= pending; k++) {
            long onA = k == 0 ? 0 : a.costNanos(k);
            long onB = k == pending ? 0 : b.costNanos(pending - k);
            best = Math.min(best, Math.max(onA, onB));
        }
        return new Batch(took, best, items);
    }

    /** Routes one batch on backends sharing one set of cores: parts take the sum of their times. */
    private static Batch shared(Router router, VerifyBatch batch, ControlledBackend a, ControlledBackend b) {
        Router.Routed routed = router.verify(batch, Optional.empty());
        assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
        Map<String, Integer> items = pendingByBackend(batch, routed);
        long took = a.costNanos(items.getOrDefault(a.id(), 0)) * sign(items, a)
                + b.costNanos(items.getOrDefault(b.id(), 0)) * sign(items, b);
        int pending = batch.pendingCount();
        return new Batch(took, Math.min(a.costNanos(pending), b.costNanos(pending)), items);
    }

    /**
     * The items each backend really verified: a backend is charged for pending items only (those the batch's
     * parsing already decided cost nothing), so a part's range counts only its pending items.
     */
    private static Map<String, Integer> pendingByBackend(VerifyBatch batch, Router.Routed routed) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        for (Router.Part p : routed.parts()) {
            int n = 0;
            for (int i = p.from(); i < p.to(); i++) {
                n += batch.isPending(i) ? 1 : 0;
            }
            out.merge(p.backendId(), n, Integer::sum);
        }
        return out;
    }

    private static int sign(Map<String, Integer> items, ControlledBackend backend) {
        return items.getOrDefault(backend.id(), 0) > 0 ? 1 : 0;
    }

    /** Share of the best achievable throughput over batches {@code [from, to)}. */
    private static double share(List<Batch> run, int from, int to) {
        long took = 0;
        long best = 0;
        for (Batch b : run.subList(from, to)) {
            took += b.tookNanos();
            best += b.bestNanos();
        }
        return (double) best / took;
    }

    /** The first batch from which every window up to {@code end} reaches 90 %; -1 when none does. */
    private static int settledFrom(List<Batch> run, int start, int end) {
        for (int from = start; from + WINDOW <= end; from++) {
            boolean holds = true;
            for (int w = from; w + WINDOW <= end; w += WINDOW) {
                holds &= share(run, w, w + WINDOW) >= 0.9;
            }
            holds &= share(run, end - WINDOW, end) >= 0.9;
            if (holds) {
                return from;
            }
        }
        return -1;
    }

    @Test
    void coldBackendAndAMisreadOne_estimatesConvergeAndFollowASpeedSwap() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        // a is ten times slower on its first calls (a cold JIT); b runs slowly while it is calibrated, then fast.
        ControlledBackend a = backend("a", BackendKind.TEST, time, 200, 40).coldFor(5, 10);
        ControlledBackend b = backend("b", BackendKind.TEST, time, 200, 2_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Router router = Router.builder(List.of(a, b)).clock(time).meterRegistry(registry)
                .config(config()).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(120))).isTrue();
            assertThat(estimate(router, "a")).isBetween(0.7 * 25_000, 1.3 * 25_000);
            b.speed(200, 20);
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(7));
            List<Batch> run = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                run.add(independent(router, batch, a, b));
            }
            assertThat(run.subList(0, 20)).allMatch(x -> !x.items().containsKey("b"));
            int reached = settledFrom(run, 0, 120);
            assertThat(reached).isBetween(20, 80);
            assertThat(registry.find(Metrics.ROUTING_EXPLORATIONS).tag("backend", "b").counter().count())
                    .isPositive();

            a.speed(200, 20);
            b.speed(200, 40);
            for (int i = 0; i < 120; i++) {
                run.add(independent(router, batch, a, b));
            }
            int again = settledFrom(run, 120, 240);
            assertThat(again).isBetween(120, 120 + 40);
            assertThat(estimate(router, "a")).isBetween(0.7 * 50_000, 1.3 * 50_000);
            assertThat(estimate(router, "b")).isBetween(0.7 * 25_000, 1.3 * 25_000);
        }
    }

    @Test
    void backendsOnTheHostCpu_neverSplit_theFasterWins_alsoWhenMisreadAndAfterASwap() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        // Both report the host's CPU (as the CPU backend and PoCL do): they share its cores.
        ControlledBackend a = backend("a", BackendKind.CPU, time, 100, 60);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 100, 100);
        try (Router router = Router.builder(List.of(a, b)).clock(time).meterRegistry(new SimpleMeterRegistry())
                .config(config().withExploration(0.03, 20)).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(120))).isTrue();
            a.speed(100, 30);
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(8));
            List<Batch> run = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                run.add(shared(router, batch, a, b));
            }
            assertThat(run).allMatch(x -> x.items().size() == 1);
            assertThat(settledFrom(run, 0, 120)).isBetween(0, 40);

            // a gets slower than b was, and b (given no work since it lost) got faster
            a.speed(100, 90);
            b.speed(100, 20);
            // b is re-measured once it has had none of the last 20 batches and exploring it (at its old estimate,
            // about three of a's batches) fits in 3 % of the work routed: within about 100 batches
            for (int i = 0; i < 150; i++) {
                run.add(shared(router, batch, a, b));
            }
            assertThat(run).allMatch(x -> x.items().size() == 1);
            int again = settledFrom(run, 120, 270);
            assertThat(again).isBetween(120, 120 + 100);
            assertThat(run.subList(again, 270).stream().filter(x -> x.items().containsKey("b")).count())
                    .isGreaterThan((270 - again) * 9 / 10);
        }
    }

    @Test
    void explorationStaysWithinItsShareOfEachScheme_workRoutedInAnotherSchemeLeavesNoCredit()
            throws InterruptedException {
        VirtualTime time = new VirtualTime();
        // both on the host's cores (never split): b gets Ed25519 work only to explore it, at 2.3 times a's cost
        ControlledBackend a = ControlledBackend.verifier("a", BackendKind.CPU, Shared.cpu(),
                Set.of(Scheme.ED25519, Scheme.ECDSA_P256)).speed(1_000, 100).timedBy(time);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 1_000, 400);
        try (Router router = Router.builder(List.of(a, b)).clock(time).meterRegistry(new SimpleMeterRegistry())
                .config(config().withExploration(0.03, 5)).build()) {
            assertThat(router.awaitCalibration(Duration.ofSeconds(120))).isTrue();
            // 1 000 P-256 batches that only a verifies: 3 % of them would pay for 15 of b's Ed25519 batches
            VerifyBatch p256 = Shared.items().mixed(Scheme.ECDSA_P256, RuleSet.STANDARD, 8, new Random(9));
            for (int i = 0; i < 1_000; i++) {
                assertThat(router.verify(p256, Optional.empty()).itemsByBackend()).containsOnlyKeys("a");
            }
            VerifyBatch ed = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, 8, new Random(10));
            int before = b.calls();
            long[] cost = new long[2];
            for (int i = 0; i < 200; i++) {
                Router.Routed routed = router.verify(ed, Optional.empty());
                assertThat(Shared.differences(ed, routed.outcomes())).isEmpty();
                boolean explored = routed.itemsByBackend().containsKey("b");
                cost[0] += explored ? b.costNanos(ed.pendingCount()) : a.costNanos(ed.pendingCount());
                cost[1] += explored ? b.costNanos(ed.pendingCount()) : 0;
            }
            // re-measured, but within its share: the first exploration, then one per 3 % of the scheme's work
            assertThat(b.calls() - before).isBetween(1, 4);
            assertThat((double) cost[1] / cost[0]).isLessThan(0.03 + (double) b.costNanos(8) / cost[0]);
        }
    }

    @Test
    void twoStalledBatchesInARow_costTheFasterBackendAFewBatchesAtMost_notAnExplorationPeriod()
            throws InterruptedException {
        VirtualTime time = new VirtualTime();
        // both on the host's cores: a is twice as fast as b
        ControlledBackend a = backend("a", BackendKind.CPU, time, 100, 20);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 100, 40);
        try (Router router = calibrated(time, a, b)) {
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(11));
            sharedRun(router, batch, a, b, 30);
            // two of a's batches in a row run four times slow (the cores were taken by something else), then a is
            // as fast as ever: its estimate restarts slower than b's, and the next batch re-measures a (b would have
            // had it, and the 49 after it until exploration came back to a)
            a.coldFor(2, 4);
            List<Batch> run = sharedRun(router, batch, a, b, 40);
            long onB = run.stream().filter(x -> x.items().containsKey("b")).count();
            // at most one batch lost to the stall, and b's regular exploration (once in 50 batches)
            assertThat(onB).isLessThanOrEqualTo(2);
            assertThat(estimate(router, "a")).isBetween(0.7 * 50_000, 1.3 * 50_000);
        }
    }

    @Test
    void aBackendOnTheHostCpuMisreadAtStart_isCheckedByTheFirstBatch_notAfterAnExplorationPeriod()
            throws InterruptedException {
        VirtualTime time = new VirtualTime();
        // both on the host's cores; a is timed at a quarter of its speed (the service starting on the same cores)
        ControlledBackend a = backend("a", BackendKind.CPU, time, 100, 80);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 100, 40);
        try (Router router = calibrated(time, a, b)) {
            a.speed(100, 20);
            assertThat(estimate(router, "a")).isLessThan(estimate(router, "b"));
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(12));
            List<Batch> run = sharedRun(router, batch, a, b, 40);
            // b would have had every batch until a's first exploration, 50 batches in; now a is checked by the
            // first (and b, once only timed at start too, by one of the next)
            assertThat(run.stream().filter(x -> x.items().containsKey("b")).count()).isLessThanOrEqualTo(2);
            assertThat(run.subList(3, 40)).allMatch(x -> x.items().keySet().equals(Set.of("a")));
            assertThat(estimate(router, "a")).isBetween(0.7 * 50_000, 1.3 * 50_000);
        }
    }

    @Test
    void whenTheSharedCoresGetSlower_theFasterBackendKeepsTheWork() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        ControlledBackend a = backend("a", BackendKind.CPU, time, 100, 20);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 100, 40);
        try (Router router = calibrated(time, a, b)) {
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(13));
            sharedRun(router, batch, a, b, 30);
            // something else takes the cores for a while: both backends three times slower, then fast again. a's
            // estimate restarts slower; b's, not measured since the start, must follow, or b would look the faster
            a.speed(300, 60);
            b.speed(300, 120);
            List<Batch> run = sharedRun(router, batch, a, b, 15);
            a.speed(100, 20);
            b.speed(100, 40);
            run.addAll(sharedRun(router, batch, a, b, 15));
            // b is checked once when its own estimate, measured on the faster cores, would have won (the slow-down
            // it follows might not have been its own), and then known slower; afterwards at most b's regular
            // exploration (once in 50 batches)
            assertThat(run.subList(0, 15).stream().filter(x -> x.items().containsKey("b")).count())
                    .isLessThanOrEqualTo(1);
            assertThat(run.stream().filter(x -> x.items().containsKey("b")).count()).isLessThanOrEqualTo(2);
            assertThat(estimate(router, "a")).isBetween(0.7 * 50_000, 1.3 * 50_000);
        }
    }

    @Test
    void whenTheSharedCoresSlowDownGradually_theFasterBackendKeepsTheWork() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        ControlledBackend a = backend("a", BackendKind.CPU, time, 100, 20);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 100, 40);
        try (Router router = calibrated(time, a, b)) {
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(14));
            sharedRun(router, batch, a, b, 30);
            // other work takes more and more of the cores (clients' requests being decoded): both backends 8 % slower
            // with every batch, ten times slower in the end. a's estimate follows by its fit, without a restart; b's,
            // not measured meanwhile, must follow too, or b would look the faster from about twice as slow on
            List<Batch> run = new ArrayList<>();
            double load = 1;
            for (int i = 0; i < 30; i++) {
                load *= 1.08;
                a.speed(Math.round(100 * load), Math.round(20 * load));
                b.speed(Math.round(100 * load), Math.round(40 * load));
                run.addAll(sharedRun(router, batch, a, b, 1));
            }
            // at most a check of b when the slow-down it follows first makes it lose, and b's regular exploration
            // (once in 50 batches)
            assertThat(run.stream().filter(x -> x.items().containsKey("b")).count()).isLessThanOrEqualTo(2);
            assertThat(estimate(router, "a")).isBetween(0.7 * 50_000 / load, 1.3 * 50_000 / load);
        }
    }

    @Test
    void aBackendThatLosesOnlyByTheSlowDownItFollows_isCheckedByTheNextBatch() throws InterruptedException {
        VirtualTime time = new VirtualTime();
        ControlledBackend a = backend("a", BackendKind.CPU, time, 100, 20);
        ControlledBackend b = backend("b", BackendKind.CPU, time, 100, 40);
        try (Router router = calibrated(time, a, b)) {
            VerifyBatch batch = Shared.items().mixed(Scheme.ED25519, RuleSet.STANDARD, ITEMS, new Random(15));
            sharedRun(router, batch, a, b, 30);
            // clients pin their requests to b, which is fast for a while and then four times slower than that (its
            // own doing: a is as fast as ever). a, not timed meanwhile, follows b's slow-down and looks the slower
            b.speed(100, 15);
            pinned(router, batch, "b", 10);
            b.speed(400, 60);
            pinned(router, batch, "b", 10);
            assertThat(estimate(router, "a")).isLessThan(estimate(router, "b"));
            b.speed(100, 40);
            List<Batch> run = sharedRun(router, batch, a, b, 20);
            // the first routed batch checks a, which then keeps the work (b would have had it until a's exploration)
            assertThat(run.getFirst().items().keySet()).isEqualTo(Set.of("a"));
            assertThat(run.stream().filter(x -> x.items().containsKey("b")).count()).isLessThanOrEqualTo(1);
            assertThat(estimate(router, "a")).isBetween(0.7 * 50_000, 1.3 * 50_000);
        }
    }

    /** Sends the batch {@code times} times pinned to the backend; checks every outcome. */
    private static void pinned(Router router, VerifyBatch batch, String id, int times) {
        for (int i = 0; i < times; i++) {
            Router.Routed routed = router.verify(batch, Optional.of(id));
            assertThat(Shared.differences(batch, routed.outcomes())).isEmpty();
        }
    }

    /** A calibrated router over the two, timed by the clock, exploring a backend once in 50 batches. */
    private static Router calibrated(VirtualTime time, ControlledBackend a, ControlledBackend b)
            throws InterruptedException {
        Router router = Router.builder(List.of(a, b)).clock(time).meterRegistry(new SimpleMeterRegistry())
                .config(config().withExploration(0.03, 50)).build();
        assertThat(router.awaitCalibration(Duration.ofSeconds(120))).isTrue();
        return router;
    }

    /** Routes the batch {@code times} times over backends sharing one set of cores. */
    private static List<Batch> sharedRun(Router router, VerifyBatch batch, ControlledBackend a, ControlledBackend b,
            int times) {
        List<Batch> run = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            run.add(shared(router, batch, a, b));
        }
        return run;
    }

    private static double estimate(Router router, String id) {
        return router.snapshot().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().verify()
                .get(Scheme.ED25519).itemsPerSecond();
    }
}
