package dev.sigil.service.backend;

import dev.sigil.crypto.Scheme;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What each backend is doing and has done: items in flight (its queue depth) and, per scheme, an exponentially
 * weighted moving average of measured verify throughput in items per second.
 */
public final class BackendStats {
    /** Weight of the newest measurement in the moving average. */
    static final double ALPHA = 0.2;

    private final Map<String, AtomicLong> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Map<Scheme, Double>> throughput = new ConcurrentHashMap<>();

    /** Counts items entering a backend. */
    public void begin(String backendId, int items) {
        depthOf(backendId).addAndGet(items);
    }

    /** Counts items leaving a backend, and records the throughput when it did work. */
    public void end(String backendId, Scheme scheme, int items, long nanos, boolean succeeded) {
        depthOf(backendId).addAndGet(-items);
        if (succeeded && items > 0 && nanos > 0) {
            double rate = items * 1e9 / nanos;
            throughput.computeIfAbsent(backendId, k -> new ConcurrentHashMap<>())
                    .merge(scheme, rate, (old, now) -> old + ALPHA * (now - old));
        }
    }

    public long queueDepth(String backendId) {
        return depthOf(backendId).get();
    }

    /** The current estimate per scheme, in items per second; empty for schemes not yet measured. */
    public Map<Scheme, Double> throughput(String backendId) {
        Map<Scheme, Double> out = new EnumMap<>(Scheme.class);
        out.putAll(throughput.getOrDefault(backendId, Map.of()));
        return out;
    }

    private AtomicLong depthOf(String backendId) {
        return inFlight.computeIfAbsent(backendId, k -> new AtomicLong());
    }
}
