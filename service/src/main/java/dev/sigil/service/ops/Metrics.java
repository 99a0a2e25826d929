package dev.sigil.service.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/** Every metric the service exports, by name; differences are tags (endpoint, status, scheme, backend, outcome). */
public final class Metrics implements AutoCloseable {
    public static final String HTTP_REQUESTS = "sigil.http.requests";
    public static final String VERIFY_ITEMS = "sigil.verify.items";
    public static final String VERIFY_BATCH_SIZE = "sigil.verify.batch.size";
    public static final String SIGN_SIGNATURES = "sigil.sign.signatures";
    public static final String BACKEND_QUEUE_DEPTH = "sigil.backend.queue.depth";
    public static final String BACKEND_FAILURES = "sigil.backend.failures";
    public static final String WORKER_IN_FLIGHT = "sigil.worker.in.flight";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public void request(String endpoint, String method, int status, long nanos) {
        Timer.builder(HTTP_REQUESTS).description("HTTP requests by endpoint and status")
                .tag("endpoint", endpoint).tag("method", method).tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(registry).record(Duration.ofNanos(nanos));
    }

    public void verifiedItems(String scheme, String backend, String outcome, int count) {
        if (count > 0) {
            Counter.builder(VERIFY_ITEMS).description("verified items by scheme, backend and outcome")
                    .tag("scheme", scheme).tag("backend", backend).tag("outcome", outcome)
                    .register(registry).increment(count);
        }
    }

    public void batchSize(String scheme, int size) {
        DistributionSummary.builder(VERIFY_BATCH_SIZE).description("items per scheme batch of a verify request")
                .tag("scheme", scheme).register(registry).record(size);
    }

    public void signatures(String scheme, String backend, int count) {
        Counter.builder(SIGN_SIGNATURES).description("signatures made by scheme and backend")
                .tag("scheme", scheme).tag("backend", backend).register(registry).increment(count);
    }

    public void backendFailure(String backend) {
        Counter.builder(BACKEND_FAILURES).description("backend calls that failed and were re-run or refused")
                .tag("backend", backend).register(registry).increment();
    }

    /** Registers the queue-depth gauge of one backend. */
    public void queueDepth(String backend, Supplier<Number> depth) {
        Gauge.builder(BACKEND_QUEUE_DEPTH, depth).description("items queued or running on a backend")
                .tag("backend", backend).register(registry);
    }

    public void workerInFlight(Supplier<Number> inFlight) {
        Gauge.builder(WORKER_IN_FLIGHT, inFlight).description("requests queued or running on the worker pool")
                .register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
