package dev.sigil.service.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Registers {@code POST /v1/verify}. */
public final class VerifyRoute {
    public static final String PATH = "/v1/verify";

    private VerifyRoute() {
    }

    /**
     * The gate checks the token on the headers, the work is reserved from the declared length (refused at once when
     * overloaded), then the body is read, then the handler runs.
     */
    public static void register(Router router, AuthGate gate, Handler<RoutingContext> body, VerifyHandler handler) {
        router.post(PATH).handler(gate).handler(handler.admission()).handler(body).handler(handler);
    }
}
