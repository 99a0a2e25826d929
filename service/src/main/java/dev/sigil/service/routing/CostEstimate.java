package dev.sigil.service.routing;

/**
 * What one batch costs on one backend for one scheme: {@code fixed + items × perItem} nanoseconds. Kept current from
 * every batch the backend really ran, as an exponentially weighted least-squares fit of time against batch size (so
 * old batches fade with weight {@code (1 - alpha)} per new one). While recent batches all have about the same size
 * the two parts cannot be told apart; the fixed part is then kept and only the per-item part follows the data.
 * Thread-safe.
 */
final class CostEstimate {
    /** Cheapest per-item cost believed, in nanoseconds (a billion items per second). */
    static final double MIN_PER_ITEM_NANOS = 1.0;

    private final double decay;
    private double fixedNanos;
    private double perItemNanos;
    private boolean measured;
    private double sw;
    private double sn;
    private double snn;
    private double st;
    private double snt;

    CostEstimate(double alpha, double fixedNanos, double perItemNanos) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1]");
        }
        this.decay = 1 - alpha;
        this.fixedNanos = Math.max(0, fixedNanos);
        this.perItemNanos = Math.max(MIN_PER_ITEM_NANOS, perItemNanos);
    }

    /** Estimated nanoseconds for a batch of {@code items} items, ignoring queued work. */
    synchronized double nanosFor(long items) {
        return fixedNanos + items * perItemNanos;
    }

    synchronized double fixedNanos() {
        return fixedNanos;
    }

    synchronized double perItemNanos() {
        return perItemNanos;
    }

    /** Items per second on a long batch. */
    synchronized double itemsPerSecond() {
        return 1e9 / perItemNanos;
    }

    /** True once some batch has really been timed (calibration or traffic). */
    synchronized boolean measured() {
        return measured;
    }

    /** Adds one timed batch. */
    synchronized void observe(long items, long nanos) {
        if (items <= 0 || nanos <= 0) {
            return;
        }
        sw = sw * decay + 1;
        sn = sn * decay + items;
        snn = snn * decay + (double) items * items;
        st = st * decay + nanos;
        snt = snt * decay + (double) items * nanos;
        measured = true;
        refit();
    }

    private void refit() {
        double meanN = sn / sw;
        double meanT = st / sw;
        double varN = snn / sw - meanN * meanN;
        double cov = snt / sw - meanN * meanT;
        boolean spread = varN > 0.01 * meanN * meanN && varN >= 1;
        if (spread && cov > 0) {
            double slope = cov / varN;
            double intercept = meanT - slope * meanN;
            if (intercept >= 0) {
                perItemNanos = Math.max(MIN_PER_ITEM_NANOS, slope);
                fixedNanos = intercept;
                return;
            }
        }
        double keptFixed = Math.min(fixedNanos, meanT);
        perItemNanos = Math.max(MIN_PER_ITEM_NANOS, (meanT - keptFixed) / meanN);
        fixedNanos = keptFixed;
    }
}
