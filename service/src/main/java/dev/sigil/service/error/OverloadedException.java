package dev.sigil.service.error;

/**
 * {@code overloaded}: the service already holds as much work as it may (the router's {@code routing.maxQueuedItems},
 * or the worker queue), so the request was refused at once, before any of it was queued.
 */
public final class OverloadedException extends RequestException {
    private final long retryAfterSeconds;

    public OverloadedException(String message, long retryAfterSeconds) {
        super(ErrorCode.OVERLOADED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Whole seconds a client should wait before retrying (the estimated time for queued work to drain), at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
