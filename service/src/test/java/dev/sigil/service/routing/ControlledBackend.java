package dev.sigil.service.routing;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.Verifier;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A backend for tests: the real answers come from a {@link CpuBackend}; after them it sleeps a controlled time per
 * batch and per item (or spends it on a {@link VirtualTime}), and can be made to fail (always, on the next calls, at random, or halfway through a batch),
 * to throw as a bug would, to lie (flip every answer), to report itself unhealthy, or to hold batches at a gate.
 */
final class ControlledBackend implements Backend, Verifier, Signer {
    private final String id;
    private final BackendKind kind;
    private final CpuBackend cpu;
    private final Set<Scheme> verifies;
    private final Set<Scheme> signs;
    private volatile long fixedNanos;
    private volatile long perItemNanos;
    private volatile boolean broken;
    private volatile boolean lying;
    private volatile boolean buggy;
    private volatile boolean healthy = true;
    private volatile double failureRate;
    private volatile CountDownLatch gate;
    private volatile VirtualTime time;
    private volatile VirtualTime.Core core;
    private volatile boolean fillsDevice;
    private volatile ControlledBackend watched;
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger overlaps = new AtomicInteger();
    private final AtomicInteger coldCalls = new AtomicInteger();
    private volatile int coldFactor = 1;
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong itemsVerified = new AtomicLong();
    private final AtomicInteger signCalls = new AtomicInteger();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final Map<String, SigningKey.Software> held = new ConcurrentHashMap<>();

    ControlledBackend(String id, BackendKind kind, CpuBackend cpu, Set<Scheme> verifies, Set<Scheme> signs) {
        this.id = id;
        this.kind = kind;
        this.cpu = cpu;
        this.verifies = verifies.isEmpty() ? EnumSet.noneOf(Scheme.class) : EnumSet.copyOf(verifies);
        this.signs = signs.isEmpty() ? EnumSet.noneOf(Scheme.class) : EnumSet.copyOf(signs);
    }

    static ControlledBackend verifier(String id, BackendKind kind, CpuBackend cpu, Set<Scheme> schemes) {
        return new ControlledBackend(id, kind, cpu, schemes, Set.of());
    }

