package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Times each backend at start, off the request path: per scheme it verifies, a known-answer batch once untimed
 * (class loading, kernel compilation), then the N-item batch again and again until it stops getting faster (the JIT
 * has compiled the hot code, caches are warm; at most {@link #WARM_MAX_ROUNDS} rounds or {@link #WARM_MAX_MILLIS}),
 * then batches of 1 and of N items three times each; the fastest time of each size gives the cost model its fixed
 * and per-item parts. Timing a cold backend read the CPU backend at a tenth of its speed; even warmed, a backend on the
 * host's cores reads low while the service starts on them, so its estimate is left in doubt
 * ({@link CostEstimate#doubt()}) and the first routed batch of the scheme that does not go to it goes to it. Where
 * {@link CostPriors}
 * hold measured costs of the backend's devices for a scheme ({@code sigil gpu-check}), those are its estimate instead,
 * after the known-answer batch. A backend that fails here, or answers wrongly, is taken out of rotation until a probe
 * brings it back. Then the {@link ContentionCheck} finds backends that share hardware.
 */
final class Calibrator {
    private static final Logger LOG = Logger.getLogger(Calibrator.class.getName());
    /**
     * Items in the large calibration batch: enough to use every CPU thread; more for a GPU, which wants large
     * batches; fewer for an HSM or anything else, which may be slow per item.
     */
    static final int CPU_ITEMS = 128;
    static final int GPU_ITEMS = 512;
    static final int OTHER_ITEMS = 32;
    /** Timed runs per size; the fastest counts, as the others were slowed by something else. */
    private static final int ROUNDS = 3;
    /**
     * Warm-up ends, once it has run {@link #WARM_MIN_MILLIS}, after this many rounds in a row no faster than
     * {@link #WARM_GAIN} × the best so far.
     */
    static final int WARM_STABLE_ROUNDS = 3;
    static final double WARM_GAIN = 0.95;
    static final int WARM_MAX_ROUNDS = 60;
    static final long WARM_MIN_MILLIS = 250;
    static final long WARM_MAX_MILLIS = 3_000;

    /** Items in the large calibration batch of a backend of this kind. */
    static int itemsFor(BackendKind kind) {
        return switch (kind) {
            case CPU -> CPU_ITEMS;
            case GPU -> GPU_ITEMS;
            case HSM, TEST -> OTHER_ITEMS;
        };
    }

    /** The large batch a prior is read as having been measured at (its fit then holds it as two batches). */
    static final int PRIOR_BATCH = 1 << 16;

    private final Fleet fleet;
    private final Supplier<KnownAnswers> answers;
    private final CostPriors priors;

    Calibrator(Fleet fleet, Supplier<KnownAnswers> answers, CostPriors priors) {
        this.fleet = fleet;
        this.answers = answers;
        this.priors = priors;
    }

    void run() {
        KnownAnswers ka = answers.get();
        for (Member m : fleet.members()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                calibrate(m, ka);
            } catch (BackendException e) {
                fleet.takeOut(m, "calibration failed: " + e.getMessage());
            } catch (RuntimeException e) {
                fleet.takeOut(m, "calibration failed: " + e.getClass().getSimpleName());
            }
        }
        try {
            ContentionCheck.run(fleet, ka);
        } catch (RuntimeException e) {
            LOG.warning("checking which backends share hardware failed: " + e.getClass().getSimpleName());
        }
    }

    private void calibrate(Member m, KnownAnswers ka) {
        int n = itemsFor(m.backend().kind());
        for (Scheme scheme : m.schemes(Operation.VERIFY)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (!ka.matches(scheme, m.verifyTimed(ka.batch(scheme)).outcomes())) {
                fleet.takeOut(m, "wrong answer on the known-answer batch of " + scheme);
                return;
            }
            CostEstimate c = m.cost(Operation.VERIFY, scheme);
            java.util.Optional<CostPriors.Cost> prior = priors.verify(m.id(), m.backend().device(), scheme);
            if (prior.isPresent()) {
                CostPriors.Cost p = prior.get();
                c.seed(p.fixedNanos(), p.perItemNanos(), PRIOR_BATCH);
                LOG.info(() -> "starting estimate of " + m.id() + " " + scheme.wireName() + " from measured costs"
                        + priors.writtenAt().map(at -> " of " + at).orElse("") + ": fixed "
                        + Math.round(c.fixedNanos() / 1e3) + " µs, " + Math.round(c.itemsPerSecond()) + " items/s");
                continue;
            }
            VerifyBatch one = ka.tiled(scheme, 1);
            VerifyBatch many = ka.tiled(scheme, n);
            int rounds = warm(m, many);
            LOG.fine(() -> "warmed " + m.id() + " " + scheme + " in " + rounds + " rounds");
            long oneNanos = Long.MAX_VALUE;
            long manyNanos = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                oneNanos = Math.min(oneNanos, m.verifyTimed(one).nanos());
                manyNanos = Math.min(manyNanos, m.verifyTimed(many).nanos());
            }
            c.observe(1, oneNanos);
            c.observe(n, manyNanos);
            if (m.backend().kind() == BackendKind.CPU) {
                // timed on the cores the service is starting on (the JIT compiling it): the first traffic checks it
                c.doubt();
            }
            LOG.fine(() -> "calibrated " + m.id() + " " + scheme + ": fixed " + Math.round(c.fixedNanos() / 1e3)
                    + " µs, " + Math.round(c.itemsPerSecond()) + " items/s");
        }
    }

    /**
     * Runs the batch for at least {@link #WARM_MIN_MILLIS} and until {@link #WARM_STABLE_ROUNDS} rounds in a row are
     * no faster than the best so far by more than 5 %, within the round and time limits; returns the rounds run.
     */
    private int warm(Member m, VerifyBatch batch) {
        long start = fleet.clock().getAsLong();
        long floor = start + WARM_MIN_MILLIS * 1_000_000;
        long deadline = start + WARM_MAX_MILLIS * 1_000_000;
        long best = Long.MAX_VALUE;
        int stable = 0;
        int rounds = 0;
        while (rounds < WARM_MAX_ROUNDS && (stable < WARM_STABLE_ROUNDS || fleet.clock().getAsLong() < floor)
                && fleet.clock().getAsLong() < deadline && !Thread.currentThread().isInterrupted()) {
            long t = m.verifyTimed(batch).nanos();
            rounds++;
            if (t < best * WARM_GAIN) {
                stable = 0;
            } else {
                stable++;
            }
            best = Math.min(best, t);
        }
        return rounds;
    }
}
