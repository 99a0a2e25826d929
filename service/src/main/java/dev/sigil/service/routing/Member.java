package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.ops.Metrics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One backend as the router keeps it: whether it is in rotation, its cost estimates per operation and scheme, and
 * the work queued on it (items, and their estimated nanoseconds). Every call into the backend goes through
 * {@link #verify}, {@link #sign} or {@link #recover}, which time it (as its share of the backend while other batches ran beside it)
 * and feed the estimates; batches that ran at the same time on it or on a backend sharing its hardware share the
 * time. Time is read from the router's clock (the system's, or a simulated one in tests). An answer of the wrong length is a
 * {@link BackendException} (the router fails it over); any other exception than a BackendException is a bug and is
 * passed on as it is.
 */
final class Member {
    private final Backend backend;
    private final Optional<Verifier> verifier;
    private final Optional<Signer> signer;
    private final Optional<Recoverer> recoverer;
    private final boolean coalescing;
    private final Metrics metrics;
    private final LongSupplier clock;
    private final AtomicBoolean inRotation = new AtomicBoolean(true);
    private final AtomicLong queuedItems = new AtomicLong();
    private final AtomicLong queuedNanos = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    /** Batches started on the backend: where a batch starts and ends in this count tells which ran at once. */
    private final AtomicLong started = new AtomicLong();
    private final Set<String> contending = ConcurrentHashMap.newKeySet();
    private final List<Member> contenders = new CopyOnWriteArrayList<>();
    private final Map<Scheme, CostEstimate> verifyCost = new EnumMap<>(Scheme.class);
    private final Map<Scheme, CostEstimate> signCost = new EnumMap<>(Scheme.class);
    private final Map<Scheme, CostEstimate> recoverCost = new EnumMap<>(Scheme.class);
    /**
     * Admission order into a backend on the host's cores (shared by every backend on them, see {@link Fleet}); null
     * for the others.
     */
    private volatile OrderedGate gate;
    /** Permits of the gate one call takes: all of them for a backend whose batch fills the cores by itself. */
    private volatile int weight = 1;

    Member(Backend backend, boolean coalescing, double alpha, Metrics metrics, LongSupplier clock) {
        this.backend = backend;
        this.verifier = backend.verifier();
        this.signer = backend.signer();
        this.recoverer = backend.recoverer();
        this.coalescing = coalescing;
        this.metrics = metrics;
        this.clock = clock;
        if (backend.kind() == BackendKind.CPU) {
            useGate(new OrderedGate(Runtime.getRuntime().availableProcessors()));
        }
        for (Scheme s : Scheme.values()) {
            verifyCost.put(s, prior(backend.kind(), Operation.VERIFY, alpha));
            signCost.put(s, prior(backend.kind(), Operation.SIGN, alpha));
            recoverCost.put(s, prior(backend.kind(), Operation.RECOVER, alpha));
        }
    }

    /** Starting guesses until the backend has been timed: fixed nanoseconds and nanoseconds per item. */
    private static CostEstimate prior(BackendKind kind, Operation op, double alpha) {
        return switch (kind) {
            case CPU -> new CostEstimate(alpha, 20_000, 150_000);
            case GPU -> op == Operation.SIGN ? new CostEstimate(alpha, 1e9, 1e9)
                    : new CostEstimate(alpha, 5_000_000, 20_000);
            case HSM -> new CostEstimate(alpha, 1_000_000, 1_000_000);
            case TEST -> new CostEstimate(alpha, 100_000, 100_000);
        };
    }

    Backend backend() {
        return backend;
    }

    String id() {
        return backend.id();
    }

    /** The schemes the backend offers the operation for. */
    Set<Scheme> schemes(Operation op) {
        return BackendRegistry.schemes(backend, op);
    }

    boolean supports(Scheme scheme, Operation op) {
        return schemes(op).contains(scheme);
    }

    boolean canSignWith(SigningKey key) {
        return signer.isPresent() && signer.get().canSignWith(key);
    }

    boolean coalescing() {
        return coalescing;
    }

