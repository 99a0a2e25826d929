package dev.sigil.gpu;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.spi.Verifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jocl.CLException;

/**
 * Verifies ECDSA (secp256k1, P-256), SM2 and Ed25519, and recovers secp256k1 public keys, on every OpenCL device
 * found (GPUs first), one work-item per signature. Verify and recover only: kernels are not constant-time, so this
 * backend never signs. Its {@link #kind()} is what
 * the devices report: an OpenCL CPU device (PoCL) is the CPU, not a GPU.
 *
 * <p>Settings: {@code deviceTypes} (e.g. {@code gpu,cpu}; default all, GPUs first), {@code chunkItems} (items per
 * device launch, default 16384), {@code localSize} (work-group size, a power of two; by default chosen per device
 * by a short timed probe at start, cached beside the program binaries), {@code int128}
 * (128-bit products on CPU devices, default true; false compiles the mul_hi path GPUs use), {@code cacheDir} (compiled program binaries; default
 * {@code <dataDir>/cache/opencl}). A device error raises {@link BackendException.DeviceFailure} and marks the
 * backend unhealthy; it never produces an outcome.
 */
public final class OpenClBackend implements Backend, Verifier, Recoverer {
    public static final String ID = "opencl";
    private static final Logger LOG = Logger.getLogger(OpenClBackend.class.getName());
    static final int DEFAULT_CHUNK = 16_384;

    private final List<DeviceWorker> workers;
    private final ExecutorService pool;
    private final LongAdder[] hostDecided = new LongAdder[Scheme.values().length];
    private volatile boolean healthy = true;
    private volatile boolean closed;

    /** A backend over already opened devices (which it then owns). */
    static OpenClBackend ofWorkers(List<DeviceWorker> workers) {
        if (workers.isEmpty()) {
            throw new IllegalArgumentException("no device");
        }
        return new OpenClBackend(workers);
    }

