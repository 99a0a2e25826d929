package dev.sigil.service.ops;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Verifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
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

/**
 * Every metric the service exports, by name, and the one place each is built; differences are tags (endpoint,
 * status, scheme, backend, operation, outcome, source, event).
 */
public final class Metrics implements AutoCloseable {
    public static final String HTTP_REQUESTS = "sigil.http.requests";
    public static final String VERIFY_ITEMS = "sigil.verify.items";
    public static final String VERIFY_BATCH_SIZE = "sigil.verify.batch.size";
    /** Items of recovery requests by backend and outcome (scheme, backend, outcome). */
    public static final String RECOVER_ITEMS = "sigil.recover.items";
    public static final String SIGN_SIGNATURES = "sigil.sign.signatures";
    public static final String BACKEND_QUEUE_DEPTH = "sigil.backend.queue.depth";
    public static final String BACKEND_FAILURES = "sigil.backend.failures";
    public static final String WORKER_IN_FLIGHT = "sigil.worker.in.flight";
    public static final String ADMISSION_HELD_ITEMS = "sigil.admission.held.items";
    public static final String ADMISSION_WAIT = "sigil.admission.wait.seconds";
    public static final String ADMISSION_SLOWDOWN = "sigil.admission.slowdown";
    /**
     * Items an accelerator's device left undecided and the host then decided with the reference (backend, scheme);
     * the items of {@link #VERIFY_ITEMS} that its device did not decide itself.
     */
    public static final String VERIFY_HOST_DECIDED = "sigil.verify.host.decided";
    /** Items the router sent to a backend, after splitting and failover (backend, scheme, operation). */
    public static final String ROUTING_ITEMS = "sigil.routing.items";
    /** One backend batch: {@code source=estimated} (the router's cost model) or {@code source=actual}. */
    public static final String ROUTING_BATCH_TIME = "sigil.routing.batch.time";
    /** Items, and requests, per batch of a coalescing backend (backend, scheme). */
    public static final String ROUTING_COALESCED_ITEMS = "sigil.routing.coalesced.items";
    public static final String ROUTING_COALESCED_REQUESTS = "sigil.routing.coalesced.requests";
    /** Items dropped before they ran because their request was cancelled: client gone, or answered (backend, scheme). */
    public static final String ROUTING_CANCELLED_ITEMS = "sigil.routing.cancelled.items";
    /** Requests refused because the router held too much work (operation). */
    public static final String ROUTING_REJECTIONS = "sigil.routing.rejections";
    /** Batches given to a backend to re-measure it rather than because it was the best choice (backend, scheme). */
    public static final String ROUTING_EXPLORATIONS = "sigil.routing.explorations";
    /** 1 while a backend is in rotation, 0 while out after a failure (backend). */
    public static final String ROUTING_IN_ROTATION = "sigil.routing.in.rotation";
    /** A backend taken out of rotation or put back by a probe (backend, event=out|back). */
    public static final String ROUTING_ROTATION_EVENTS = "sigil.routing.rotation.events";

    private final MeterRegistry registry;
    private final JvmGcMetrics gc;

