package dev.sigil.service.routing;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets callers into the backends that run on the host's cores, {@code permits} at a time (one per core), the earliest
 * admitted request first. Requests run inline on their own threads; without this, every admitted request would share
 * the cores chunk by chunk, and under a queue each would take as long as all the work admitted beside it, not the work
 * admitted before it, which is what {@link Admission} promises to keep under {@code routing.maxQueueDelayMs}. A caller
 * may take several permits: a batch on an OpenCL CPU device runs on every core by itself, so it takes them all and
 * runs alone, never beside another backend's batch on the same cores (the two would slow each other down by more
 * than their share, and each would be timed wrong). With enough free permits and nobody waiting it costs one lock.
 */
final class OrderedGate {
    /** How often a waiter looks at its request's cancellation. */
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private final PriorityQueue<long[]> waiting = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private final int permits;
    private int free;

    OrderedGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        this.permits = permits;
        this.free = permits;
    }

    /** The permits the gate has in all. */
    int permits() {
        return permits;
    }

    /**
     * Waits for a permit behind every waiter admitted before {@code order}.
     *
     * @throws CancelledException when the request is cancelled while it waits
     */
    void enter(long order, Cancellation cancellation) {
        enter(order, cancellation, 1);
    }

    /**
     * Waits for {@code weight} permits (at most {@link #permits()}) behind every waiter admitted before {@code order};
     * while it waits at the head of the line, nobody after it enters.
     *
     * @throws CancelledException when the request is cancelled while it waits
     */
    void enter(long order, Cancellation cancellation, int weight) {
        if (weight < 1 || weight > permits) {
            throw new IllegalArgumentException("weight must be in [1, " + permits + "]");
        }
        lock.lock();
        try {
            if (free >= weight && waiting.isEmpty()) {
                free -= weight;
                return;
            }
            long[] me = {order};
            waiting.add(me);
            boolean entered = false;
            try {
                while (free < weight || waiting.peek() != me) {
                    cancellation.check();
                    turn.awaitNanos(CHECK_NANOS);
                }
                entered = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                throw new CancelledException();
            } finally {
                waiting.remove(me);
                if (entered) {
                    free -= weight;
                }
                turn.signalAll(); // the next in line may go, or has become the head
            }
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        exit(1);
    }

    /** Gives back the {@code weight} permits of an {@link #enter(long, Cancellation, int)}. */
    void exit(int weight) {
        lock.lock();
        try {
            free += weight;
            turn.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
