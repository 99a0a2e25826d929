package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.spi.BackendException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a recovery batch runs: recovery is its own operation, with its own cost estimates per backend (fixed latency
 * and per-item cost of {@link Operation#RECOVER}, kept current from every batch). The whole batch goes to the
 * backend that finishes it first given its queue and the queues of the backends sharing its hardware, or to the
 * pinned one first; on a device failure the backend is taken out of rotation and the batch runs on the next one.
 */
final class RecoverRouting {
    private final Fleet fleet;

    RecoverRouting(Fleet fleet) {
        this.fleet = fleet;
    }

    Router.Recovered recover(RecoverBatch batch, Member pinned, Router.Ticket ticket) {
        Set<String> failed = new HashSet<>();
        BackendException last = null;
        Member next = pinned != null ? pinned : choose(batch.pendingCount(), failed);
        try {
            while (next != null) {
                ticket.cancellation().check();
                try {
                    return run(next, batch, ticket);
                } catch (BackendException e) {
                    last = e;
                    failed.add(next.id());
                    fleet.failed(next, e);
                }
                next = choose(batch.pendingCount(), failed);
            }
        } finally {
            ticket.done(batch.scheme(), batch.pendingCount());
        }
        throw last != null ? last : new BackendException.Unavailable("router",
                "no backend recovers " + batch.scheme() + " keys", null);
    }

    private Router.Recovered run(Member m, RecoverBatch batch, Router.Ticket ticket) {
        int items = batch.pendingCount();
        long nanos = (long) m.cost(Operation.RECOVER, batch.scheme()).nanosFor(items);
        m.enqueue(items, nanos);
        fleet.metrics().routed(m.id(), batch.scheme(), Operation.RECOVER, items);
        try {
            RecoveredKeys keys = m.inTurn(ticket, () -> m.recover(batch));
            return new Router.Recovered(keys, m.id());
        } finally {
            m.release(items, nanos);
        }
    }

    private Member choose(int items, Set<String> failed) {
        List<Member> pool = fleet.candidates(dev.sigil.crypto.Scheme.ECDSA_SECP256K1, Operation.RECOVER, failed);
        return pool.stream().min(Comparator.comparingDouble(m -> finish(m, items))).orElse(null);
    }

    /** When the member would finish: its queue and those of the backends sharing its hardware, then the batch. */
    private double finish(Member m, int items) {
        double queued = m.queuedNanos();
        for (String other : m.contending()) {
            Member o = fleet.member(other);
            queued += o == null ? 0 : o.queuedNanos();
        }
        return queued + m.cost(Operation.RECOVER, dev.sigil.crypto.Scheme.ECDSA_SECP256K1).nanosFor(items);
    }
}
