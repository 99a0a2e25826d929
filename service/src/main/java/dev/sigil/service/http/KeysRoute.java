package dev.sigil.service.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Registers the key endpoints. */
public final class KeysRoute {
    public static final String PATH = "/v1/keys";

    private KeysRoute() {
    }

    /**
     * @param read the gate of the reading endpoints ({@code sign} or {@code admin})
     * @param create the gate of key creation ({@code admin}), checked before the body is read
     */
    public static void register(Router router, AuthGate read, AuthGate create, Handler<RoutingContext> body,
            KeysHandler handler) {
        router.get(PATH).handler(read).handler(handler::list);
        router.post(PATH).handler(create).handler(body).handler(handler::create);
        router.get(PATH + "/:keyId").handler(read).handler(handler::get);
    }
}
