package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.error.OverloadedException;
import dev.sigil.service.ops.Metrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Chooses where each verify batch, each recovery batch and each signing request runs, by measured cost (DESIGN decision 4).
 *
 * <p>Every backend has, per scheme, an estimate of its fixed latency per batch and its per-item cost (calibrated at
 * start off the request path, then kept current from every batch it runs) and a count of the work queued on it. A
 * verify batch goes to the backend, or is split across the backends in proportion to their throughput, so that it
 * finishes first given what is already queued. Backends that want large batches (GPUs) get small concurrent requests
 * coalesced. A backend that throws a {@link dev.sigil.crypto.spi.BackendException} is taken out of rotation and its
 * items are re-run elsewhere; a periodic known-answer probe brings it back. Work held is bounded by cost: a request
 * that would wait longer than {@code routing.maxQueueDelayMs} is refused at once with {@link OverloadedException}.
 * Long assignments run in chunks, so a cancelled request ({@link Cancellation}) stops using the backends. Every admitted item gets an outcome, in request
 * order, or the request gets an exception. Thread-safe; the calling thread runs one share of each batch itself.
 */
public final class Router implements AutoCloseable {

    /** Items {@code [from, to)} of a batch were computed by the backend. */
    public record Part(String backendId, int from, int to) {
    }

    /** One outcome per item, in order, and which backend computed which items. */
    public record Routed(Outcome[] outcomes, List<Part> parts) {
        /** Items per backend. */
        public Map<String, Integer> itemsByBackend() {
            Map<String, Integer> out = new TreeMap<>();
            parts.forEach(p -> out.merge(p.backendId(), p.to() - p.from(), Integer::sum));
            return out;
        }
    }

    /** The signatures, in input order, and the backend that made them. */
    public record Signed(List<RawSignature> signatures, String backendId) {
    }

    /** The keys a recovery batch gave, and the backend that recovered them (null when no item was pending). */
    public record Recovered(RecoveredKeys keys, String backendId) {
    }

    /** The router's current estimate for one scheme on one backend. */
    public record Estimate(double fixedMillis, double itemsPerSecond, boolean measured) {
    }

    /** What the router knows about one backend, including the backends found to share its hardware. */
    public record BackendSnapshot(String id, BackendKind kind, boolean inRotation, boolean coalescing,
            long queuedItems, Map<Scheme, Estimate> verify, java.util.Set<String> sharesHardwareWith) {
    }

    /**
     * Work admitted for one request ({@link #admit}): released as it is done, the rest when closed; and the request's
     * {@link Cancellation}.
     */
    public static final class Ticket implements AutoCloseable {
        private static final AtomicLong ORDER = new AtomicLong();
        private final Admission admission;
        private final Cancellation cancellation;
        private final Map<Scheme, Double> nanosPerItem;
        private final long order;
        private long items;
        private double nanos;

        private Ticket(Admission admission, Cancellation cancellation, Map<Scheme, Double> nanosPerItem, long items,
                double nanos) {
            this.order = ORDER.getAndIncrement();
            this.admission = admission;
            this.cancellation = cancellation;
            this.nanosPerItem = nanosPerItem;
            this.items = items;
            this.nanos = nanos;
        }

        public Cancellation cancellation() {
            return cancellation;
        }

        /** The ticket's place in admission order: backends on the host's cores serve the earlier first. */
        long order() {
            return order;
        }

        /** Items of the scheme done (or dropped): their share of the work is released. */
        void done(Scheme scheme, long count) {
            long n;
            double d;
            synchronized (this) {
                n = Math.min(count, items);
                d = Math.min(nanos, n * nanosPerItem.getOrDefault(scheme, 0.0));
                items -= n;
                nanos -= d;
            }
            if (n > 0) {
                admission.done(n, d);
            }
        }

        @Override
        public void close() {
            long n;
            double d;
            synchronized (this) {
                n = items;
                d = nanos;
                items = 0;
                nanos = 0;
            }
            if (n > 0) {
                admission.release(n, d);
            }
        }
    }

    private final Fleet fleet;
    private final Admission admission;
    private final SignRouting signing;
    private final RecoverRouting recovering;
    private final KnownAnswerSource answers = new KnownAnswerSource();
    /** Per operation: items and estimated nanoseconds per request body byte, learned from decoded requests. */
    private final Map<Operation, double[]> perByte = new EnumMap<>(Operation.class);
    private final CountDownLatch calibrated = new CountDownLatch(1);
    private final ScheduledExecutorService probes;
    private final Thread calibration;

