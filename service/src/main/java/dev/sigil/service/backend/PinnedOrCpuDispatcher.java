package dev.sigil.service.backend;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.service.ops.Metrics;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The simplest dispatcher: the pinned backend when there is one, else the CPU backend (else the first backend that
 * verifies the scheme). When a backend other than the CPU fails, the whole batch is re-run on the CPU backend.
 */
public final class PinnedOrCpuDispatcher implements Dispatcher {
    private static final Logger LOG = Logger.getLogger(PinnedOrCpuDispatcher.class.getName());

    private final BackendRegistry registry;
    private final BackendStats stats;
    private final Metrics metrics;

    public PinnedOrCpuDispatcher(BackendRegistry registry, BackendStats stats, Metrics metrics) {
        this.registry = registry;
        this.stats = stats;
        this.metrics = metrics;
    }

    @Override
    public Dispatch verify(VerifyBatch batch, Optional<String> pinnedBackend) {
        Backend first = pinnedBackend.flatMap(registry::get).orElseGet(() -> defaultFor(batch));
        try {
            return run(first, batch);
        } catch (BackendException e) {
            metrics.backendFailure(first.id());
            Optional<Backend> cpu = registry.get(BackendRegistry.CPU)
                    .filter(b -> b != first && b.supports(batch.scheme(), Operation.VERIFY));
            if (cpu.isEmpty()) {
                throw e;
            }
            LOG.warning("backend " + first.id() + " failed (" + e.getMessage() + "); re-running "
                    + batch.size() + " items on cpu");
            return run(cpu.get(), batch);
        }
    }

    private Backend defaultFor(VerifyBatch batch) {
        Optional<Backend> cpu = registry.get(BackendRegistry.CPU)
                .filter(b -> b.supports(batch.scheme(), Operation.VERIFY));
        return cpu.or(() -> registry.all().stream()
                        .filter(b -> b.supports(batch.scheme(), Operation.VERIFY)).findFirst())
                .orElseThrow(() -> new BackendException.Unavailable("service",
                        "no backend verifies " + batch.scheme(), null));
    }

    private Dispatch run(Backend backend, VerifyBatch batch) {
        int pending = batch.pendingCount();
        if (pending == 0) {
            return new Dispatch(batch.newOutcomes(), List.of(new Part(backend.id(), 0, batch.size())));
        }
        stats.begin(backend.id(), pending);
        long start = System.nanoTime();
        boolean ok = false;
        try {
            Outcome[] outcomes = backend.verify(batch);
            checkComplete(backend, batch, outcomes);
            ok = true;
            return new Dispatch(outcomes, List.of(new Part(backend.id(), 0, batch.size())));
        } finally {
            stats.end(backend.id(), batch.scheme(), pending, System.nanoTime() - start, ok);
        }
    }

    private static void checkComplete(Backend backend, VerifyBatch batch, Outcome[] outcomes) {
        if (outcomes == null || outcomes.length != batch.size()) {
            throw new BackendException.DeviceFailure(backend.id(), "returned the wrong number of outcomes", null);
        }
        for (Outcome o : outcomes) {
            if (o == null) {
                throw new BackendException.DeviceFailure(backend.id(), "left an item without an outcome", null);
            }
        }
    }
}