    private OpenClBackend(List<DeviceWorker> workers) {
        this.workers = List.copyOf(workers);
        for (int s = 0; s < hostDecided.length; s++) {
            hostDecided[s] = new LongAdder();
        }
        this.pool = workers.size() > 1 ? Executors.newFixedThreadPool(workers.size(), r -> {
            Thread t = new Thread(r, "opencl-device");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Opens every wanted device and builds the programs on each. A device that fails to open is left out (and
     * logged); the backend is unavailable only when no device opens.
     *
     * @throws BackendException.Unavailable when there is no usable device; the message of the first failure, a
     *     program build failure with the compiler's log included
     */
    public static OpenClBackend open(BackendContext context) {
        List<String> types = context.string("deviceTypes").map(Devices::parseTypes).orElse(Devices.DEFAULT_TYPES);
        List<DeviceInfo> devices;
        try {
            devices = Devices.find(types);
        } catch (CLException | LinkageError e) {
            throw new BackendException.Unavailable(ID, "OpenCL is not usable: " + e.getMessage(), e);
        }
        if (devices.isEmpty()) {
            throw new BackendException.Unavailable(ID, "no OpenCL device of types " + types, null);
        }
        return open(context, devices);
    }

    /** As {@link #open(BackendContext)}, on the devices given (the settings' {@code deviceTypes} is not used). */
    static OpenClBackend open(BackendContext context, List<DeviceInfo> devices) {
        int chunk = context.integer("chunkItems", DEFAULT_CHUNK);
        int localSize = context.integer("localSize", DeviceWorker.PROBE);
        boolean int128 = context.flag("int128", true);
        Path cacheDir = context.string("cacheDir").map(Path::of)
                .orElse(context.dataDir().resolve("cache").resolve("opencl"));
        ProgramBuilder builder = new ProgramBuilder(cacheDir);
        List<DeviceWorker> opened = new ArrayList<>();
        RuntimeException first = null;
        for (DeviceInfo d : devices) {
            try {
                opened.add(DeviceWorker.open(d, builder, chunk, localSize, KernelSources.options(d, int128)));
            } catch (KernelBuildException | CLException e) {
                LOG.log(Level.WARNING, "leaving out OpenCL device " + d.name(), e);
                first = first == null ? e : first;
            }
        }
        if (opened.isEmpty()) {
            String why = first == null ? "no OpenCL device" : first.getMessage();
            throw new BackendException.Unavailable(ID, why, first);
        }
        return new OpenClBackend(opened);
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * What the devices report: {@link BackendKind#CPU} when every device is an OpenCL CPU device (PoCL, which runs on
     * the host's own cores), else {@link BackendKind#GPU}.
     */
    @Override
    public BackendKind kind() {
        return deviceTypes().stream().allMatch("cpu"::equals) ? BackendKind.CPU : BackendKind.GPU;
    }

    /** A batch runs across every compute unit of the device (every core of an OpenCL CPU device). */
    @Override
    public boolean batchFillsDevice() {
        return true;
    }

    /** The OpenCL device type of each device ({@code cpu}, {@code gpu}, {@code accelerator}, ...), in order. */
    List<String> deviceTypes() {
        return workers.stream().map(w -> w.info().type()).toList();
    }

    /** The work-group size each device runs with, in device order (the setting's, or each probe's choice). */
    List<Integer> localSizes() {
        return workers.stream().map(DeviceWorker::localSize).toList();
    }

    @Override
    public String device() {
        return workers.stream().map(w -> w.info().name()).collect(Collectors.joining(", "));
    }

    @Override
    public Optional<Verifier> verifier() {
        return Optional.of(this);
    }

    @Override
    public Optional<Recoverer> recoverer() {
        return Optional.of(this);
    }

    @Override
    public Set<Scheme> recoverableSchemes() {
        return EnumSet.of(KernelSources.RECOVERABLE);
    }

    /** Recovery with recover.cl; a result code other than valid or invalid fails the batch as a device error. */
    @Override
    public RecoveredKeys recover(RecoverBatch batch) {
        if (closed) {
            throw new BackendException.Unavailable(ID, "backend is closed", null);
        }
        Outcome[] out = batch.newOutcomes();
        byte[] points = new byte[RecoveredKeys.POINT_BYTES * batch.size()];
        int[] idx = new int[batch.pendingCount()];
        for (int i = 0, k = 0; i < batch.size(); i++) {
            if (batch.isPending(i)) {
                idx[k++] = i;
            }
        }
        if (idx.length == 0) {
            return new RecoveredKeys(out, points);
        }
        byte[] codes;
        try {
            // on the first device, or split across the devices by weight as verification is
            codes = onDevices(idx, (worker, part) -> {
                byte[] partCodes = new byte[part.length];
                worker.runRecover(batch, part, partCodes, points);
                return partCodes;
            });
        } catch (CLException | CompletionException e) {
            healthy = false;
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            throw new BackendException.DeviceFailure(ID, "OpenCL device failed: " + cause.getMessage(), cause);
        }
        for (int t = 0; t < idx.length; t++) {
            if (codes[t] != ResultDecoder.VALID && codes[t] != ResultDecoder.INVALID) {
                healthy = false;
                throw new BackendException.DeviceFailure(ID, "recovery kernel returned result code " + codes[t]
                        + " for item " + idx[t], null);
            }
            out[idx[t]] = codes[t] == ResultDecoder.VALID ? Outcome.VALID : Outcome.INVALID;
        }
        healthy = true;
        return new RecoveredKeys(out, points);
    }

    @Override
    public Set<Scheme> verifiableSchemes() {
        return EnumSet.allOf(Scheme.class);
    }

    @Override
    public Outcome[] verify(VerifyBatch batch) {
        if (closed) {
            throw new BackendException.Unavailable(ID, "backend is closed", null);
        }
        Outcome[] out = batch.newOutcomes();
        int[] idx = new int[batch.pendingCount()];
        for (int i = 0, k = 0; i < batch.size(); i++) {
            if (batch.isPending(i)) {
                idx[k++] = i;
            }
        }
        if (idx.length == 0) {
            return out;
        }
        byte[] codes = runOnDevices(batch, idx);
        try {
            int onHost = ResultDecoder.decode(batch, idx, codes, out);
            hostDecided[batch.scheme().ordinal()].add(onHost);
        } catch (BackendException.DeviceFailure e) {
            healthy = false;
            throw e;
        }
        healthy = true;
        return out;
    }

    /**
     * Ed25519 items whose kernel result was a nonzero small-order remainder (result code 2), decided on the host by
     * Bouncy Castle's {@code Ed25519.verify}; none for the other schemes, whose kernels decide every item.
     */
    @Override
    public long hostDecidedItems(Scheme scheme) {
        return hostDecided[scheme.ordinal()].sum();
    }

    private byte[] runOnDevices(VerifyBatch batch, int[] idx) {
        try {
            return onDevices(idx, (worker, part) -> worker.run(batch, part));
        } catch (CLException | CompletionException e) {
            healthy = false;
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            throw new BackendException.DeviceFailure(ID, "OpenCL device failed: " + cause.getMessage(), cause);
        }
    }

    /**
     * The result codes of the items {@code idx}: on the first device alone for a batch under two chunks or with one
     * device, else split across the devices by {@link #weight}, each part run by {@code run} on its own thread.
     */
    private byte[] onDevices(int[] idx, java.util.function.BiFunction<DeviceWorker, int[], byte[]> run) {
        if (workers.size() == 1 || idx.length < 2 * workers.get(0).chunkItems()) {
            return run.apply(workers.get(0), idx);
        }
        long total = workers.stream().mapToLong(OpenClBackend::weight).sum();
        byte[] codes = new byte[idx.length];
        List<CompletableFuture<Void>> parts = new ArrayList<>();
        int from = 0;
        for (int w = 0; w < workers.size(); w++) {
            DeviceWorker worker = workers.get(w);
            int to = w == workers.size() - 1 ? idx.length
                    : (int) Math.min(idx.length, from + idx.length * weight(worker) / total);
            int[] part = java.util.Arrays.copyOfRange(idx, from, to);
            int at = from;
            parts.add(CompletableFuture.runAsync(() -> {
                byte[] c = run.apply(worker, part);
                System.arraycopy(c, 0, codes, at, c.length);
            }, pool));
            from = to;
        }
        CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).join();
        return codes;
    }

    /** A rough share of work: GPUs count far more per compute unit than CPU devices. */
    private static long weight(DeviceWorker w) {
        return (long) w.info().computeUnits() * (w.info().type().equals("cpu") ? 1 : 32);
    }

    /** Bytes of device memory this backend holds: base-point tables and every pipeline slot's buffers. */
    public long deviceMemoryBytes() {
        return workers.stream().mapToLong(DeviceWorker::deviceBytes).sum();
    }

    /** False after a device error (until a batch succeeds again), after close, or when a device went away. */
    @Override
    public boolean isHealthy() {
        return healthy && !closed && workers.stream().allMatch(DeviceWorker::isAvailable);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
        workers.forEach(DeviceWorker::close);
    }

    @Override
    public String toString() {
        return "OpenClBackend[" + device() + "]";
    }
}