    ControlledBackend speed(long fixedMicros, long perItemMicros) {
        this.fixedNanos = fixedMicros * 1_000;
        this.perItemNanos = perItemMicros * 1_000;
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public BackendKind kind() {
        return kind;
    }

    @Override
    public String device() {
        return "controlled test device " + id;
    }

    @Override
    public Optional<Verifier> verifier() {
        return verifies.isEmpty() ? Optional.empty() : Optional.of(this);
    }

    @Override
    public Optional<Signer> signer() {
        return signs.isEmpty() ? Optional.empty() : Optional.of(this);
    }

    @Override
    public Set<Scheme> verifiableSchemes() {
        return verifies;
    }

    @Override
    public Set<Scheme> signableSchemes() {
        return signs;
    }

    @Override
    public boolean batchFillsDevice() {
        return fillsDevice;
    }

    @Override
    public Outcome[] verify(VerifyBatch batch) {
        inside.incrementAndGet();
        try {
            ControlledBackend other = watched;
            boolean overlapped = other != null && other.inside.get() > 0;
            Outcome[] out = verifyInside(batch);
            if (overlapped || other != null && other.inside.get() > 0) {
                overlaps.incrementAndGet();
            }
            return out;
        } finally {
            inside.decrementAndGet();
        }
    }

    /** Its batches fill the device by themselves, as an OpenCL device's do ({@link Backend#batchFillsDevice()}). */
    ControlledBackend fillingDevice() {
        this.fillsDevice = true;
        return this;
    }

    /** Counts its verify calls during which the other backend was verifying too (at their start or end). */
    ControlledBackend watching(ControlledBackend other) {
        this.watched = other;
        return this;
    }

    /** Verify calls that ran while the {@link #watching watched} backend was verifying too. */
    int overlaps() {
        return overlaps.get();
    }

    private Outcome[] verifyInside(VerifyBatch batch) {
        calls.incrementAndGet();
        entered.countDown();
        awaitGate();
        int pending = batch.pendingCount();
        if (buggy) {
            throw new IllegalStateException("simulated bug in the backend");
        }
        if (broken || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                || (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate)) {
            spend(fixedNanos + pending * perItemNanos / 2);
            throw new BackendException.DeviceFailure(id, "simulated device failure halfway through", null);
        }
        int slower = coldCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? coldFactor : 1;
        Outcome[] out = cpu.verify(batch);
        spend(slower * (fixedNanos + pending * perItemNanos));
        batchSizes.add(batch.size());
        itemsVerified.addAndGet(pending);
        return lying ? flipped(out) : out;
    }

    private static Outcome[] flipped(Outcome[] out) {
        Outcome[] flipped = out.clone();
        for (int i = 0; i < flipped.length; i++) {
            if (flipped[i].verdict() != Verdict.MALFORMED) {
                flipped[i] = Outcome.of(!flipped[i].isValid());
            }
        }
        return flipped;
    }

    @Override
    public List<RawSignature> sign(SigningKey key, List<byte[]> inputs) {
        signCalls.incrementAndGet();
        if (broken) {
            throw new BackendException.DeviceFailure(id, "simulated signing failure", null);
        }
        SigningKey.Software software = key instanceof SigningKey.Software s ? s : held.get(key.keyId());
        if (software == null) {
            throw new BackendException.KeyFailure(id, "no such key in the token", null);
        }
        return cpu.sign(software, inputs);
    }

    @Override
    public boolean canSignWith(SigningKey key) {
        return signs.contains(key.scheme())
                && (key instanceof SigningKey.Software
                        || key instanceof SigningKey.Token t && t.backendId().equals(id) && held.containsKey(t.keyId()));
    }

    @Override
    public boolean isHealthy() {
        return healthy;
    }

    @Override
    public void close() {
    }

    /** Spends its simulated time on the virtual clock (which the router must be timing with) instead of sleeping. */
    ControlledBackend timedBy(VirtualTime value) {
        this.time = value;
        return this;
    }

    /** The next {@code calls} verify calls take {@code factor} times as long (a cold JIT, a kernel not built yet). */
    ControlledBackend coldFor(int calls, int factor) {
        this.coldFactor = factor;
        coldCalls.set(calls);
        return this;
    }

    /** What a verify batch with this many pending items costs now, in nanoseconds (once warm). */
    long costNanos(long items) {
        return fixedNanos + items * perItemNanos;
    }

    /** Runs every verify on the core, in virtual time: backends given the same one share one core. */
    ControlledBackend sharing(VirtualTime.Core value) {
        this.core = value;
        return this;
    }

    /** Keeps the key as if it lived in this backend's token; returns the token handle. */
    SigningKey.Token hold(SigningKey.Software key) {
        held.put(key.keyId(), key);
        return new SigningKey.Token(key.keyId(), key.publicKey(), id);
    }

    void broken(boolean value) {
        broken = value;
    }

    void buggy(boolean value) {
        buggy = value;
    }

    void lying(boolean value) {
        lying = value;
    }

    void healthy(boolean value) {
        healthy = value;
    }

    void failureRate(double value) {
        failureRate = value;
    }

    void failNextCalls(int n) {
        failNext.set(n);
    }

    /** Holds every verify call at a gate until {@link #openGate()}. */
    void closeGate() {
        gate = new CountDownLatch(1);
    }

    void openGate() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** Waits until some verify call has started. */
    boolean awaitEntered(long millis) throws InterruptedException {
        return entered.await(millis, TimeUnit.MILLISECONDS);
    }

    int calls() {
        return calls.get();
    }

    int signCalls() {
        return signCalls.get();
    }

    long itemsVerified() {
        return itemsVerified.get();
    }

    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    private void awaitGate() {
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException.DeviceFailure(id, "interrupted at the gate", e);
            }
        }
    }

    private void spend(long nanos) {
        VirtualTime t = time;
        if (t != null) {
            t.work(core, nanos);
            return;
        }
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
