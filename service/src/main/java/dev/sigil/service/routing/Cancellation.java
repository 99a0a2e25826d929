package dev.sigil.service.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Says that nobody will read a request's answer any more (its client disconnected, or it was answered with an
 * error): the router then drops the request's items still queued and does not re-run those in flight. Cancelling
 * is idempotent; actions registered after it run at once. Thread-safe.
 */
public final class Cancellation {
    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public boolean isCancelled() {
        return cancelled;
    }

    /** Cancels, running every registered action once. */
    public void cancel() {
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
        }
        actions.forEach(Runnable::run);
    }

    /** Runs the action when cancelled (at once when already cancelled). */
    void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }

    /** Throws {@link CancelledException} when cancelled. */
    void check() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