    boolean inRotation() {
        return inRotation.get();
    }

    /** Takes the backend out of rotation; true when it was in. */
    boolean takeOut() {
        return inRotation.getAndSet(false);
    }

    /** Puts the backend back in rotation; true when it was out. */
    boolean putBack() {
        return !inRotation.getAndSet(true);
    }

    CostEstimate cost(Operation op, Scheme scheme) {
        return (switch (op) {
            case VERIFY -> verifyCost;
            case SIGN -> signCost;
            case RECOVER -> recoverCost;
        }).get(scheme);
    }

    /**
     * Marks this backend as sharing hardware with another (see {@link ContentionCheck}): from now on each of this
     * one's estimates follows the other's of the same work, so that when the cores get slower for the backend that
     * has the traffic, the other, not timed meanwhile, is known slower by as much ({@link CostEstimate#follow}).
     */
    void contendsWith(Member other) {
        if (other != this && contending.add(other.id())) {
            contenders.add(other);
            for (Operation op : Operation.values()) {
                for (Scheme s : Scheme.values()) {
                    cost(op, s).follow(other.cost(op, s));
                }
            }
        }
    }

    /** The ids of the backends this one shares hardware with. */
    Set<String> contending() {
        return Set.copyOf(contending);
    }

    boolean sharesHardwareWith(Member other) {
        return contending.contains(other.id());
    }

    long queuedItems() {
        return queuedItems.get();
    }

    long queuedNanos() {
        return queuedNanos.get();
    }

    /** Counts work assigned to this backend until {@link #release}. */
    void enqueue(long items, long estimatedNanos) {
        queuedItems.addAndGet(items);
        queuedNanos.addAndGet(estimatedNanos);
    }

    void release(long items, long estimatedNanos) {
        queuedItems.addAndGet(-items);
        queuedNanos.addAndGet(-estimatedNanos);
    }

    /** Calls into the backend go through this gate (one per core; a backend whose batch fills them takes all). */
    void useGate(OrderedGate shared) {
        weight = backend.batchFillsDevice() ? shared.permits() : 1;
        gate = shared;
    }

    /**
     * Makes a call into the backend for the ticket's request: on a backend of the host's cores, once it is the
     * request's turn in admission order ({@link OrderedGate}); on the others at once.
     *
     * @throws CancelledException when the request is cancelled while it waits for its turn
     */
    <T> T inTurn(Router.Ticket ticket, java.util.function.Supplier<T> call) {
        return inTurn(ticket.order(), ticket.cancellation(), call);
    }

    /**
     * As {@link #inTurn(Router.Ticket, java.util.function.Supplier)}, for work of admission order {@code order}
     * (a coalesced batch: its earliest request's).
     */
    <T> T inTurn(long order, Cancellation cancellation, java.util.function.Supplier<T> call) {
        OrderedGate g = gate;
        if (g == null) {
            return call.get();
        }
        int w = weight;
        g.enter(order, cancellation, w);
        try {
            return call.get();
        } finally {
            g.exit(w);
        }
    }

    /** Verifies the batch on the backend, timing it; one non-null outcome per item, or an exception. */
    Outcome[] verify(VerifyBatch batch) {
        int pending = batch.pendingCount();
        double estimate = cost(Operation.VERIFY, batch.scheme()).nanosFor(pending);
        Timed timed = verifyTimed(batch);
        learn(Operation.VERIFY, batch.scheme(), pending, estimate, timed.nanos(), timed.startedAt(), timed.endedAt());
        return timed.outcomes();
    }

    /**
     * Outcomes of a batch and how long the backend took for it (its share of the wall time), and how many batches had
     * started on the backend when it started (itself not counted) and when it ended: it ran beside those in between.
     */
    record Timed(Outcome[] outcomes, long nanos, long startedAt, long endedAt) {
    }

    /** What a timed call into the backend returned, timed as {@link Timed} is. */
    private record Run<T>(T value, long nanos, long startedAt, long endedAt) {
    }

