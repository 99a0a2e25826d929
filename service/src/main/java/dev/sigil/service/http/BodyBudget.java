package dev.sigil.service.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies held at once, across all requests and connections: a body is counted from its first
 * byte (or at once for its declared {@code Content-Length}) until its request has been answered. A body that would
 * pass the cap is refused with {@code overloaded}, so many clients sending large bodies together cannot exhaust the
 * heap however each of them stays under the per-request limit.
 */
public final class BodyBudget {
    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    public BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** Takes {@code bytes} from the budget, or nothing and false when that would pass the cap. */
    public boolean tryTake(long bytes) {
        while (true) {
            long now = held.get();
            if (bytes > capacity - now) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    public void give(long bytes) {
        held.addAndGet(-bytes);
    }

    /** Bytes held now. */
    public long held() {
        return held.get();
    }

    public long capacity() {
        return capacity;
    }
}
