package dev.sigil.service.backend;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import java.util.List;
import java.util.Optional;

/**
 * Chooses where a verify batch runs and runs it: the seam between the HTTP edge and the backends.
 * Implementations give every item an outcome or throw; they never drop items.
 */
public interface Dispatcher {

    /**
     * Verifies the batch, on the pinned backend when one is given (the caller checked it exists and supports the
     * scheme).
     *
     * @throws dev.sigil.crypto.spi.BackendException when no backend could do the work
     */
    Dispatch verify(VerifyBatch batch, Optional<String> pinnedBackend);

    /** Items {@code [from, to)} of the batch were handled by the backend. */
    record Part(String backendId, int from, int to) {
    }

    /** One outcome per item, in order, and which backend handled which items. */
    record Dispatch(Outcome[] outcomes, List<Part> parts) {
    }
}
