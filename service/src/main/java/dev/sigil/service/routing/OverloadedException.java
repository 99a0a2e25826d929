package dev.sigil.service.routing;

/**
 * The router already holds as much work as it may ({@code routing.maxQueuedItems}): the request was refused at once,
 * before any of it was queued. {@link #retryAfterSeconds()} is the estimated time for the queued work to drain.
 */
public final class OverloadedException extends RuntimeException {
    private final long retryAfterSeconds;

    public OverloadedException(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds a client should wait before retrying, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
