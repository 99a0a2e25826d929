package dev.sigil.service.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Registers {@code POST /v1/sign}. */
public final class SignRoute {
    public static final String PATH = "/v1/sign";

    private SignRoute() {
    }

    /** The gate checks the token on the headers, then the body is read, then the handler runs. */
    public static void register(Router router, AuthGate gate, Handler<RoutingContext> body, SignHandler handler) {
        router.post(PATH).handler(gate).handler(body).handler(handler);
    }
}
