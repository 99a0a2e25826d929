package dev.sigil.service.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Registers {@code POST /v1/recover}. */
public final class RecoverRoute {
    public static final String PATH = "/v1/recover";

    private RecoverRoute() {
    }

    /** As verify: the gate checks the token on the headers, then the body is read, then the handler runs. */
    public static void register(Router router, AuthGate gate, Handler<RoutingContext> body, RecoverHandler handler) {
        router.post(PATH).handler(gate).handler(handler.admission()).handler(body).handler(handler);
    }
}
