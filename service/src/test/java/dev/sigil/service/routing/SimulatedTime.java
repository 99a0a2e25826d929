package dev.sigil.service.routing;

import java.util.function.LongSupplier;

/**
 * A clock for the router that moves only when a simulated backend says time passed, each thread on its own: the
 * router times a batch on the thread that runs it, so it reads exactly the cost the backend was given, and batches
 * that run at the same time on other threads do not add to it.
 */
final class SimulatedTime implements LongSupplier {
    private final ThreadLocal<long[]> now = ThreadLocal.withInitial(() -> new long[1]);

    @Override
    public long getAsLong() {
        return now.get()[0];
    }

    /** Time passes on the calling thread. */
    void pass(long nanos) {
        now.get()[0] += nanos;
    }
}
