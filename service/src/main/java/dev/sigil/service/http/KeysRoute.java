package dev.sigil.service.http;

import io.vertx.ext.web.Router;

/** Registers the key endpoints. */
public final class KeysRoute {
    public static final String PATH = "/v1/keys";

    private KeysRoute() {
    }

    public static void register(Router router, KeysHandler handler) {
        router.get(PATH).handler(handler::list);
        router.post(PATH).handler(handler::create);
        router.get(PATH + "/:keyId").handler(handler::get);
    }
}
