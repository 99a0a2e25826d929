package dev.sigil.service.routing;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;

/**
 * A request pinned to a backend that the router does not have, or that cannot do the operation for the scheme.
 * Nothing of the request was run.
 */
public final class PinnedBackendUnavailableException extends RequestException {
    private final String backendId;

    public PinnedBackendUnavailableException(String backendId, String message) {
        super(ErrorCode.BACKEND_NOT_OFFERED, message);
        this.backendId = backendId;
    }

    public String backendId() {
        return backendId;
    }
}
