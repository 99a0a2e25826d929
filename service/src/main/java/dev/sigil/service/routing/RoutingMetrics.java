package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Records the router's meters. Their names are declared in {@link Metrics}; differences are tags ({@code backend},
 * {@code scheme}, {@code operation}, {@code source}, {@code event}).
 */
public final class RoutingMetrics {
    private final MeterRegistry registry;

    public RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    void routed(String backend, Scheme scheme, Operation op, int items) {
        if (items > 0) {
            Counter.builder(Metrics.ROUTING_ITEMS).description("items sent to a backend by the router")
                    .tag("backend", backend).tag("scheme", scheme.wireName()).tag("operation", op.wireName())
                    .register(registry).increment(items);
        }
    }

    void batchTime(String backend, Scheme scheme, Operation op, long estimatedNanos, long actualNanos) {
        timer(backend, scheme, op, "estimated").record(Duration.ofNanos(Math.max(0, estimatedNanos)));
        timer(backend, scheme, op, "actual").record(Duration.ofNanos(actualNanos));
    }

    private Timer timer(String backend, Scheme scheme, Operation op, String source) {
        return Timer.builder(Metrics.ROUTING_BATCH_TIME).description("time of one backend batch: the estimate and the real one")
                .tag("backend", backend).tag("scheme", scheme.wireName()).tag("operation", op.wireName())
                .tag("source", source).register(registry);
    }

    void coalescedBatch(String backend, Scheme scheme, int requests, int items) {
        DistributionSummary.builder(Metrics.ROUTING_COALESCED_ITEMS).description("items per batch on a coalescing backend")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).record(items);
        DistributionSummary.builder(Metrics.ROUTING_COALESCED_REQUESTS).description("requests per batch on a coalescing backend")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).record(requests);
    }

    /** A backend failed on work that is re-run elsewhere (or refused when no backend is left). */
    void failover(String backend) {
        Counter.builder(Metrics.BACKEND_FAILURES).description("backend calls that failed and were re-run or refused")
                .tag("backend", backend).register(registry).increment();
    }

    /** Work given to a backend to keep its estimate honest rather than because it was the best choice. */
    void exploration(String backend, Scheme scheme) {
        Counter.builder(Metrics.ROUTING_EXPLORATIONS).description("batches given to a backend to re-measure it")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).increment();
    }

    /** Items of a cancelled request dropped before they ran. */
    void cancelled(String backend, Scheme scheme, long items) {
        Counter.builder(Metrics.ROUTING_CANCELLED_ITEMS).description("items dropped before they ran: their request was cancelled")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).increment(items);
    }

    void rejection(Operation op) {
        Counter.builder(Metrics.ROUTING_REJECTIONS).description("requests refused because the work queued would wait too long")
                .tag("operation", op.wireName()).register(registry).increment();
    }

    void rotation(String backend, boolean in) {
        Counter.builder(Metrics.ROUTING_ROTATION_EVENTS).description("backends taken out of rotation or put back")
                .tag("backend", backend).tag("event", in ? "back" : "out").register(registry).increment();
    }

    void gauges(String backend, Supplier<Number> queued, Supplier<Number> inRotation) {
        Gauge.builder(Metrics.BACKEND_QUEUE_DEPTH, queued).description("items queued or running on a backend")
                .tag("backend", backend).strongReference(true).register(registry);
        Gauge.builder(Metrics.ROUTING_IN_ROTATION, inRotation).description("1 while the backend is in rotation")
                .tag("backend", backend).strongReference(true).register(registry);
    }
}
