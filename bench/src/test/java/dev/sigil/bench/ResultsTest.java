package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsTest {
    private static Results.SweepPoint p(String backend, int batch, double rate) {
        return new Results.SweepPoint(backend, "ecdsa-p256", batch, rate, 1, 1, 1, 1, 0);
    }

    private static List<Results.SweepPoint> cpu() {
        return List.of(p("cpu", 1, 1000), p("cpu", 16, 1000), p("cpu", 256, 1000), p("cpu", 4096, 1000));
    }

    @Test
    void crossover_isSmallestBatchFromWhichTheAcceleratorStaysAhead() {
        List<Results.SweepPoint> gpu = List.of(p("opencl", 1, 10), p("opencl", 16, 900), p("opencl", 256, 1500),
                p("opencl", 4096, 8000));
        Results.Crossover c = Results.crossover("opencl", "ecdsa-p256", gpu, cpu());
        assertThat(c.batch()).contains(256);
        assertThat(c.aheadAt()).containsExactly(256, 4096);
        assertThat(c.bestSpeedup()).isEqualTo(8.0);
    }

    @Test
    void crossover_aheadThenBehind_isNotACrossover() {
        List<Results.SweepPoint> gpu = List.of(p("opencl", 1, 10), p("opencl", 16, 1200), p("opencl", 256, 900),
                p("opencl", 4096, 500));
        Results.Crossover c = Results.crossover("opencl", "ecdsa-p256", gpu, cpu());
        assertThat(c.batch()).isEmpty();
        assertThat(c.aheadAt()).containsExactly(16);
    }

    @Test
    void crossovers_skipTheCpuItself_andPairEveryAcceleratorScheme() {
        Results r = new Results();
        r.sweep.addAll(cpu());
        r.sweep.addAll(List.of(p("opencl", 1, 10), p("opencl", 4096, 5000)));
        assertThat(r.crossovers()).containsExactly(
                new Results.Crossover("opencl", "ecdsa-p256", Optional.of(4096), List.of(4096), 5.0));
    }

    @Test
    void capacity_isHarmonicMixOfEachSchemesBestThroughput() {
        Results r = new Results();
        r.sweep.add(new Results.SweepPoint("cpu", "ecdsa-p256", 16, 1000, 1, 1, 1, 1, 0));
        r.sweep.add(new Results.SweepPoint("cpu", "ed25519", 16, 3000, 1, 1, 1, 1, 0));
        double c = BenchMain.capacity(r, List.of(dev.sigil.crypto.Scheme.ECDSA_P256, dev.sigil.crypto.Scheme.ED25519));
        assertThat(c).isCloseTo(1500.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void median_ofOddAndEvenCounts() {
        assertThat(BackendSweep.median(new double[] {5, 1, 100})).isEqualTo(5.0);
        assertThat(BackendSweep.median(new double[] {4, 1, 100, 2})).isEqualTo(3.0);
    }

    @Test
    void time_callThatOutlastsTheMeasuringTime_runsOnceNotOncePerSlice() {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        BackendSweep.Timed t = BackendSweep.time(() -> {
            calls.incrementAndGet();
            java.util.concurrent.locks.LockSupport.parkNanos(60_000_000L);
            return null;
        }, java.time.Duration.ZERO, java.time.Duration.ofMillis(20));
        assertThat(t.calls()).isEqualTo(1);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(t.histogram().getTotalCount()).isEqualTo(1);
        assertThat(t.medianCallsPerSecond()).isPositive();
    }

    @Test
    void time_shortCalls_fillEverySlice() {
        BackendSweep.Timed t = BackendSweep.time(() -> 1, java.time.Duration.ZERO, java.time.Duration.ofMillis(50));
        assertThat(t.calls()).isGreaterThanOrEqualTo(BackendSweep.SLICES);
        assertThat(t.histogram().getTotalCount()).isEqualTo(t.calls());
    }

    @Test
    void httpSteps_followTheFractions_thenDouble() {
        double[] f = {0.1, 0.5, 1.0};
        assertThat(HttpPhase.fraction(f, 0)).isEqualTo(0.1);
        assertThat(HttpPhase.fraction(f, 2)).isEqualTo(1.0);
        assertThat(HttpPhase.fraction(f, 3)).isEqualTo(2.0);
        assertThat(HttpPhase.fraction(f, 5)).isEqualTo(8.0);
    }
}