    private Router(List<Backend> backends, RoutingConfig config, MeterRegistry registry,
            Predicate<Backend> coalescing, LongSupplier clock, CostPriors priors) {
        Metrics metrics = new Metrics(registry);
        this.fleet = new Fleet(backends, coalescing, config, metrics, clock);
        this.admission = new Admission(config.maxQueuedItems(), config.maxQueueDelayMs() * 1_000_000, clock);
        metrics.admissionGauges(admission::held, () -> admission.waitNanos() / 1e9, admission::slowdown);
        this.signing = new SignRouting(fleet);
        this.recovering = new RecoverRouting(fleet);
        Prober prober = new Prober(fleet, answers, Math.max(5_000, 5 * config.probeIntervalMs()));
        this.probes = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("sigil-probe").factory());
        probes.scheduleWithFixedDelay(prober::tick, config.probeIntervalMs(), config.probeIntervalMs(),
                TimeUnit.MILLISECONDS);
        Runnable calibrate = config.calibrate() ? new Calibrator(fleet, answers, priors)::run : () -> { };
        this.calibration = Thread.ofPlatform().daemon().name("sigil-calibrate").start(() -> {
            try {
                calibrate.run();
            } finally {
                calibrated.countDown();
            }
        });
    }

    /**
     * A router over the backends (none is allowed: every request then fails with a BackendException), with default
     * settings, metrics kept in memory, coalescing for GPUs.
     */
    public static Builder builder(List<Backend> backends) {
        return new Builder(backends);
    }

    /**
     * Verifies the batch: on the pinned backend when one is given, even while it is out of rotation (re-run
     * elsewhere if it fails there; {@link Routed#parts()} tells where each item really ran), else where it finishes
     * first. Admits it first, as {@link #admit} does.
     *
     * @throws OverloadedException when the work held is already past {@code routing.maxQueueDelayMs} or the items
     *     would pass {@code routing.maxQueuedItems}
     * @throws PinnedBackendUnavailableException when the pinned backend is unknown or does not verify the scheme
     * @throws dev.sigil.crypto.spi.BackendException when every backend able to verify the scheme failed
     */
    public Routed verify(VerifyBatch batch, Optional<String> pinnedBackend) {
        if (batch.pendingCount() == 0) {
            return verify(batch, pinnedBackend, null);
        }
        try (Ticket ticket = admit(Operation.VERIFY, Map.of(batch.scheme(), batch.pendingCount()),
                new Cancellation())) {
            return verify(batch, pinnedBackend, ticket);
        }
    }

    /**
     * As {@link #verify(VerifyBatch, Optional)}, within work already admitted: the ticket's work is released as it is
     * done. When the ticket's request is cancelled, items not yet started are dropped, items in flight are not re-run
     * if their backend fails, and {@link CancelledException} is thrown; any other failure cancels it too.
     *
     * @throws CancelledException when the request was cancelled before all of its items ran
     */
    public Routed verify(VerifyBatch batch, Optional<String> pinnedBackend, Ticket ticket) {
        Member pinned = pinnedBackend.map(id -> pinned(id, batch.scheme())).orElse(null);
        if (batch.pendingCount() == 0) {
            return new Routed(batch.newOutcomes(), List.of());
        }
        ticket.cancellation().check();
        try {
            return new VerifyExecution(fleet, batch, ticket).run(pinned);
        } catch (RuntimeException e) {
            ticket.cancellation().cancel();
            throw e;
        }
    }

    /**
     * Recovers the batch's keys within work already admitted (as {@link Operation#RECOVER}): on the pinned backend
     * first when one is given (re-run elsewhere if it fails there; {@link Recovered#backendId()} tells where it ran),
     * else on the backend that finishes it first by its recovery estimates.
     *
     * @throws PinnedBackendUnavailableException when the pinned backend is unknown or does not recover
     * @throws CancelledException when the request was cancelled before the batch ran
     * @throws dev.sigil.crypto.spi.BackendException when every backend able to recover failed
     */
    public Recovered recover(RecoverBatch batch, Optional<String> pinnedBackend, Ticket ticket) {
        Member pinned = pinnedBackend.map(id -> pinned(id, batch.scheme(), Operation.RECOVER)).orElse(null);
        if (batch.pendingCount() == 0) {
            return new Recovered(new RecoveredKeys(batch.newOutcomes(),
                    new byte[RecoveredKeys.POINT_BYTES * batch.size()]), null);
        }
        ticket.cancellation().check();
        return recovering.recover(batch, pinned, ticket);
    }

    /**
     * Refuses at once, before a request is even decoded, when any request would be refused now: the work held
     * already takes longer than {@code routing.maxQueueDelayMs} (the test {@link #admit} makes first).
     *
     * @throws OverloadedException when refused
     */
    public void checkAdmission(Operation op) {
        Admission.Refusal refusal = admission.lateRefusal();
        if (refusal != null) {
            throw refused(op, refusal);
        }
    }

    /**
     * Reserves work for a request whose body of {@code bodyBytes} has arrived but is not decoded yet, at the items and
     * cost per byte learned from the requests decoded before ({@link #admit(Operation, Map, Cancellation, Reservation)}
     * teaches them): refused at once, as {@link #admit} refuses, when the work held would already take longer than
     * {@code routing.maxQueueDelayMs}. So many clients sending huge requests together are answered {@code overloaded}
     * when they arrive, not after waiting their turn to be decoded. Close it (idempotent) when the request ends.
     *
     * @throws OverloadedException when refused
     */
    public Reservation reserve(Operation op, long bodyBytes) {
        double[] per;
        synchronized (perByte) {
            double[] learned = perByte.get(op);
            per = learned != null ? learned.clone() : null;
        }
        if (per == null) {
            per = defaultPerByte(op);
        }
        long items = Math.round(bodyBytes * per[0]);
        double nanos = bodyBytes * per[1];
        acquire(op, items, nanos);
        return new Reservation(admission, bodyBytes, items, nanos);
    }

    /** Bytes of JSON per item assumed until a decoded request has told: a short message, hex key and signature. */
    static final int DEFAULT_BYTES_PER_ITEM = 320;

    /** Items and nanoseconds per byte before any request was decoded: the mean estimate of the schemes. */
    private double[] defaultPerByte(Operation op) {
        double sum = 0;
        int n = 0;
        for (Scheme s : Scheme.values()) {
            double per = fleet.nanosPerItem(s, op);
            if (per > 0) {
                sum += per;
                n++;
            }
        }
        double items = 1.0 / DEFAULT_BYTES_PER_ITEM;
        return new double[] {items, n == 0 ? 0 : items * sum / n};
    }

    /** Learning rate of the items and cost per body byte. */
    static final double PER_BYTE_ALPHA = 0.25;

    private void learnPerByte(Operation op, long bytes, long items, double nanos) {
        if (bytes <= 0 || items <= 0) {
            return;
        }
        synchronized (perByte) {
            double[] per = perByte.computeIfAbsent(op, k -> new double[] {(double) items / bytes, nanos / bytes});
            per[0] += PER_BYTE_ALPHA * ((double) items / bytes - per[0]);
            per[1] += PER_BYTE_ALPHA * (nanos / bytes - per[1]);
        }
    }

    /** Work reserved for a request body not decoded yet ({@link #reserve}); released when closed. */
    public static final class Reservation implements AutoCloseable {
        private final Admission admission;
        private final long bytes;
        private final long items;
        private final double nanos;
        private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

        private Reservation(Admission admission, long bytes, long items, double nanos) {
            this.admission = admission;
            this.bytes = bytes;
            this.items = items;
            this.nanos = nanos;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false) && (items > 0 || nanos > 0)) {
                admission.release(items, nanos);
            }
        }
    }

    /**
     * Admits a request's work, by cost: refused when the work already held would take longer than
     * {@code routing.maxQueueDelayMs} at the backends' estimated throughput (one of each group sharing hardware),
     * with a {@code Retry-After} of the time until it would be under it, or when its items would pass
     * {@code routing.maxQueuedItems}. Close the ticket when the request is answered.
     *
     * @throws OverloadedException when refused
     */
    public Ticket admit(Operation op, Map<Scheme, Integer> items, Cancellation cancellation) {
        return admit(op, items, cancellation, null);
    }

    /**
     * As {@link #admit(Operation, Map, Cancellation)}, for a request that held a {@link Reservation} while its body
     * was decoded: the reservation is released for the exact work, and its size teaches the cost per byte.
     */
    public Ticket admit(Operation op, Map<Scheme, Integer> items, Cancellation cancellation, Reservation reserved) {
        Map<Scheme, Double> perItem = new EnumMap<>(Scheme.class);
        long total = 0;
        double nanos = 0;
        for (Map.Entry<Scheme, Integer> e : items.entrySet()) {
            double per = fleet.nanosPerItem(e.getKey(), op);
            perItem.put(e.getKey(), per);
            total += e.getValue();
            nanos += per * e.getValue();
        }
        if (reserved != null) {
            reserved.close();
            learnPerByte(op, reserved.bytes, total, nanos);
        }
        acquire(op, total, nanos);
        return new Ticket(admission, cancellation, perItem, total, nanos);
    }

    /** Counts the refusal and makes its answer: {@code overloaded} with the wait's {@code Retry-After}. */
    private OverloadedException refused(Operation op, Admission.Refusal refusal) {
        fleet.metrics().rejection(op);
        return new OverloadedException(refusal.reason() + "; retry later", retryAfterSeconds(refusal.waitNanos()));
    }

    /** Takes the work from {@link Admission}, or counts the refusal and throws it. */
    private void acquire(Operation op, long items, double nanos) {
        Admission.Refusal refusal = admission.tryAcquire(items, nanos);
        if (refusal != null) {
            throw refused(op, refusal);
        }
    }

    /**
     * Signs each input with the key on a backend allowed to (never a GPU; a token key only on its own backend).
     *
     * @throws OverloadedException when refused, as by {@link #admit}
     * @throws dev.sigil.crypto.spi.BackendException when no allowed backend could sign
     */
    public Signed sign(SigningKey key, List<byte[]> inputs) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to sign");
        }
        try (Ticket ticket = admit(Operation.SIGN, Map.of(key.scheme(), inputs.size()), new Cancellation())) {
            return signing.sign(key, inputs);
        }
    }

    /** True when some backend (in rotation or not) may sign with the key. */
    public boolean canSign(SigningKey key) {
        return fleet.members().stream().anyMatch(m -> SignRouting.mayUse(m, key));
    }

    private Member pinned(String id, Scheme scheme) {
        return pinned(id, scheme, Operation.VERIFY);
    }

    private Member pinned(String id, Scheme scheme, Operation op) {
        Member m = fleet.member(id);
        if (m == null) {
            throw new PinnedBackendUnavailableException(id, "no backend " + id);
        }
        if (!m.supports(scheme, op)) {
            throw new PinnedBackendUnavailableException(id, "backend " + id + " does not " + op.wireName() + " "
                    + scheme);
        }
        return m;
    }

    /**
     * Whole seconds until the estimated wait would be back under {@code routing.maxQueueDelayMs} (at least the time
     * to drain what is held past the item bound), within [1, 60].
     */
    long retryAfterSeconds(double waitNanos) {
        double over = waitNanos - admission.maxDelayNanos();
        return Math.max(1, Math.min(60, (long) Math.ceil(Math.max(0, over) / 1e9)));
    }

    /** Items admitted and not yet answered. */
    public long heldItems() {
        return admission.held();
    }

    /** The estimates and queues of every backend. */
    public List<BackendSnapshot> snapshot() {
        List<BackendSnapshot> out = new ArrayList<>();
        for (Member m : fleet.members()) {
            Map<Scheme, Estimate> verify = new EnumMap<>(Scheme.class);
            for (Scheme s : m.schemes(Operation.VERIFY)) {
                CostEstimate c = m.cost(Operation.VERIFY, s);
                verify.put(s, new Estimate(c.fixedNanos() / 1e6, c.itemsPerSecond(), c.measured()));
            }
            out.add(new BackendSnapshot(m.id(), m.backend().kind(), m.inRotation(), m.coalescing(), m.queuedItems(),
                    verify, m.contending()));
        }
        return out;
    }

    /** Waits for the start-up calibration to finish; true when it did within the time. */
    public boolean awaitCalibration(Duration timeout) throws InterruptedException {
        return calibrated.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one probe round now, on the calling thread (the schedule runs them anyway). */
    void probeNow() {
        new Prober(fleet, answers, 30_000).tick();
    }

    @Override
    public void close() {
        calibration.interrupt();
        probes.shutdownNow();
        fleet.close();
    }

    /** Builds and starts a {@link Router}. */
    public static final class Builder {
        private final List<Backend> backends;
        private RoutingConfig config = RoutingConfig.defaults();
        private MeterRegistry registry;
        private Predicate<Backend> coalescing = b -> b.kind() == BackendKind.GPU;
        private LongSupplier clock = System::nanoTime;
        private CostPriors priors = CostPriors.none();

        private Builder(List<Backend> backends) {
            this.backends = List.copyOf(backends);
        }

        public Builder config(RoutingConfig value) {
            this.config = value;
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            this.registry = value;
            return this;
        }

        /** Which backends get small requests coalesced (default: GPUs). */
        public Builder coalescing(Predicate<Backend> value) {
            this.coalescing = value;
            return this;
        }

        /** Where backend batches are timed (default {@link System#nanoTime()}; tests give a simulated one). */
        public Builder clock(LongSupplier value) {
            this.clock = value;
            return this;
        }

        /** Measured costs ({@code sigil gpu-check}) that replace the timed calibration where they apply. */
        public Builder priors(CostPriors value) {
            this.priors = value;
            return this;
        }

        public Router build() {
            return new Router(backends, config, registry != null ? registry : new SimpleMeterRegistry(), coalescing,
                    clock, priors);
        }
    }

    /** Makes the known answers once, on first use (calibration or probe), off the request path. */
    private static final class KnownAnswerSource implements java.util.function.Supplier<KnownAnswers> {
        private volatile KnownAnswers value;

        @Override
        public KnownAnswers get() {
            KnownAnswers v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = KnownAnswers.create();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
