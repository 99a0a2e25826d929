package dev.sigil.service.routing;

/**
 * Bounds the work the router holds, by cost and by count. A request is refused at once when the work already
 * admitted and not yet done would take longer than {@code routing.maxQueueDelayMs} at the backends' estimated
 * throughput (the wait it would have before its own work starts), or when its items would pass
 * {@code routing.maxQueuedItems}. A request arriving when nothing is held is always admitted, so one request larger
 * than the bounds still runs. Work is released as it is done, and the rest when its request is answered.
 */
final class Admission {
    private final long maxItems;
    private final long maxDelayNanos;
    private long heldItems;
    private double heldNanos;

    Admission(long maxItems, long maxDelayNanos) {
        if (maxItems < 1 || maxDelayNanos < 1) {
            throw new IllegalArgumentException("the bounds must be positive");
        }
        this.maxItems = maxItems;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** Why a request was refused, and the estimated wait it would have had. */
    record Refusal(String reason, double waitNanos) {
    }

    /** Admits the items of the estimated cost, or says why not (null when admitted). */
    synchronized Refusal tryAcquire(long items, double nanos) {
        if (heldItems > 0) {
            if (heldNanos > maxDelayNanos) {
                return new Refusal("the work queued ahead would take about " + Math.round(heldNanos / 1e6)
                        + " ms (target " + maxDelayNanos / 1_000_000 + " ms)", heldNanos);
            }
            if (heldItems + items > maxItems) {
                return new Refusal("the router holds " + heldItems + " items (bound " + maxItems + ")", heldNanos);
            }
        }
        heldItems += items;
        heldNanos += nanos;
        return null;
    }

    synchronized void release(long items, double nanos) {
        heldItems -= items;
        heldNanos = heldItems == 0 ? 0 : Math.max(0, heldNanos - nanos);
    }

    synchronized long held() {
        return heldItems;
    }

    /** Estimated nanoseconds of the work held. */
    synchronized double heldNanos() {
        return heldNanos;
    }

    long maxItems() {
        return maxItems;
    }

    long maxDelayNanos() {
        return maxDelayNanos;
    }
}
