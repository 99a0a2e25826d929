package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Backends on the host's cores serve the earliest admitted request first, a permit at a time. */
class OrderedGateTest {
    @Test
    void waitersEnterInAdmissionOrder_notInArrivalOrder() throws Exception {
        OrderedGate gate = new OrderedGate(1);
        gate.enter(0, new Cancellation());
        List<Long> entered = new CopyOnWriteArrayList<>();
        long[] arrival = {7, 3, 5, 4};
        CountDownLatch done = new CountDownLatch(arrival.length);
        for (long order : arrival) {
            Thread.ofVirtual().start(() -> {
                gate.enter(order, new Cancellation());
                entered.add(order);
                gate.exit();
                done.countDown();
            });
            Thread.sleep(50); // each is waiting before the next arrives
        }
        assertThat(entered).isEmpty();
        gate.exit();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(entered).containsExactly(3L, 4L, 5L, 7L);
    }

    @Test
    void withAFreePermit_aCallerEntersAtOnce_andTwoPermitsLetTwoIn() {
        OrderedGate gate = new OrderedGate(2);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            gate.enter(9, new Cancellation());
            gate.enter(10, new Cancellation());
            gate.exit();
            gate.enter(11, new Cancellation());
            gate.exit();
            gate.exit();
            gate.enter(12, new Cancellation());
            gate.exit();
        });
    }

    @Test
    void aCancelledWaiter_leavesTheLine_andTheNextGoes() throws Exception {
        OrderedGate gate = new OrderedGate(1);
        gate.enter(0, new Cancellation());
        Cancellation first = new Cancellation();
        Thread.Builder threads = Thread.ofVirtual();
        Throwable[] failed = new Throwable[1];
        Thread cancelled = threads.start(() -> {
            try {
                gate.enter(1, first);
            } catch (Throwable t) {
                failed[0] = t;
            }
        });
        CountDownLatch secondIn = new CountDownLatch(1);
        Thread.sleep(50);
        threads.start(() -> {
            gate.enter(2, new Cancellation());
            secondIn.countDown();
            gate.exit();
        });
        Thread.sleep(50);
        first.cancel();
        cancelled.join(30_000);
        assertThat(failed[0]).isInstanceOf(CancelledException.class);
        assertThat(secondIn.getCount()).isEqualTo(1); // the permit is still held
        gate.exit();
        assertThat(secondIn.await(30, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> new OrderedGate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallerTakingEveryPermit_waitsForAllOfThem_andNobodyAdmittedAfterItOvertakes() throws Exception {
        OrderedGate gate = new OrderedGate(2);
        gate.enter(0, new Cancellation());
        List<String> entered = new CopyOnWriteArrayList<>();
        CountDownLatch wholeIn = new CountDownLatch(1);
        CountDownLatch wholeMayLeave = new CountDownLatch(1);
        Thread whole = Thread.ofVirtual().start(() -> {
            gate.enter(1, new Cancellation(), 2);
            entered.add("whole");
            wholeIn.countDown();
            try {
                wholeMayLeave.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            gate.exit(2);
        });
        Thread.sleep(50);
        CountDownLatch laterIn = new CountDownLatch(1);
        Thread.ofVirtual().start(() -> {
            gate.enter(2, new Cancellation());
            entered.add("later");
            laterIn.countDown();
            gate.exit();
        });
        Thread.sleep(100);
        // one permit is free, but the caller admitted before wants two and is first in line
        assertThat(entered).isEmpty();
        gate.exit();
        assertThat(wholeIn.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(entered).containsExactly("whole");
        wholeMayLeave.countDown();
        whole.join(30_000);
        assertThat(laterIn.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(entered).containsExactly("whole", "later");
        assertThatThrownBy(() -> gate.enter(3, new Cancellation(), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
