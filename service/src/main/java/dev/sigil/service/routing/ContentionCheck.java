package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Finds backends that share hardware that their devices do not tell (backends whose devices report the host's CPU
 * are known to share it already, see {@link Fleet}), such as an HSM whose driver spins on the CPU: each pair that
 * verifies a common scheme runs a known-answer batch alone, then both at once (timed from the start to the later
 * end, each end read on the thread that ran it). Independent backends finish together in about the time of the
 * slower one; backends that share their hardware need about the sum. Such a pair contends: the router counts the
 * work queued on either as queued on both, and never splits one batch across them (that would only add overhead).
 */
final class ContentionCheck {
    /** Most items per backend in the check (fewer for kinds calibrated with fewer, see {@link Calibrator}). */
    static final int ITEMS = 128;
    /**
     * Share of the faster backend's time by which running both at once must exceed the slower one's time for the
     * pair to count as sharing hardware: 0 when independent, 1 when fully shared.
     */
    static final double SHARED_ABOVE = 0.5;
    private static final int ROUNDS = 2;

    private ContentionCheck() {
    }

    /** Checks every pair of members and marks the ones that contend. */
    static void run(Fleet fleet, KnownAnswers ka) {
        List<Member> members = new ArrayList<>(fleet.members());
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                Member a = members.get(i);
                Member b = members.get(j);
                Optional<Scheme> common = common(a, b);
                if (common.isPresent() && a.inRotation() && b.inRotation() && !a.sharesHardwareWith(b)
                        && sharedOrFalse(a, b, ka.tiled(common.get(), itemsFor(a, b)))) {
                    fleet.share(a, b, "running both at once takes about as long as one after the other");
                }
            }
        }
    }

    /** Few enough items for the slower kind of backend of the pair, at most {@link #ITEMS}. */
    private static int itemsFor(Member a, Member b) {
        return Math.min(ITEMS, Math.min(Calibrator.itemsFor(a.backend().kind()),
                Calibrator.itemsFor(b.backend().kind())));
    }

    private static Optional<Scheme> common(Member a, Member b) {
        for (Scheme s : a.schemes(Operation.VERIFY)) {
            if (b.supports(s, Operation.VERIFY)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** As {@link #shared}; a pair where either fails counts as independent (the failure is dealt with elsewhere). */
    private static boolean sharedOrFalse(Member a, Member b, VerifyBatch batch) {
        try {
            return shared(a, b, batch);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when running both at once takes about as long as running one after the other. */
    static boolean shared(Member a, Member b, VerifyBatch batch) {
        long alone = Long.MAX_VALUE;
        long other = Long.MAX_VALUE;
        long together = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            alone = Math.min(alone, wall(a, () -> a.verifyTimed(batch)));
            other = Math.min(other, wall(b, () -> b.verifyTimed(batch)));
            long start = a.now();
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> {
                a.verifyTimed(batch);
                return a.now();
            }, r -> Thread.ofVirtual().start(r));
            b.verifyTimed(batch);
            long second = b.now();
            together = Math.min(together, Math.max(first.join(), second) - start);
        }
        return excess(alone, other, together) > SHARED_ABOVE;
    }

    /** How much longer both at once took than the slower alone, as a share of the faster alone. */
    static double excess(long aNanos, long bNanos, long togetherNanos) {
        long slower = Math.max(aNanos, bNanos);
        long faster = Math.max(1, Math.min(aNanos, bNanos));
        return (double) (togetherNanos - slower) / faster;
    }

    private static long wall(Member m, Runnable work) {
        long start = m.now();
        work.run();
        return m.now() - start;
    }
}
