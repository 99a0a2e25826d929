package dev.sigil.service.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What one batch costs on one backend for one scheme: {@code fixed + items × perItem} nanoseconds. Kept current from
 * every batch the backend really ran, as an exponentially weighted least-squares fit of time against batch size (so
 * old batches fade with weight {@code (1 - alpha)} per new one). While recent batches all have about the same size
 * the two parts cannot be told apart; the fixed part is then kept and only the per-item part follows the data (when
 * they are all of at most {@link #SMALL_BATCH} items, the other way round). The
 * fixed part never exceeds the (weighted average) time of recent batches of at most {@link #SMALL_BATCH} items:
 * under saturation large batches wait for each other, which a straight-line fit would read as a large fixed part.
 *
 * <p>A backend whose real cost moved away from the estimate (a JIT that finished compiling, a device that throttles,
 * a neighbour that took the cores) is noticed as drift: one batch faster than the estimate by {@link #DRIFT_FACTOR},
 * or {@link #SLOW_DRIFT_RUN} batches in a row slower by it, make the estimate forget its history and start again
 * from the new batch, both parts scaled by the same factor. A fast batch sets the new speed at once (nothing makes a
 * backend spuriously fast); a slow run scales by the least slow of its batches, and never by more than
 * {@link #OUTLIER_FACTOR} at once (a busy machine that stalled two batches in a row read a backend at a thirtieth of
 * its speed; a real slow-down takes a second restart). The batches of a slow run must not have run at the same time:
 * one stall (a garbage collection, a burst of other work on the cores) slows every batch running through it, and two
 * concurrent batches slowed by it are one piece of evidence, not two (on two cores, two clients' SM2 batches both
 * read three times slow now and then, which restarted the cpu estimate at a third of its speed and sent the next
 * requests to a backend half as fast until exploration came back to it).
 *
 * <p>An estimate can {@link #follow(CostEstimate) follow} the estimate of the same work on a backend that shares its
 * hardware: when the cores get slower for one (other work on them: 40 clients' 20 000-item requests being decoded),
 * they got slower for the other as well, though the other, not chosen, has no batch to show it. The cpu backend's
 * estimate grew from 20 to 143 µs an item under such a load, by its fit, while PoCL's stayed at the 80 µs it was last
 * measured at, and whole requests went to PoCL, three times slower there. So the followed estimate's slow-down since
 * this one was last timed scales this one: its {@link #pace()} now against the least it was since its first update
 * after this one's last timed batch (updates before that are already in this one's own history: a backend explored
 * under the load must not make the other, timed under the same load, look slower still). Only a slow-down of
 * {@link #SHARED_SLOWDOWN} or more counts: below that an estimate's own noise would read as load, and a backend that
 * only follows would drift slower with every exploration. Getting faster is not followed: the cpu backend's estimate
 * falls as the JIT compiles it, which says nothing of PoCL. The next batch of more than {@link #SMALL_BATCH} items
 * the backend really runs settles it (the estimate is then timed at the slowed-down scale, and drifts back at once if
 * the slow-down was not its own). A backend that loses work only by the slow-down it follows is re-measured by the
 * next batch ({@link Fleet}).
 * Thread-safe.
 */
final class CostEstimate {
    /** Cheapest per-item cost believed, in nanoseconds (a billion items per second). */
    static final double MIN_PER_ITEM_NANOS = 1.0;
    /**
     * A batch slower than this many times the estimate counts as only this slow: one stall (a busy machine, a
     * garbage collection) moves the estimate a step, a lasting slow-down moves it over a few batches.
     */
    static final double OUTLIER_FACTOR = 4.0;
    /** Batches of at most this many items bound the fixed part from above: it cannot exceed their time. */
    static final int SMALL_BATCH = 4;
    /** A batch off the estimate by more than this factor, either way, is a sign of drift. */
    static final double DRIFT_FACTOR = 1.5;
    /** Slow batches in a row that count as drift rather than stalls. */
    static final int SLOW_DRIFT_RUN = 2;
    /** The least slow-down of a followed estimate (see {@link #follow}) that this one follows. */
    static final double SHARED_SLOWDOWN = DRIFT_FACTOR;

    private final double decay;
    private double fixedNanos;
    private double perItemNanos;
    /**
     * The per-item part as it was after the last batch that was mostly per-item work (see {@link #tellsPace}), or the
     * last seed: how fast the hardware runs this backend now, which the estimates that follow this one compare. NaN
     * until then. Written under the lock; read without it by those estimates.
     */
    private volatile double pace = Double.NaN;
    private boolean measured;
    /** True once batches of different sizes have separated the fixed and per-item parts. */
    private boolean fitted;
    private double sw;
    private double sn;
    private double snn;
    private double st;
    private double snt;
    private double smallBatchNanos = Double.NaN;
    private int slowRun;
    /** The smallest measured ÷ estimated ratio of the current slow run. */
    private double slowRunRatio = Double.POSITIVE_INFINITY;
    /** When the last batch counted in the current slow run ended (see {@link #observe(long, long, long, long)}). */
    private long slowRunEnd = Long.MIN_VALUE;
    /**
     * True from a restart at a slower speed, or from {@link #doubt()}, until the next batch of more than
     * {@link #SMALL_BATCH} items.
     */
    private boolean recheck;
    /** Batches counted since the start or the last drift. */
    private int observations;
    private long drifts;
    /** The estimates this one follows. */
    private final List<Link> following = new CopyOnWriteArrayList<>();
    /** The estimates that follow this one. */
    private final List<Link> followers = new CopyOnWriteArrayList<>();

    CostEstimate(double alpha, double fixedNanos, double perItemNanos) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]");
        }
        this.decay = 1 - alpha;
        this.fixedNanos = Math.max(0, fixedNanos);
        this.perItemNanos = Math.max(MIN_PER_ITEM_NANOS, perItemNanos);
    }

    /**
     * Estimated nanoseconds for a batch of {@code items} items, ignoring queued work (as are all the figures below:
     * with the slow-down of the hardware shared with followed estimates, see {@link #follow}).
     */
    synchronized double nanosFor(long items) {
        return ownNanosFor(items) * sharedSlowdown();
    }

    synchronized double fixedNanos() {
        return fixedNanos * sharedSlowdown();
    }

    synchronized double perItemNanos() {
        return perItemNanos * sharedSlowdown();
    }

    /** Items per second on a long batch. */
    synchronized double itemsPerSecond() {
        return 1e9 / perItemNanos();
    }

    /** As this backend's own batches have shown, without the slow-down of the hardware shared with others. */
    private double ownNanosFor(long items) {
        return fixedNanos + items * perItemNanos;
    }

    /**
     * Nanoseconds for a batch of {@code items} items as this backend's own batches have shown, and the slow-down of
     * the shared hardware ({@link #follow}) not applied: below {@link #nanosFor} while that slow-down is followed.
     */
    synchronized double ownNanos(long items) {
        return ownNanosFor(items);
    }

    /**
     * From now on this estimate is scaled by {@code other}'s slow-downs, for work of the same kind on a backend that
     * shares this one's hardware (see the class comment).
     */
    void follow(CostEstimate other) {
        if (other == this) {
            return;
        }
        Link link = new Link(other);
        following.add(link);
        other.followers.add(link);
    }

    /** The largest slow-down of a followed estimate since this one was last timed, or 1. */
    private double sharedSlowdown() {
        double f = 1;
        for (Link l : following) {
            f = Math.max(f, l.slowdown());
        }
        return f;
    }

    /** One estimate followed by another: how far the followed one's cost per item has risen. */
    private static final class Link {
        private final CostEstimate followed;
        /**
         * The least cost per item of the followed estimate since its first update after the follower was last
         * timed; NaN until that update.
         */
        private double anchor = Double.NaN;

        Link(CostEstimate followed) {
            this.followed = followed;
        }

        /** The follower was timed: what the followed estimate did before is in its history now. */
        synchronized void followerTimed() {
            anchor = Double.NaN;
        }

        /** The followed estimate changed (its lock is held: this lock is taken last). */
        synchronized void followedUpdated(double pace) {
            anchor = Double.isNaN(anchor) ? pace : Math.min(anchor, pace);
        }

        synchronized double slowdown() {
            double ratio = followed.pace / anchor; // NaN until the followed one is updated: not >=
            return ratio >= SHARED_SLOWDOWN ? ratio : 1;
        }
    }

    /** True once some batch has really been timed (calibration or traffic). */
    synchronized boolean measured() {
        return measured;
    }

    /**
     * True when the estimate last restarted at a slower speed, or was only timed at start ({@link #doubt()}), and no
     * batch of more than {@link #SMALL_BATCH} items has been counted since: the backend may have lost its traffic on
     * one unlucky pair of batches or a cold start, and the next batch it gets tells (measured against the estimate: a
     * fast one restarts it at once).
     */
    synchronized boolean wantsRecheck() {
        return recheck;
    }

    /**
     * Marks the estimate as in doubt until the next batch of more than {@link #SMALL_BATCH} items: a start-up
     * calibration on two cores shared with the JIT compiling the service read the cpu backend at a quarter to a half
     * of its speed, below PoCL's for SM2 and Ed25519.
     */
    synchronized void doubt() {
        recheck = true;
    }

    /** How often drift made the estimate start again. */
    synchronized long drifts() {
        return drifts;
    }

    /**
     * Starts from a cost measured elsewhere ({@link CostPriors}): as if one batch of 1 and one of {@code largeBatch}
     * items had taken exactly that, so traffic refines it like a calibrated estimate.
     */
    synchronized void seed(double fixed, double perItem, int largeBatch) {
        fixedNanos = Math.max(0, fixed);
        perItemNanos = Math.max(MIN_PER_ITEM_NANOS, perItem);
        following.forEach(Link::followerTimed);
        double one = ownNanosFor(1);
        double many = ownNanosFor(largeBatch);
        smallBatchNanos = one;
        sw = 2;
        sn = 1 + (double) largeBatch;
        snn = 1 + (double) largeBatch * largeBatch;
        st = one + many;
        snt = one + largeBatch * many;
        observations = 2;
        fitted = true;
        measured = true;
        slowRun = 0;
        refit();
        tellPace();
    }

    /** Adds one timed batch that ran after the ones before it. */
    synchronized void observe(long items, long measuredNanos) {
        observe(items, measuredNanos, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * Adds one timed batch that started at {@code startedAt} and ended at {@code endedAt}, on any one count that only
     * goes up (the member counts the batches started on it: a batch started before another ended has a start below
     * that one's end): a slow batch that started before the last slow batch counted ended does not lengthen the slow
     * run.
     */
    synchronized void observe(long items, long measuredNanos, long startedAt, long endedAt) {
        if (items <= 0 || measuredNanos <= 0) {
            return;
        }
        boolean tells = tellsPace(items);
        boolean scaled = false;
        if (items > SMALL_BATCH) {
            // the shared hardware got slower since the last batch: the history is scaled to it, and the batch
            // measured against that (drifting back at once when the slow-down was not this backend's). A tiny batch
            // says nothing of the per-item part, which would keep the slow-down without a check.
            double slowdown = sharedSlowdown();
            scaled = slowdown > 1;
            scale(slowdown);
            following.forEach(Link::followerTimed);
        }
        // a restart at a slower speed, or a slow-down followed, scaled the estimate: the batch that rechecks it is
        // measured against it
        if (items > SMALL_BATCH && (fitted || recheck || scaled || observations >= SLOW_DRIFT_RUN + 1)
                && drifted(items, measuredNanos, startedAt, endedAt)) {
            recheck = restart(items, measuredNanos) > 1;
            if (tells) {
                tellPace();
            }
            return;
        }
        recheck &= items <= SMALL_BATCH; // tiny batches say nothing of the per-item part
        // Until sizes have been told apart (one batch of one item leaves all its time in the fixed part), the
        // estimate is no yardstick for outliers: clamping then would read a large batch as nearly free.
        double nanos = fitted ? Math.min(measuredNanos, OUTLIER_FACTOR * ownNanosFor(items)) : measuredNanos;
        if (items <= SMALL_BATCH) {
            smallBatchNanos = Double.isNaN(smallBatchNanos) ? nanos
                    : smallBatchNanos + (1 - decay) * (nanos - smallBatchNanos);
        }
        observations++;
        sw = sw * decay + 1;
        sn = sn * decay + items;
        snn = snn * decay + (double) items * items;
        st = st * decay + nanos;
        snt = snt * decay + items * nanos;
        measured = true;
        refit();
        if (tells) {
            tellPace();
        }
    }

    /** Scales the estimate, and the batches it was fitted on, by {@code factor} when above 1. */
    private void scale(double factor) {
        if (!(factor > 1)) {
            return;
        }
        fixedNanos *= factor;
        perItemNanos *= factor;
        st *= factor;
        snt *= factor;
        smallBatchNanos *= factor; // NaN stays NaN
    }

    /** True when this batch, with the ones before it, says the backend's cost is no longer the estimate. */
    private boolean drifted(long items, long measuredNanos, long startedAt, long endedAt) {
        double ratio = measuredNanos / ownNanosFor(items);
        if (ratio > DRIFT_FACTOR) {
            slowRunRatio = Math.min(slowRunRatio, ratio);
            if (slowRun > 0 && startedAt < slowRunEnd) {
                return false; // it ran beside the last one counted: the same stall may have slowed both
            }
            slowRunEnd = endedAt;
            return ++slowRun >= SLOW_DRIFT_RUN;
        }
        slowRun = 0;
        slowRunEnd = Long.MIN_VALUE;
        slowRunRatio = Double.POSITIVE_INFINITY;
        return ratio < 1 / DRIFT_FACTOR;
    }

    /**
     * Forgets the history: both parts scaled by the drift (a fast batch's own, or the least slow batch of a slow run
     * up to {@link #OUTLIER_FACTOR}), this batch then the only one counted at the new scale. Returns the scale.
     */
    private double restart(long items, long measuredNanos) {
        double ratio = measuredNanos / ownNanosFor(items);
        double scale = ratio > 1 ? Math.min(Math.min(ratio, slowRunRatio), OUTLIER_FACTOR) : ratio;
        slowRunRatio = Double.POSITIVE_INFINITY;
        slowRunEnd = Long.MIN_VALUE;
        fixedNanos *= scale;
        perItemNanos = Math.max(MIN_PER_ITEM_NANOS, perItemNanos * scale);
        slowRun = 0;
        drifts++;
        observations = 1;
        fitted = false;
        double nanos = ownNanosFor(items);
        sw = 1;
        sn = items;
        snn = (double) items * items;
        st = nanos;
        snt = items * nanos;
        refit();
        return scale;
    }

    /**
     * True when a batch of this many items is mostly per-item work by the estimate (the per-item part at least four
     * times the fixed one): what it does to the per-item part is the hardware's pace. A batch whose time is mostly the
     * fixed part moves the per-item part by the split of the two: one of 10 items among PoCL's batches of 500 moved
     * it from 79 to 28 µs and the next batch back to 106, which would have read as the cores four times slower.
     */
    private boolean tellsPace(long items) {
        return items * perItemNanos >= 4 * fixedNanos;
    }

    /** The pace ({@link #pace}): NaN until a batch told it. */
    double pace() {
        return pace;
    }

    /** Takes the per-item part as the pace, and tells the estimates that follow this one. */
    private void tellPace() {
        pace = perItemNanos;
        for (Link l : followers) {
            l.followedUpdated(pace);
        }
    }

    private void refit() {
        double meanN = sn / sw;
        double meanT = st / sw;
        double varN = snn / sw - meanN * meanN;
        double cov = snt / sw - meanN * meanT;
        if (meanN <= SMALL_BATCH) {
            // recent batches are (almost) all tiny: their time is the fixed part; they say nothing of the per-item
            // part, which is kept (a flood of single items read a backend at 35 times its speed)
            fixedNanos = Math.max(0, meanT - perItemNanos * meanN);
            return;
        }
        boolean spread = varN > 0.01 * meanN * meanN && varN >= 1;
        double fixed = fixedNanos;
        if (spread && cov > 0) {
            double intercept = meanT - cov / varN * meanN;
            fixed = intercept >= 0 ? intercept : fixed;
            fitted = true;
        }
        if (!Double.isNaN(smallBatchNanos)) {
            fixed = Math.min(fixed, smallBatchNanos);
        }
        fixedNanos = Math.min(fixed, meanT);
        perItemNanos = Math.max(MIN_PER_ITEM_NANOS, (meanT - fixedNanos) / meanN);
    }
}
