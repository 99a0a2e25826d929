package dev.sigil.service.http;

import io.vertx.ext.web.Router;

/** Registers {@code POST /v1/recover}. */
public final class RecoverRoute {
    public static final String PATH = "/v1/recover";

    private RecoverRoute() {
    }

    public static void register(Router router, RecoverHandler handler) {
        router.post(PATH).handler(handler);
    }
}
