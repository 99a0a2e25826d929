package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where signing may run: never on a GPU (its kernels are not constant-time); a key held in a token only on the
 * backend holding it; a software key on any other backend that signs its scheme with software keys, never on an
 * HSM. Among those, the one that finishes first given its queue; on a device failure the next one. A key failure is
 * about the key, not the backend: it is passed on as it is.
 */
final class SignRouting {
    private final Fleet fleet;

    SignRouting(Fleet fleet) {
        this.fleet = fleet;
    }

    /** True when the member may sign with the key at all. */
    static boolean mayUse(Member m, SigningKey key) {
        BackendKind kind = m.backend().kind();
        if (kind == BackendKind.GPU || !m.supports(key.scheme(), Operation.SIGN)) {
            return false;
        }
        boolean allowed = key instanceof SigningKey.Token token ? token.backendId().equals(m.id())
                : kind != BackendKind.HSM;
        return allowed && m.canSignWith(key);
    }

    Router.Signed sign(SigningKey key, List<byte[]> inputs) {
        Set<String> failed = new HashSet<>();
        BackendException last = null;
        while (true) {
            Member next = choose(key, inputs.size(), failed);
            if (next == null) {
                throw last != null ? last : new BackendException.Unavailable("router",
                        "no backend can sign with key " + key.keyId(), null);
            }
            try {
                return run(next, key, inputs);
            } catch (BackendException.KeyFailure e) {
                throw e;
            } catch (BackendException e) {
                last = e;
                failed.add(next.id());
                fleet.failed(next, e);
            }
        }
    }

    private Router.Signed run(Member m, SigningKey key, List<byte[]> inputs) {
        Scheme scheme = key.scheme();
        long nanos = (long) m.cost(Operation.SIGN, scheme).nanosFor(inputs.size());
        m.enqueue(inputs.size(), nanos);
        fleet.metrics().routed(m.id(), scheme, Operation.SIGN, inputs.size());
        try {
            List<RawSignature> out = m.sign(key, inputs);
            return new Router.Signed(out, m.id());
        } finally {
            m.release(inputs.size(), nanos);
        }
    }

    private Member choose(SigningKey key, int items, Set<String> failed) {
        List<Member> able = fleet.members().stream()
                .filter(m -> !failed.contains(m.id()) && mayUse(m, key)).toList();
        List<Member> inRotation = able.stream().filter(Member::inRotation).toList();
        List<Member> pool = inRotation.isEmpty() ? able : inRotation;
        return pool.stream().min(Comparator.comparingDouble(m -> m.queuedNanos()
                + m.cost(Operation.SIGN, key.scheme()).nanosFor(items))).orElse(null);
    }
}
