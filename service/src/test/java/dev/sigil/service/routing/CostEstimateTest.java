package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CostEstimateTest {

    @Test
    void observe_batchesOfDifferentSizes_recoverFixedAndPerItemParts() {
        CostEstimate c = new CostEstimate(0.2, 1, 1);
        long[] sizes = {1, 64, 8, 512, 2, 128};
        for (int round = 0; round < 5; round++) {
            for (long n : sizes) {
                c.observe(n, 50_000 + 300 * n);
            }
        }
        assertThat(c.fixedNanos()).isCloseTo(50_000, within(1.0));
        assertThat(c.perItemNanos()).isCloseTo(300, within(0.01));
        assertThat(c.itemsPerSecond()).isCloseTo(1e9 / 300, within(1.0));
        assertThat(c.measured()).isTrue();
    }

    @Test
    void calibration_oneItemThenManyItems_givesTheRealPerItemCost() {
        // A device with a fixed cost near its one-item time: the first batch leaves the per-item part at its floor,
        // and the large batch that follows must not be clamped as an outlier of that estimate.
        CostEstimate c = new CostEstimate(0.1, 250_000, 1);
        c.observe(1, 300_000);
        c.observe(512, 300_000 + 512 * 72_000L);
        assertThat(c.itemsPerSecond()).isBetween(12_000.0, 16_000.0);
    }

    @Test
    void observe_onlyOneSize_keepsTheFixedPartAndFitsThePerItemPart() {
        CostEstimate c = new CostEstimate(0.2, 10_000, 1_000);
        for (int i = 0; i < 20; i++) {
            c.observe(100, 10_000 + 100 * 500);
        }
        assertThat(c.fixedNanos()).isEqualTo(10_000);
        assertThat(c.perItemNanos()).isCloseTo(500, within(0.01));
    }

    @Test
    void observe_backendSlowsDown_estimateFollowsTheNewSpeed() {
        CostEstimate c = new CostEstimate(0.2, 0, 1);
        long[] sizes = {10, 100, 1_000};
        for (int i = 0; i < 30; i++) {
            c.observe(sizes[i % 3], 1_000 + 100 * sizes[i % 3]);
        }
        for (int i = 0; i < 90; i++) {
            c.observe(sizes[i % 3], 1_000 + 400 * sizes[i % 3]);
        }
        assertThat(c.perItemNanos()).isCloseTo(400, within(4.0));
    }

    @Test
    void observe_largeBatchesWaitingForEachOther_fixedPartStaysBelowSmallBatchTimes() {
        CostEstimate c = new CostEstimate(0.1, 0, 1);
        long[] sizes = {500, 1_000, 2_000};
        for (int i = 0; i < 60; i++) {
            long n = sizes[i % 3];
            c.observe(n, 200_000_000 + 100_000 * n);
            if (i % 10 == 0) {
                c.observe(1, 150_000);
            }
        }
        assertThat(c.fixedNanos()).isLessThanOrEqualTo(150_000);
        assertThat(c.nanosFor(1_000)).isGreaterThan(200_000_000);
    }

    @Test
    void observe_oneStall_movesTheEstimateOnlyAStep() {
        CostEstimate c = new CostEstimate(0.1, 0, 1);
        for (int i = 0; i < 30; i++) {
            c.observe(1, 100_000);
            c.observe(64, 100_000 + 64 * 50_000);
        }
        double before = c.nanosFor(1);
        c.observe(1, 1_000_000_000);
        assertThat(c.nanosFor(1)).isLessThan(before * 2);
    }

    @Test
    void observe_twoStallsInARow_moveTheEstimateByTheLeastSlowAndAtMostTheOutlierFactor() {
        CostEstimate c = fitted();
        double before = c.nanosFor(1_024);
        c.observe(1_024, (long) (before * 30));
        c.observe(1_024, (long) (before * 2.5));
        assertThat(c.drifts()).isEqualTo(1);
        assertThat(c.nanosFor(1_024)).isCloseTo(before * 2.5, within(before * 0.01));

        CostEstimate d = fitted();
        d.observe(1_024, (long) (before * 40));
        d.observe(1_024, (long) (before * 30));
        // the first stall enters the fit clamped, the restart then scales by at most the outlier factor
        assertThat(d.nanosFor(1_024)).isBetween(before * 2, before * 2 * CostEstimate.OUTLIER_FACTOR);
    }

    @Test
    void observe_twoConcurrentBatchesSlowedByOneStall_areOneSlowBatch_andTwoInTurnStillRestart() {
        CostEstimate c = fitted();
        double before = c.nanosFor(1_024);
        long slow = (long) (before * 3);
        // two clients' batches running through the same stall: the second started (batch 1) before the first ended
        // (after batch 1 had started), each reads three times slow
        c.observe(1_024, slow, 0, 2);
        c.observe(1_024, slow, 1, 2);
        assertThat(c.drifts()).as("one stall seen twice").isZero();
        assertThat(c.nanosFor(1_024)).as("fitted, not restarted at three times").isLessThan(before * 2);

        // a real slow-down: the next batch started after both had ended, and is slow too
        CostEstimate d = fitted();
        d.observe(1_024, slow, 0, 2);
        d.observe(1_024, slow, 1, 2);
        d.observe(1_024, slow, 2, 3);
        assertThat(d.drifts()).isEqualTo(1);
        assertThat(d.nanosFor(1_024)).isCloseTo(before * 3, within(before * 0.05));
    }

    @Test
    void aRestartAtASlowerSpeed_asksForARecheck_untilTheNextBatchThatIsNotTiny() {
        CostEstimate c = fitted();
        double before = c.nanosFor(1_024);
        assertThat(c.wantsRecheck()).isFalse();
        c.observe(1_024, (long) (before * 3));
        c.observe(1_024, (long) (before * 3));
        assertThat(c.drifts()).isEqualTo(1);
        assertThat(c.wantsRecheck()).isTrue();
        c.observe(1, (long) c.nanosFor(1));
        assertThat(c.wantsRecheck()).as("a single item says nothing of the per-item cost").isTrue();
        c.observe(1_024, (long) before);
        assertThat(c.wantsRecheck()).isFalse();

        CostEstimate d = fitted();
        d.observe(1_024, (long) (before / 3));
        assertThat(d.drifts()).isEqualTo(1);
        assertThat(d.wantsRecheck()).as("faster: no doubt to clear").isFalse();
    }

    @Test
    void follow_aSlowDownOfTheFollowedByItsFit_scalesThisEstimate_andItsNextBatchIsMeasuredAtThatScale() {
        CostEstimate cpu = fitted(); // 50 µs an item
        CostEstimate pocl = fittedAt(100_000);
        pocl.follow(cpu);
        double poclBefore = pocl.nanosFor(1_024);
        cpu.observe(1_024, (long) cpu.nanosFor(1_024)); // the first update after pocl was last timed: the anchor
        double cpuBefore = cpu.perItemNanos();
        double paceBefore = cpu.pace();
        assertThat(paceBefore).isEqualTo(cpuBefore);
        // the cores get busier: each cpu batch 1.4 times its estimate, under the drift factor, so the estimate grows
        // by its fit, never restarting
        while (cpu.perItemNanos() < 3 * cpuBefore) {
            cpu.observe(1_024, (long) (cpu.nanosFor(1_024) * 1.4));
        }
        assertThat(cpu.drifts()).isZero();
        double slowdown = cpu.pace() / paceBefore;
        assertThat(slowdown).isGreaterThan(2.5);
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclBefore * slowdown, within(poclBefore * 0.001));
        assertThat(pocl.itemsPerSecond()).isCloseTo(1e9 / (100_000 * slowdown), within(1e9 / 100_000 * 0.01));
        // pocl timed under the same load: no drift, and its estimate stays at that scale
        pocl.observe(1_024, (long) (poclBefore * slowdown));
        assertThat(pocl.drifts()).isZero();
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclBefore * slowdown, within(poclBefore * slowdown * 0.01));
        // the load goes: the cpu is fast again, which pocl does not follow down (its next batch does that)
        cpu.observe(1_024, (long) (cpuBefore * 1_024));
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclBefore * slowdown, within(poclBefore * slowdown * 0.01));
        pocl.observe(1_024, (long) poclBefore);
        assertThat(pocl.drifts()).isEqualTo(1);
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclBefore, within(poclBefore * 0.01));
    }

    @Test
    void follow_onlyWhatTheFollowedLearnedAfterThisWasLastTimed_andNotItsNoise() {
        CostEstimate cpu = fitted();
        CostEstimate pocl = fittedAt(100_000);
        pocl.follow(cpu);
        double poclOwn = pocl.nanosFor(1_024);
        // not updated since pocl was timed: nothing to follow
        assertThat(pocl.nanosFor(1_024)).isEqualTo(poclOwn);
        cpu.seed(100_000, 50_000, 1_024);
        // noise: 1.3 times slower is not followed
        cpu.seed(100_000, 65_000, 1_024);
        assertThat(pocl.nanosFor(1_024)).isEqualTo(poclOwn);
        // the cores three times slower; pocl is then timed under that load, and the cpu's next update is at the same
        // load: pocl, timed at it, does not become slower still
        cpu.seed(300_000, 150_000, 1_024);
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclOwn * 3, within(poclOwn * 0.001));
        pocl.observe(1_024, (long) (poclOwn * 3));
        cpu.seed(300_000, 150_000, 1_024);
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclOwn * 3, within(poclOwn * 0.03));
    }

    @Test
    void follow_tinyBatchesNeitherMoveWhatIsFollowed_norSettleTheFollowersSlowDown() {
        CostEstimate cpu = fitted();
        CostEstimate pocl = fittedAt(100_000);
        pocl.follow(cpu);
        double poclOwn = pocl.nanosFor(1_024);
        cpu.seed(100_000, 50_000, 1_024);
        // a flood of slow single items on the cpu: its fixed part grows, nothing of the per-item part is told
        for (int i = 0; i < 50; i++) {
            cpu.observe(1, 5_000_000);
        }
        assertThat(pocl.nanosFor(1_024)).isEqualTo(poclOwn);
        cpu.seed(300_000, 150_000, 1_024);
        double followed = pocl.nanosFor(1_024);
        assertThat(followed).isCloseTo(poclOwn * 3, within(poclOwn * 0.001));
        // single items on pocl neither take the slow-down into its own per-item part nor end it
        pocl.observe(1, (long) pocl.nanosFor(1));
        assertThat(pocl.nanosFor(1_024)).isCloseTo(followed, within(followed * 0.01));
        assertThat(pocl.ownNanos(1_024)).isCloseTo(poclOwn, within(poclOwn * 0.01));
    }

    @Test
    void follow_aBatchMostlyOfFixedLatency_tellsNoPace() {
        // PoCL-like: 3 ms a batch, 80 µs an item, batches of 500
        CostEstimate pocl = new CostEstimate(0.1, 0, 1);
        for (int i = 0; i < 30; i++) {
            pocl.observe(1, 3_000_000 + 80_000);
            pocl.observe(500, 3_000_000 + 500 * 80_000L);
        }
        CostEstimate cpu = fittedAt(40_000);
        cpu.follow(pocl);
        double cpuOwn = cpu.nanosFor(1_024);
        pocl.observe(500, 3_000_000 + 500 * 80_000L);
        // 10 items in half the fixed latency: the estimate restarts with the per-item part at 40 % of its value, and
        // the next batch of 500 puts it back; the cores did not get slower
        pocl.observe(10, 1_560_000);
        assertThat(pocl.perItemNanos()).isLessThan(40_000);
        pocl.observe(500, 3_000_000 + 500 * 80_000L);
        assertThat(cpu.nanosFor(1_024)).isEqualTo(cpuOwn);
    }

    @Test
    void follow_fromTheLeastCostSinceTimed_soACpuEstimateFallingAsTheJitCompiles_andRisingAgain_isFollowedUp() {
        CostEstimate cpu = new CostEstimate(0.1, 0, 1);
        CostEstimate pocl = fittedAt(100_000);
        pocl.follow(cpu);
        double poclOwn = pocl.nanosFor(1_024);
        cpu.seed(400_000, 150_000, 1_024); // timed at start, the JIT cold
        cpu.seed(100_000, 50_000, 1_024); // compiled: faster, not followed
        assertThat(pocl.nanosFor(1_024)).isEqualTo(poclOwn);
        cpu.seed(300_000, 150_000, 1_024); // the cores busy: three times its least since pocl was timed
        assertThat(pocl.nanosFor(1_024)).isCloseTo(poclOwn * 3, within(poclOwn * 0.001));
    }

    @Test
    void observe_lastingTenfoldSlowdown_isReachedWithinAFewBatches() {
        CostEstimate c = fitted();
        double before = c.nanosFor(1_024);
        for (int i = 0; i < 8; i++) {
            c.observe(1_024, (long) (before * 10));
        }
        assertThat(c.nanosFor(1_024)).isCloseTo(before * 10, within(before * 1.0));
    }

    @Test
    void observe_tenfoldSpeedup_isTakenAtOnce() {
        CostEstimate c = fitted();
        double before = c.nanosFor(1_024);
        c.observe(1_024, (long) (before / 10));
        assertThat(c.drifts()).isEqualTo(1);
        assertThat(c.nanosFor(1_024)).isCloseTo(before / 10, within(before * 0.001));
    }

    /** An estimate fitted on batches of 1 and 1 024 items: 100 µs fixed, 50 µs per item. */
    private static CostEstimate fitted() {
        return fittedAt(50_000);
    }

    /** Fitted to batches of 1 and 1 024 items costing 100 µs and {@code perItem} nanoseconds an item. */
    private static CostEstimate fittedAt(long perItem) {
        CostEstimate c = new CostEstimate(0.1, 0, 1);
        for (int i = 0; i < 30; i++) {
            c.observe(1, 100_000 + perItem);
            c.observe(1_024, 100_000 + 1_024 * perItem);
        }
        return c;
    }

    @Test
    void seed_isTakenExactly_andTrafficRefinesItLikeAMeasuredEstimate() {
        CostEstimate c = new CostEstimate(0.1, 0, 1);
        c.seed(1_000_000, 10_000, 1 << 16);
        assertThat(c.measured()).isTrue();
        assertThat(c.fixedNanos()).isCloseTo(1_000_000, within(1e-3));
        assertThat(c.perItemNanos()).isCloseTo(10_000, within(1e-6));
        for (int i = 0; i < 6; i++) {
            c.observe(1_024, 1_000_000 + 1_024 * 40_000L);
        }
        assertThat(c.perItemNanos()).as("four times slower in traffic: drift").isCloseTo(40_000, within(4_000.0));
    }

    @Test
    void new_estimate_isThePriorAndNotMeasured() {
        CostEstimate c = new CostEstimate(0.1, 2_000, 50);
        assertThat(c.nanosFor(10)).isEqualTo(2_500);
        assertThat(c.measured()).isFalse();
    }

    @Test
    void observe_noisyTimes_neverGiveNegativeParts() {
        CostEstimate c = new CostEstimate(0.3, 1_000, 10);
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < 1_000; i++) {
            long n = 1 + rnd.nextInt(200);
            c.observe(n, 1 + rnd.nextInt(100_000));
            assertThat(c.fixedNanos()).isGreaterThanOrEqualTo(0);
            assertThat(c.perItemNanos()).isGreaterThanOrEqualTo(CostEstimate.MIN_PER_ITEM_NANOS);
        }
    }

    @Test
    void observe_floodOfSingleItems_afterLargeBatches_keepsThePerItemPart() {
        CostEstimate c = new CostEstimate(0.1, 0, 1);
        for (int i = 0; i < 20; i++) {
            c.observe(1_024, 100_000 + 1_024 * 100_000L);
        }
        for (int i = 0; i < 500; i++) {
            c.observe(1, 300_000);
        }
        assertThat(c.perItemNanos()).isCloseTo(100_000, within(10_000.0));
        assertThat(c.nanosFor(1)).isCloseTo(300_000, within(30_000.0));
    }
}