    /** Verifies the batch on the backend and times it, without feeding the estimates. */
    Timed verifyTimed(VerifyBatch batch) {
        Run<Outcome[]> run = timed(() -> verifier.orElseThrow(() -> new IllegalStateException(id()
                + " does not verify")).verify(batch));
        checkComplete(batch, run.value());
        return new Timed(run.value(), run.nanos(), run.startedAt(), run.endedAt());
    }

    /** Calls into the backend, counted as running on its hardware meanwhile, and times the call as its share. */
    private <T> Run<T> timed(java.util.function.Supplier<T> call) {
        int before = runningOnHardware(running.incrementAndGet());
        long tick = started.getAndIncrement();
        long start = now();
        T out;
        try {
            out = call.get();
        } finally {
            running.decrementAndGet();
        }
        return new Run<>(out, serviceNanos(now() - start, before), tick, started.get());
    }

    /** Feeds a timed batch to its estimate and the metrics. */
    private void learn(Operation op, Scheme scheme, long items, double estimate, long nanos, long startedAt,
            long endedAt) {
        cost(op, scheme).observe(items, nanos, startedAt, endedAt);
        metrics.batchTime(id(), scheme, op, (long) estimate, nanos);
    }

    /**
     * The part of a batch's wall time that was its own: batches that run at the same time on one backend, or on
     * backends sharing its hardware, share it (the CPU's cores), so each takes about as many times longer as there
     * were batches running, counted when it started (itself included) and when it ended.
     */
    private long serviceNanos(long wallNanos, int runningAtStart) {
        double sharing = (runningAtStart + runningOnHardware(running.get()) + 1) / 2.0;
        return (long) (wallNanos / Math.max(1.0, sharing));
    }

    /** The time, in nanoseconds, that backends are timed by. */
    long now() {
        return clock.getAsLong();
    }

    /** Batches running on this backend's hardware: {@code own} here and those on the backends sharing it. */
    private int runningOnHardware(int own) {
        int n = own;
        for (Member m : contenders) {
            n += m.running.get();
        }
        return n;
    }

    /**
     * Recovers the batch's keys on the backend, timing it and feeding the recovery estimate; one non-null outcome
     * per item, or an exception.
     */
    RecoveredKeys recover(RecoverBatch batch) {
        int pending = batch.pendingCount();
        double estimate = cost(Operation.RECOVER, batch.scheme()).nanosFor(pending);
        Run<RecoveredKeys> run = timed(() -> recoverer.orElseThrow(() -> new IllegalStateException(id()
                + " does not recover")).recover(batch));
        RecoveredKeys out = run.value();
        if (out == null || out.size() != batch.size() || java.util.Arrays.asList(out.outcomes()).contains(null)) {
            throw new BackendException.DeviceFailure(id(), "returned the wrong number of recovery outcomes", null);
        }
        learn(Operation.RECOVER, batch.scheme(), pending, estimate, run.nanos(), run.startedAt(), run.endedAt());
        return out;
    }

    /** Signs on the backend, timing it; one signature per input, or an exception. */
    List<RawSignature> sign(SigningKey key, List<byte[]> inputs) {
        double estimate = cost(Operation.SIGN, key.scheme()).nanosFor(inputs.size());
        Run<List<RawSignature>> run = timed(() -> signer.orElseThrow(() -> new IllegalStateException(id()
                + " does not sign")).sign(key, inputs));
        List<RawSignature> out = run.value();
        if (out == null || out.size() != inputs.size() || out.contains(null)) {
            throw new BackendException.DeviceFailure(id(), "returned the wrong number of signatures", null);
        }
        learn(Operation.SIGN, key.scheme(), inputs.size(), estimate, run.nanos(), run.startedAt(), run.endedAt());
        return out;
    }

    private void checkComplete(VerifyBatch batch, Outcome[] out) {
        if (out == null || out.length != batch.size()) {
            throw new BackendException.DeviceFailure(id(), "returned the wrong number of outcomes", null);
        }
        for (Outcome o : out) {
            if (o == null) {
                throw new BackendException.DeviceFailure(id(), "left an item without an outcome", null);
            }
        }
    }
}
