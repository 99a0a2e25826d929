package dev.sigil.service.routing;

/**
 * A request pinned to a backend that the router does not have, or that cannot do the operation for the scheme.
 * Nothing of the request was run.
 */
public final class PinnedBackendUnavailableException extends RuntimeException {
    private final String backendId;

    public PinnedBackendUnavailableException(String backendId, String message) {
        super(message, null, false, false);
        this.backendId = backendId;
    }

    public String backendId() {
        return backendId;
    }
}
