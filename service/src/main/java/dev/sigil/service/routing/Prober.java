package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Watches the backends on a schedule: one in rotation whose cheap health check fails is taken out; one out of
 * rotation is put back when its health check passes and it answers every known-answer batch of the schemes it
 * verifies exactly as expected, within a time limit.
 */
final class Prober {
    private static final Logger LOG = Logger.getLogger(Prober.class.getName());
    private final Fleet fleet;
    private final Supplier<KnownAnswers> answers;
    private final long timeoutMillis;

    Prober(Fleet fleet, Supplier<KnownAnswers> answers, long timeoutMillis) {
        this.fleet = fleet;
        this.answers = answers;
        this.timeoutMillis = timeoutMillis;
    }

    /** One round over every backend; never throws, so that the schedule goes on. */
    void tick() {
        for (Member m : fleet.members()) {
            try {
                check(m);
            } catch (RuntimeException e) {
                LOG.warning("probe of backend " + m.id() + " failed: " + e.getClass().getSimpleName());
            }
        }
    }

    private void check(Member m) {
        if (m.inRotation()) {
            if (!healthy(m)) {
                fleet.takeOut(m, "health check failed");
            }
        } else if (healthy(m) && answersCorrectly(m)) {
            fleet.recovered(m);
        }
    }

    private static boolean healthy(Member m) {
        try {
            return m.backend().isHealthy();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** True when every known-answer batch comes back right in time (vacuously for a backend that only signs). */
    boolean answersCorrectly(Member m) {
        KnownAnswers ka = answers.get();
        CompletableFuture<Boolean> check = CompletableFuture.supplyAsync(() -> {
            for (Scheme scheme : m.schemes(Operation.VERIFY)) {
                if (!ka.matches(scheme, m.verify(ka.batch(scheme)))) {
                    return false;
                }
            }
            return true;
        }, r -> Thread.ofVirtual().name("sigil-probe-" + m.id()).start(r));
        try {
            return check.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
