package dev.sigil.service.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Time for routing tests that no machine's speed or load can change: each thread has its own clock, which only the
 * simulated work of a {@link ControlledBackend} moves (a thread started by another starts at that one's time).
 * Backends that share a {@link Core} run the calls that start at the same instant one after the other.
 */
final class VirtualTime implements LongSupplier {
    private final InheritableThreadLocal<long[]> now = new InheritableThreadLocal<>() {
        @Override
        protected long[] initialValue() {
            return new long[1];
        }

        @Override
        protected long[] childValue(long[] parent) {
            return new long[] {parent[0]};
        }
    };

    @Override
    public long getAsLong() {
        return now.get()[0];
    }

    /** Work of this many nanoseconds on the calling thread, on the core (null: a core of its own). */
    void work(Core core, long nanos) {
        long[] t = now.get();
        t[0] = core == null ? t[0] + nanos : core.run(t[0], nanos);
    }

    /** One core that several backends share. */
    static final class Core {
        private final Map<Long, Long> busyUntil = new HashMap<>();

        synchronized long run(long start, long nanos) {
            long end = Math.max(start, busyUntil.getOrDefault(start, start)) + nanos;
            busyUntil.put(start, end);
            return end;
        }
    }
}
