package dev.sigil.service.http;

import io.vertx.ext.web.Router;

/** Registers {@code POST /v1/sign}. */
public final class SignRoute {
    public static final String PATH = "/v1/sign";

    private SignRoute() {
    }

    public static void register(Router router, SignHandler handler) {
        router.post(PATH).handler(handler);
    }
}
