package dev.sigil.service.routing;

import dev.sigil.crypto.VerifyBatch;
import dev.sigil.service.backend.Dispatcher;
import java.util.Optional;

/** The service's verify seam backed by the {@link Router}. */
public final class RouterDispatcher implements Dispatcher {
    private final Router router;

    public RouterDispatcher(Router router) {
        this.router = router;
    }

    @Override
    public Dispatch verify(VerifyBatch batch, Optional<String> pinnedBackend) {
        Router.Routed routed = router.verify(batch, pinnedBackend);
        return new Dispatch(routed.outcomes(), routed.parts().stream()
                .map(p -> new Part(p.backendId(), p.from(), p.to())).toList());
    }
}
