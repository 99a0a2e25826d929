package dev.sigil.service.routing;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets at most {@code permits} callers into a backend that runs on the host's cores at once, the earliest admitted
 * request first. Requests run inline on their own threads; without this, every admitted request would share the cores
 * chunk by chunk, and under a queue each would take as long as all the work admitted beside it, not the work admitted
 * before it, which is what {@link Admission} promises to keep under {@code routing.maxQueueDelayMs}. With a free
 * permit and nobody waiting it costs one lock.
 */
final class OrderedGate {
    /** How often a waiter looks at its request's cancellation. */
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();
    private final PriorityQueue<long[]> waiting = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    private int free;

    OrderedGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        this.free = permits;
    }

    /**
     * Waits for a permit behind every waiter admitted before {@code order}.
     *
     * @throws CancelledException when the request is cancelled while it waits
     */
    void enter(long order, Cancellation cancellation) {
        lock.lock();
        try {
            if (free > 0 && waiting.isEmpty()) {
                free--;
                return;
            }
            long[] me = {order};
            waiting.add(me);
            boolean entered = false;
            try {
                while (free == 0 || waiting.peek() != me) {
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
                    free--;
                }
                turn.signalAll(); // the next in line may go, or has become the head
            }
        } finally {
            lock.unlock();
        }
    }

    void exit() {
        lock.lock();
        try {
            free++;
            turn.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