    /** A Prometheus registry with the JVM and process meters: what {@code /metrics} shows. */
    public Metrics() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        gc = new JvmGcMetrics();
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Records into a registry someone else owns and closes (the router's, in tests). */
    public Metrics(MeterRegistry registry) {
        this.registry = registry;
        this.gc = null;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry instanceof PrometheusMeterRegistry p ? p.scrape() : "";
    }

    /** A JSON API request: {@code transport="http"}, the HTTP status. */
    public void request(String endpoint, String method, int status, long nanos) {
        request("http", endpoint, method, Integer.toString(status), nanos);
    }

    /**
     * A request by transport: {@code http} (status: the HTTP status) or {@code grpc} (endpoint: the full method
     * name, status: the gRPC status name).
     */
    public void request(String transport, String endpoint, String method, String status, long nanos) {
        Timer.builder(HTTP_REQUESTS).description("HTTP and gRPC requests by transport, endpoint and status")
                .tag("endpoint", endpoint).tag("method", method).tag("status", status).tag("transport", transport)
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

    public void recoveredItems(String scheme, String backend, String outcome, int count) {
        if (count > 0) {
            Counter.builder(RECOVER_ITEMS).description("public-key recovery items by scheme, backend and outcome")
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

    /** A backend failed: work re-run elsewhere or refused, or a signature that does not verify. */
    public void backendFailure(String backend) {
        Counter.builder(BACKEND_FAILURES).description("backend calls that failed and were re-run or refused")
                .tag("backend", backend).register(registry).increment();
    }

    /** The verifier's running count of items decided on the host after its device ran, per scheme it verifies. */
    public void hostDecided(String backend, Verifier verifier) {
        for (Scheme s : verifier.verifiableSchemes()) {
            FunctionCounter.builder(VERIFY_HOST_DECIDED, verifier, v -> v.hostDecidedItems(s))
                    .description("items the device left undecided and the host decided with the reference")
                    .tag("backend", backend).tag("scheme", s.wireName()).register(registry);
        }
    }

    public void workerInFlight(Supplier<Number> inFlight) {
        Gauge.builder(WORKER_IN_FLIGHT, inFlight).description("requests queued or running on the worker pool")
                .register(registry);
    }

    /** Items the router sent to a backend. */
    public void routed(String backend, Scheme scheme, Operation op, int items) {
        if (items > 0) {
            Counter.builder(ROUTING_ITEMS).description("items sent to a backend by the router")
                    .tag("backend", backend).tag("scheme", scheme.wireName()).tag("operation", op.wireName())
                    .register(registry).increment(items);
        }
    }

    public void batchTime(String backend, Scheme scheme, Operation op, long estimatedNanos, long actualNanos) {
        batchTimer(backend, scheme, op, "estimated").record(Duration.ofNanos(Math.max(0, estimatedNanos)));
        batchTimer(backend, scheme, op, "actual").record(Duration.ofNanos(actualNanos));
    }

    private Timer batchTimer(String backend, Scheme scheme, Operation op, String source) {
        return Timer.builder(ROUTING_BATCH_TIME).description("time of one backend batch: the estimate and the real one")
                .tag("backend", backend).tag("scheme", scheme.wireName()).tag("operation", op.wireName())
                .tag("source", source).register(registry);
    }

    public void coalescedBatch(String backend, Scheme scheme, int requests, int items) {
        DistributionSummary.builder(ROUTING_COALESCED_ITEMS).description("items per batch on a coalescing backend")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).record(items);
        DistributionSummary.builder(ROUTING_COALESCED_REQUESTS).description("requests per batch on a coalescing backend")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).record(requests);
    }

    /** Work given to a backend to keep its estimate honest rather than because it was the best choice. */
    public void exploration(String backend, Scheme scheme) {
        Counter.builder(ROUTING_EXPLORATIONS).description("batches given to a backend to re-measure it")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).increment();
    }

    /** Items of a cancelled request dropped before they ran. */
    public void cancelled(String backend, Scheme scheme, long items) {
        Counter.builder(ROUTING_CANCELLED_ITEMS).description("items dropped before they ran: their request was cancelled")
                .tag("backend", backend).tag("scheme", scheme.wireName()).register(registry).increment(items);
    }

    /** A request refused by admission. */
    public void rejection(Operation op) {
        Counter.builder(ROUTING_REJECTIONS).description("requests refused because the work queued would wait too long")
                .tag("operation", op.wireName()).register(registry).increment();
    }

    public void rotation(String backend, boolean in) {
        Counter.builder(ROUTING_ROTATION_EVENTS).description("backends taken out of rotation or put back")
                .tag("backend", backend).tag("event", in ? "back" : "out").register(registry).increment();
    }

    /**
     * Admission's state: items admitted and not yet answered, the wait they mean now (seconds; refused past
     * {@code routing.maxQueueDelayMs}), and the slowdown that wait is scaled by (wall time per estimated second of
     * work, measured while a queue stood).
     */
    public void admissionGauges(Supplier<Number> heldItems, Supplier<Number> waitSeconds, Supplier<Number> slowdown) {
        Gauge.builder(ADMISSION_HELD_ITEMS, heldItems).description("items admitted and not yet answered")
                .strongReference(true).register(registry);
        Gauge.builder(ADMISSION_WAIT, waitSeconds)
                .description("estimated wait of the work admitted; requests are refused past routing.maxQueueDelayMs")
                .strongReference(true).register(registry);
        Gauge.builder(ADMISSION_SLOWDOWN, slowdown)
                .description("wall time per estimated second of work, measured while a queue stood")
                .strongReference(true).register(registry);
    }

    public void backendGauges(String backend, Supplier<Number> queued, Supplier<Number> inRotation) {
        Gauge.builder(BACKEND_QUEUE_DEPTH, queued).description("items queued or running on a backend")
                .tag("backend", backend).strongReference(true).register(registry);
        Gauge.builder(ROUTING_IN_ROTATION, inRotation).description("1 while the backend is in rotation")
                .tag("backend", backend).strongReference(true).register(registry);
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
            registry.close();
        }
    }
}
