package dev.sigil.service.routing;

/** The request was cancelled ({@link Cancellation}) before all of its items ran: nobody reads its answer. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("the request was cancelled", null, false, false);
    }
}
