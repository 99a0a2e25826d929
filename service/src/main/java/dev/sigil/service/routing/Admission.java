package dev.sigil.service.routing;

import java.util.function.LongSupplier;

/**
 * Bounds the work the router holds, by cost and by count. A request is refused at once when the work already
 * admitted and not yet done would take longer than {@code routing.maxQueueDelayMs} (the wait it would have before
 * its own work starts), or when its items would pass {@code routing.maxQueuedItems}. A request arriving when nothing
 * is held is always admitted, so one request larger than the bounds still runs. Work is released as it is done, and
 * the rest when its request is answered.
 *
 * <p>The wait is the work held at the backends' estimated throughput, times the <em>slowdown</em>: the wall time the
 * work held really took per estimated nanosecond, measured while a queue stood (a wait of at least a quarter of the
 * target), so that it is the saturated drain rate and not the latency of lone requests. It covers what the estimates
 * leave out under load (decoding the bodies, answering, other processes on the same cores) and estimates that have not
 * caught up yet; it starts at 1 and moves by halves towards each quarter-second sample, within [1/4, 16].
 */
final class Admission {
    /** Wall time a slowdown sample spans. */
    static final long SAMPLE_NANOS = 250_000_000;
    static final double MIN_SLOWDOWN = 0.25;
    static final double MAX_SLOWDOWN = 16;

    private final long maxItems;
    private final long maxDelayNanos;
    private final LongSupplier clock;
    private long heldItems;
    private double heldNanos;
    private double slowdown = 1;
    private long lastTick;
    private boolean deep;
    private long sampleWall;
    private double sampleDone;

    Admission(long maxItems, long maxDelayNanos, LongSupplier clock) {
        if (maxItems < 1 || maxDelayNanos < 1) {
            throw new IllegalArgumentException("the bounds must be positive");
        }
        this.maxItems = maxItems;
        this.maxDelayNanos = maxDelayNanos;
        this.clock = clock;
        this.lastTick = clock.getAsLong();
    }

    /** Why a request was refused, and the estimated wait it would have had. */
    record Refusal(String reason, double waitNanos) {
    }

    /** Admits the items of the estimated cost, or says why not (null when admitted). */
    synchronized Refusal tryAcquire(long items, double nanos) {
        tick();
        if (heldItems > 0) {
            Refusal late = lateRefusal();
            if (late != null) {
                return late;
            }
            if (heldItems + items > maxItems) {
                return new Refusal("the router holds " + heldItems + " items (bound " + maxItems + ")", waitNanos());
            }
        }
        heldItems += items;
        heldNanos += nanos;
        deep = queueStands();
        return null;
    }

    /** The refusal any request would get now because the wait is past the target, or null. */
    synchronized Refusal lateRefusal() {
        double wait = waitNanos();
        if (heldItems > 0 && wait > maxDelayNanos) {
            return new Refusal("the work queued ahead would take about " + Math.round(wait / 1e6) + " ms (target "
                    + maxDelayNanos / 1_000_000 + " ms)", wait);
        }
        return null;
    }

    /** Work withdrawn before it ran (a reservation replaced by its request, a request that ended early). */
    synchronized void release(long items, double nanos) {
        tick();
        take(items, nanos);
    }

    /** Work done: released, and counted towards the slowdown. */
    synchronized void done(long items, double nanos) {
        tick();
        if (deep) {
            sampleDone += Math.min(nanos, heldNanos);
        }
        take(items, nanos);
    }

    private void take(long items, double nanos) {
        heldItems -= items;
        heldNanos = heldItems == 0 ? 0 : Math.max(0, heldNanos - nanos);
        deep = queueStands();
    }

    /**
     * A queue stands while the wait the work held means is at least a quarter of the target: judged by the wait, not
     * by the estimated work alone, so that a slowdown learned in a stall (which keeps the work admitted small) is
     * measured again by the queues it still allows.
     */
    private boolean queueStands() {
        return heldNanos * slowdown >= maxDelayNanos / 4.0;
    }

    /** Counts the wall time since the last change while a queue stood; takes a sample every quarter second. */
    private void tick() {
        long now = clock.getAsLong();
        if (deep) {
            sampleWall += now - lastTick;
            if (sampleWall >= SAMPLE_NANOS && sampleDone > 0) {
                double observed = sampleWall / sampleDone;
                slowdown = Math.max(MIN_SLOWDOWN, Math.min(MAX_SLOWDOWN, slowdown + 0.5 * (observed - slowdown)));
                sampleWall = 0;
                sampleDone = 0;
            }
        }
        lastTick = now;
    }

    synchronized long held() {
        return heldItems;
    }

    /** The wait the work held means now: its estimated nanoseconds times the slowdown. */
    synchronized double waitNanos() {
        return heldNanos * slowdown;
    }

    /** Wall time per estimated nanosecond of work done, measured while a queue stood. */
    synchronized double slowdown() {
        return slowdown;
    }

    long maxDelayNanos() {
        return maxDelayNanos;
    }
}
