package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The wait admission refuses on is the work held times the slowdown measured while a queue stood: work that drains
 * at half its estimated speed doubles the wait, and lone requests (no queue) teach nothing.
 */
class AdmissionSlowdownTest {
    private static final long MS = 1_000_000;
    private final AtomicLong clock = new AtomicLong(1_000 * MS);
    private final Admission admission = new Admission(1_000_000, 2_000 * MS, clock::get);

    /** Holds {@code ms} of estimated work, then does it in 10 ms pieces that each take {@code factor} times as long. */
    private void drain(long ms, double factor) {
        assertThat(admission.tryAcquire(ms, ms * MS)).isNull();
        for (long left = ms; left > 0; left -= 10) {
            clock.addAndGet((long) (10 * MS * factor));
            admission.done(10, 10 * MS);
        }
        assertThat(admission.held()).isZero();
    }

    @Test
    void workThatDrainsAtHalfItsEstimatedSpeed_doublesTheWait_andIsRefusedSooner() {
        assertThat(admission.slowdown()).isEqualTo(1.0);
        for (int i = 0; i < 6; i++) {
            drain(1_500, 2.0);
        }
        assertThat(admission.slowdown()).isBetween(1.9, 2.1);

        assertThat(admission.tryAcquire(1_200, 1_200 * MS)).isNull();
        assertThat(admission.waitNanos()).isBetween(2_280.0 * MS, 2_520.0 * MS);
        Admission.Refusal refusal = admission.tryAcquire(1, MS);
        assertThat(refusal).isNotNull();
        assertThat(refusal.waitNanos()).isGreaterThan(2_000.0 * MS);
        assertThat(refusal.reason()).contains("target 2000 ms");
    }

    @Test
    void workThatDrainsFasterThanEstimated_shortensTheWait() {
        for (int i = 0; i < 6; i++) {
            drain(1_500, 0.5);
        }
        assertThat(admission.slowdown()).isBetween(0.45, 0.55);
        assertThat(admission.tryAcquire(3_000, 3_000 * MS)).isNull();
        assertThat(admission.tryAcquire(1, MS)).isNull(); // 3 s estimated is 1.5 s at the speed seen
    }

    @Test
    void aSlowdownLearnedInAStall_isMeasuredBackDown_byTheQueuesOfSmallRequestsItStillAdmits() {
        for (int i = 0; i < 8; i++) {
            drain(1_500, 16.0); // a stall: every piece of work took 16 times its estimate
        }
        assertThat(admission.slowdown()).isGreaterThan(10.0);
        // now 20 ms requests, admitted while the wait allows (about 125 ms of estimated work at that slowdown, far
        // under a quarter of the target in estimated work), done at their estimate
        for (int round = 0; round < 100; round++) {
            while (admission.tryAcquire(20, 20 * MS) == null) {
                assertThat(admission.held()).isLessThan(10_000);
            }
            while (admission.held() > 0) {
                clock.addAndGet(10 * MS);
                admission.done(10, 10 * MS);
            }
        }
        assertThat(admission.slowdown()).isBetween(0.9, 1.2);
    }

    @Test
    void loneRequestsWithNoQueue_doNotMoveTheSlowdown() {
        for (int i = 0; i < 200; i++) {
            drain(10, 20.0); // 10 ms estimated taking 200 ms: a lone request's latency, not a drain rate
        }
        assertThat(admission.slowdown()).isEqualTo(1.0);
    }

    @Test
    void withdrawnWork_isNotCountedAsDone() {
        for (int i = 0; i < 6; i++) {
            assertThat(admission.tryAcquire(1_500, 1_500 * MS)).isNull();
            clock.addAndGet(1_000 * MS);
            admission.release(1_500, 1_500 * MS); // a reservation replaced by its request, a cancelled request
        }
        assertThat(admission.slowdown()).isEqualTo(1.0);
    }
}
