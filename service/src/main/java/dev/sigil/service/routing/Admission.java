package dev.sigil.service.routing;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the work the router holds: items are admitted while the total stays within the bound (a request arriving
 * when nothing is held is always admitted, so one request larger than the bound still runs), and released when
 * their request is answered. Past the bound a request is refused at once instead of waiting.
 */
final class Admission {
    private final long maxItems;
    private final AtomicLong held = new AtomicLong();

    Admission(long maxItems) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("the bound must be positive");
        }
        this.maxItems = maxItems;
    }

    /** Admits the items, or returns false when that would pass the bound. */
    boolean tryAcquire(long items) {
        while (true) {
            long now = held.get();
            if (now > 0 && now + items > maxItems) {
                return false;
            }
            if (held.compareAndSet(now, now + items)) {
                return true;
            }
        }
    }

    void release(long items) {
        held.addAndGet(-items);
    }

    long held() {
        return held.get();
    }

    long maxItems() {
        return maxItems;
    }
}
