package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The router's meters, by name; differences are tags ({@code backend}, {@code scheme}, {@code operation},
 * {@code source}, {@code reason}).
 */
public final class RoutingMetrics {
    /** Items sent to a backend (after splitting and failover). */
    public static final String ROUTED_ITEMS = "sigil.routing.items";
    /** Time of one backend batch, {@code source=estimated} (the cost model's guess) or {@code source=actual}. */
    public static final String BATCH_TIME = "sigil.routing.batch.time";
    /** Items per batch a coalescing backend ran, and requests per such batch. */
    public static final String COALESCED_ITEMS = "sigil.routing.coalesced.items";
    public static final String COALESCED_REQUESTS = "sigil.routing.coalesced.requests";
    /** Batches re-run elsewhere because a backend failed; tag {@code backend} is the one that failed. */
    public static final String FAILOVERS = "sigil.routing.failovers";
    /** Requests refused because too much work was queued. */
    public static final String REJECTIONS = "sigil.routing.rejections";
    /** Items queued or running on a backend. */
    public static final String QUEUED_ITEMS = "sigil.routing.queued.items";
    /** 1 while a backend is in rotation, 0 while it is out. */
    public static final String IN_ROTATION = "sigil.routing.in.rotation";
    /** A backend taken out of rotation or put back; tag {@code event} is {@code out} or {@code back}. */
    public static final String ROTATION_EVENTS = "sigil.routing.rotation.events";

    private final MeterRegistry registry;

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    void routed(String backend, Scheme scheme, Operation op, int items) {
        if (items > 0) {
            Counter.builder(ROUTED_ITEMS).description("items sent to a backend by the router")
                    .tag("backend", backend).tag("scheme", scheme.wireName()).tag("operation", op.wireName())
                    .register(registry).increment(items);
        }
    }

    void batchTime(String backend, Scheme scheme, Operation op, long estimatedNanos, long actualNanos) {
        timer(backend, scheme, op, "estimated").record(Duration.ofNanos(Math.max(0, estimatedNanos)));
        timer(backend, scheme, op, "actual").record(Duration.ofNanos(actualNanos));
    }

    private Timer timer(String backend, Scheme scheme, Operation op, String source) {
        return Timer.builder(BATCH_TIME).description("time of one backend batch: the estimate and the real one")
                .tag("backend", backend).tag("scheme", scheme.wireName()).tag("operation", op.wireName())
                .tag("source", source).register(registry);
    }

    void coalescedBatch(String backend, Scheme scheme, int requests, int items) {
        DistributionSummary.builder(COALESCED_ITEMS).description("items per batch on a coalescing backend")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).record(items);
        DistributionSummary.builder(COALESCED_REQUESTS).description("requests per batch on a coalescing backend")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).record(requests);
    }

    void failover(String backend, Operation op) {
        Counter.builder(FAILOVERS).description("batches re-run elsewhere after a backend failed")
                .tag("backend", backend).tag("operation", op.wireName()).register(registry).increment();
    }

    void rejection(Operation op) {
        Counter.builder(REJECTIONS).description("requests refused because the queues were full")
                .tag("operation", op.wireName()).register(registry).increment();
    }

    void rotation(String backend, boolean in) {
        Counter.builder(ROTATION_EVENTS).description("backends taken out of rotation or put back")
                .tag("backend", backend).tag("event", in ? "back" : "out").register(registry).increment();
    }

    void gauges(String backend, Supplier<Number> queued, Supplier<Number> inRotation) {
        Gauge.builder(QUEUED_ITEMS, queued).description("items queued or running on a backend")
                .tag("backend", backend).strongReference(true).register(registry);
        Gauge.builder(IN_ROTATION, inRotation).description("1 while the backend is in rotation")
                .tag("backend", backend).strongReference(true).register(registry);
    }
}
